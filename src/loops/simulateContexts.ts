/**
 * Many contexts with fixed per-context sample counts n_j: because contexts are one-hot, the
 * columns of the softmax decouple (Sect. 2.1) and each context is its own chain of Eq (5), run
 * here by the single-context engine; the aggregates say how collapse spreads over contexts.
 * Nothing is shared between contexts: n_j is fixed, and context j's chain depends on its own
 * p_j^(0) and draws only (the contexts draw one after the other from one rng). The exact law at
 * tiny sizes is src/exact/multiContextExact.ts (exactFixedCountsLaw), held to this simulator by
 * contexts-fixed-counts-exact.
 */
import type { Rng } from "../rng/index.ts";
import { checkIntegerAtLeast } from "../validate.ts";
import type { MultiContextRecord } from "./multiContextRecord.ts";
import type { RunRecord } from "./runRecord.ts";
import { simulateRunChecked } from "./simulateRun.ts";
import { checkSimulationConfig, type CheckedConfig, type SimulationConfig } from "./simulationConfig.ts";

/** A SimulationConfig with one p_j^(0) and one n_j per context (N, K, setting shared). */
export interface ContextsConfig extends Omit<SimulationConfig, "p0" | "n" | "realSample"> {
  /** p_j^(0) for j = 0..c-1. */
  p0: ArrayLike<number>[];
  /** n_j per context, or one n for all. */
  n: number | number[];
  /** Also record sigma_j^(m) and n_j^(m) per context (contextSigma, contextCount). Default false. */
  recordContexts?: boolean;
}

/**
 * Runs c independent chains, context j with (p_j^(0), n_j), one after the other on rng, and
 * aggregates per generation: mean sigma over contexts, fraction collapsed, contexts visited
 * (all c, every n_j >= 1), mean n_j^(m); plus T_j and T = first m with all contexts collapsed.
 * A chain stopped at its collapse (stopAtCollapse) keeps its last state in the aggregates, which
 * is exact where collapse is absorbing (fully-synthetic).
 * @example simulateContexts(createRng(1), { setting: "fully-synthetic", p0: [[0.5, 0.5], [0.9, 0.1]], n: 10, generations: 200, stopAtCollapse: true }).T; // => max_j T_j
 */
export function simulateContexts(rng: Rng, config: ContextsConfig): MultiContextRecord {
  const configs = checkContextsConfig(config);
  if (config.recordContexts !== undefined && typeof config.recordContexts !== "boolean") {
    throw new TypeError(`recordContexts must be a boolean, got ${String(config.recordContexts)}`);
  }
  return simulateContextsChecked(rng, configs, config.recordContexts ?? false);
}

/** Validates a ContextsConfig into one checked single-context configuration per context. */
export function checkContextsConfig(config: ContextsConfig): CheckedConfig[] {
  if (config === null || typeof config !== "object") throw new TypeError("config must be an object");
  if (!Array.isArray(config.p0)) throw new TypeError("p0 must be an array of distributions, one per context");
  const c = checkIntegerAtLeast(config.p0.length, "p0.length", 1);
  if (Array.isArray(config.n) && config.n.length !== c) {
    throw new RangeError(`n must have one entry per context (${c}), got ${config.n.length}`);
  }
  const out: CheckedConfig[] = [];
  for (let j = 0; j < c; j++) {
    const n = Array.isArray(config.n) ? config.n[j] : config.n;
    try {
      out.push(checkSimulationConfig({ ...config, p0: config.p0[j], n }));
    } catch (e) {
      if (e instanceof RangeError || e instanceof TypeError) {
        const Ctor = e instanceof RangeError ? RangeError : TypeError;
        throw new Ctor(e.message.replace(/^(p0|n)\b/, `$1[${j}]`));
      }
      throw e;
    }
  }
  return out;
}

/**
 * `simulateContexts` on validated per-context configurations; with `recordContexts`, per context
 * sigma_j^(m) and n_j^(m) for m = 0..M (a chain stopped at its collapse keeps its last state, count 0).
 */
export function simulateContextsChecked(rng: Rng, configs: CheckedConfig[], recordContexts = false): MultiContextRecord {
  const runs: RunRecord[] = configs.map((cfg) => simulateRunChecked(rng, cfg));
  const c = runs.length;
  const M = Math.max(...runs.map((r) => r.generations));
  const rec: MultiContextRecord = {
    contexts: c,
    T: null,
    contextT: runs.map((r) => r.T),
    generations: M,
    contextsVisited: [],
    meanSigma: [],
    fractionCollapsed: [],
    meanCount: [],
  };
  for (let m = 0; m <= M; m++) {
    let sig = 0;
    let collapsed = 0;
    let visited = 0;
    let count = 0;
    for (const r of runs) {
      const i = Math.min(m, r.generations);
      sig += r.sigma[i];
      if (r.supNorm[i] === 1) collapsed++;
      if (m > 0) {
        visited++;
        count += r.trainingSize[i];
      }
    }
    rec.meanSigma.push(sig / c);
    rec.fractionCollapsed.push(collapsed / c);
    rec.contextsVisited.push(visited);
    rec.meanCount.push(visited > 0 ? count / visited : 0);
    if (m > 0 && collapsed === c && rec.T === null) rec.T = m;
  }
  if (recordContexts) {
    rec.contextSigma = runs.map((r) => Array.from({ length: M + 1 }, (_, m) => r.sigma[Math.min(m, r.generations)]));
    rec.contextCount = runs.map((r) => Array.from({ length: M + 1 }, (_, m) => (m <= r.generations ? r.trainingSize[m] : 0)));
  }
  return rec;
}
