/**
 * The engine of Eq (5): one run of recursive training under any schedule, recording the measures
 * of every generation. Each model p^(m) is kept as sparse counts over its live tokens, so a
 * generation costs O(sum over its sources of their live tokens), never O(s); dead tokens are
 * never visited again. Only the models the schedule can still draw from are kept.
 */
import { entropyOfCounts } from "../measure/entropy.ts";
import { l1DistanceToReference } from "../measure/l1Distance.ts";
import { l2SquaredDistanceToReference } from "../measure/l2Distance.ts";
import type { DenseReference } from "../measure/reference.ts";
import { sigmaOfCounts } from "../measure/sigma.ts";
import { sparseFromDense, type SparseCounts } from "../measure/sparseCounts.ts";
import { supNormOfCounts } from "../measure/supNorm.ts";
import { supportSizeOfCounts } from "../measure/supportSize.ts";
import type { Rng } from "../rng/index.ts";
import { multinomialOnSupport } from "../sample/multinomial.ts";
import { CountAccumulator } from "./countAccumulator.ts";
import { RealCorpus } from "./realCorpus.ts";
import type { RunRecord } from "./runRecord.ts";
import { checkSimulationConfig, type CheckedConfig, type SimulationConfig } from "./simulationConfig.ts";

/** Called with each new model p^(m), m >= 1, as sparse counts (read it, do not keep or change it). */
export type GenerationObserver = (m: number, model: SparseCounts) => void;

/**
 * Simulates generations 1..M of one setting from p^(0) and records, for m = 0..M, sigma_m,
 * ||p^(m)||_inf, L1 and L2 distances to p^(0) and p^(1), entropy, support size and n^(m); and T.
 * `observe`, if given, sees every p^(m) (for plots such as Figure 1, and for tests).
 * Eq (5): p^(m) = (1/n^(m)) sum_t sum_{l <= n_t^(m)} y_l^(t), y^(t) ~ p^(t) (t = 0: the real corpus,
 * drawn once per run from p^(0) unless config.realSample gives it).
 * @example simulateRun(createRng(1), { setting: "fully-synthetic", p0: [0.5, 0.5], n: 10, generations: 100, stopAtCollapse: true }).T; // => e.g. 9
 */
export function simulateRun(rng: Rng, config: SimulationConfig, observe?: GenerationObserver): RunRecord {
  return simulateRunChecked(rng, checkSimulationConfig(config), observe);
}

/**
 * `simulateRun` on an already validated configuration; `workspace` (for this config's s) saves
 * the O(s) buffers across runs.
 */
export function simulateRunChecked(
  rng: Rng,
  config: CheckedConfig,
  observe?: GenerationObserver,
  workspace?: Workspace,
): RunRecord {
  const ws = workspace?.s === config.p0.length ? workspace : new Workspace(config.p0.length);
  return new Engine(rng, config, observe, ws).run();
}

/** Buffers one run needs, reusable by the next run over the same s (not by two runs at once). */
export class Workspace {
  readonly acc: CountAccumulator;
  readonly scratch: Int32Array;
  /** p^(1) as dense counts (a distance reference), zero outside p1Ids[0..p1k). */
  readonly p1Values: Float64Array;
  readonly p1Ids: Int32Array;
  p1k = 0;
  /** Model buffers of capacity s, free for reuse. */
  readonly free: SparseCounts[] = [];

  constructor(readonly s: number) {
    this.acc = new CountAccumulator(s);
    this.scratch = new Int32Array(s);
    this.p1Values = new Float64Array(s);
    this.p1Ids = new Int32Array(s);
  }
}

class Engine {
  private readonly acc: CountAccumulator;
  private readonly scratch: Int32Array;
  private readonly models: (SparseCounts | undefined)[] = [];
  private corpus: RealCorpus | null = null;
  /** Recycle model buffers (finite history); with all history kept, store models at their size. */
  private readonly pooled: boolean;

  constructor(
    private readonly rng: Rng,
    private readonly config: CheckedConfig,
    private readonly observe: GenerationObserver | undefined,
    private readonly ws: Workspace,
  ) {
    this.acc = ws.acc;
    this.scratch = ws.scratch;
    this.pooled = Number.isFinite(config.schedule.historyDepth);
  }

  run(): RunRecord {
    const { config } = this;
    const { schedule, p0Measures: z } = config;
    if (!schedule.freshReal) {
      const counts = config.realSample ?? this.drawFromP0Dense(schedule.corpusSize);
      this.corpus = new RealCorpus(sparseFromDense(counts));
    }
    const rec: RunRecord = {
      T: null,
      collapsedTo: null,
      generations: 0,
      trainingSize: [0],
      sigma: [z.sigma],
      supNorm: [z.supNorm],
      l1ToP0: [0],
      l1ToP1: [0],
      l2ToP0: [0],
      l2ToP1: [0],
      l2SquaredToP0: [0],
      l2SquaredToP1: [0],
      entropy: [z.entropy],
      supportSize: [z.supportSize],
    };
    let p1Ref: DenseReference | null = null;
    for (let m = 1; m <= config.generations; m++) {
      const model = this.generation(m);
      this.observe?.(m, model);
      if (m === 1) {
        p1Ref = this.p1Reference(model);
        rec.l1ToP1[0] = l1DistanceToReference(model, config.p0Ref);
        rec.l2SquaredToP1[0] = l2SquaredDistanceToReference(model, config.p0Ref);
        rec.l2ToP1[0] = Math.sqrt(rec.l2SquaredToP1[0]);
      }
      const top = supNormOfCounts(model);
      const d0 = l2SquaredDistanceToReference(model, config.p0Ref);
      const d1 = l2SquaredDistanceToReference(model, p1Ref!);
      rec.trainingSize.push(model.total);
      rec.sigma.push(sigmaOfCounts(model));
      rec.supNorm.push(top);
      rec.l1ToP0.push(l1DistanceToReference(model, config.p0Ref));
      rec.l1ToP1.push(l1DistanceToReference(model, p1Ref!));
      rec.l2ToP0.push(Math.sqrt(d0));
      rec.l2ToP1.push(Math.sqrt(d1));
      rec.l2SquaredToP0.push(d0);
      rec.l2SquaredToP1.push(d1);
      rec.entropy.push(entropyOfCounts(model));
      rec.supportSize.push(supportSizeOfCounts(model));
      rec.generations = m;
      if (top === 1 && rec.T === null) {
        rec.T = m;
        rec.collapsedTo = diracToken(model);
        if (config.stopAtCollapse) break;
      }
    }
    if (this.pooled) for (const mdl of this.models) if (mdl !== undefined) this.ws.free.push(mdl);
    return rec;
  }

  /** p^(1) as an exact count reference, in the workspace's dense buffer. */
  private p1Reference(model: SparseCounts): DenseReference {
    const { ws } = this;
    for (let j = 0; j < ws.p1k; j++) ws.p1Values[ws.p1Ids[j]] = 0;
    let sumSquares = 0;
    for (let j = 0; j < model.k; j++) {
      ws.p1Values[model.ids[j]] = model.counts[j];
      ws.p1Ids[j] = model.ids[j];
      sumSquares += model.counts[j] * model.counts[j];
    }
    ws.p1k = model.k;
    return { values: ws.p1Values, scale: model.total, mass: model.total, sumSquares };
  }

  /** Trains p^(m) on the schedule's samples and stores it; drops models no longer reachable. */
  private generation(m: number): SparseCounts {
    const { schedule } = this.config;
    if (schedule.keepsPreviousData && m > 1) this.acc.addModel(this.models[m - 1]!);
    for (const { t, count } of schedule.draws(m, this.rng)) {
      if (t > 0) this.drawFromModel(this.models[t]!, count);
      else if (this.corpus !== null) this.corpus.addTo(this.acc, count, this.rng);
      else this.drawFromP0(count);
    }
    const drop = m - schedule.historyDepth;
    if (drop >= 1 && this.pooled) {
      this.ws.free.push(this.models[drop]!);
      this.models[drop] = undefined;
    }
    const model = this.pooled ? this.acc.take(this.ws.free.pop() ?? this.newBuffer()) : this.acc.take();
    this.models[m] = model;
    return model;
  }

  private newBuffer(): SparseCounts {
    return { ids: new Int32Array(this.ws.s), counts: new Int32Array(this.ws.s), k: 0, total: 0 };
  }

  /** count fresh samples from p^(t), a sparse model: Multinomial(count, counts / total). */
  private drawFromModel(model: SparseCounts, count: number): void {
    const out = this.scratch;
    multinomialOnSupport(this.rng, count, model.counts, identity(model.k), model.k, out);
    for (let j = 0; j < model.k; j++) this.acc.add(model.ids[j], out[j]);
  }

  /** count fresh samples from p^(0) (fresh real data): Multinomial(count, p0) over supp(p0). */
  private drawFromP0(count: number): void {
    const out = this.scratch;
    const ids = this.config.p0Ids;
    multinomialOnSupport(this.rng, count, this.config.p0, ids, ids.length, out);
    for (let j = 0; j < ids.length; j++) this.acc.add(ids[j], out[ids[j]]);
  }

  private drawFromP0Dense(count: number): Int32Array {
    const out = new Int32Array(this.ws.s);
    const ids = this.config.p0Ids;
    multinomialOnSupport(this.rng, count, this.config.p0, ids, ids.length, out);
    return out;
  }
}

let identityIds = new Int32Array(0);

/** [0, 1, ..., k-1] (shared, grown on demand): the support of a sparse model's own entries. */
function identity(k: number): Int32Array {
  if (identityIds.length < k) {
    identityIds = new Int32Array(Math.max(k, 2 * identityIds.length));
    for (let j = 0; j < identityIds.length; j++) identityIds[j] = j;
  }
  return identityIds;
}

function diracToken(model: SparseCounts): number {
  for (let j = 0; j < model.k; j++) if (model.counts[j] === model.total) return model.ids[j];
  return -1;
}
