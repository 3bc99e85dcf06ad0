/**
 * The exact law of one run of recursive training (Eq (5)) in every setting, for tiny parameters:
 * the expectation at each m = 0..M of every per-generation measure a run records, and the law of
 * the collapse time T and of the token collapsed to. Written from the definitions (Sect. 2.2 and
 * src/loops/settings.ts's wording), independently of the simulator: it imports no schedule, no
 * corpus and no measure; every measure is the plain formula on the counts.
 *
 * The joint law is propagated forward over states (p^(1), what the setting still draws from,
 * the token collapsed to at T or none), identical states merged:
 *  - fully-synthetic: p^(m) ~ Mult(n, p^(m-1)) / n; p^(1) from the n real samples.
 *  - partially-synthetic: r ~ Mult(N, p) once (p^(1) = r / N), then p^(m) = (r + Mult(n, p^(m-1))) / (N + n).
 *  - partially-synthetic-fresh: p^(m) = (Mult(N, p) + Mult(n, p^(m-1))) / (N + n), a fresh Mult(N, p) each time.
 *  - most-recent (window K, e = floor(n/K)): e samples from each t in max(0, m-K)..m-1; t = 0 is
 *    the real corpus of size e, used whole (so it equals e p^(1)), or e fresh draws from p (realData "fresh").
 *  - randomly-sampled: g_1..g_n ~ Uniform{0..m-1}; the n_0 = #{g_i = 0} ~ Bin(n, 1/m) real samples
 *    are a uniformly random subset of the corpus of size n WITHOUT replacement (hypergeometric; the
 *    corpus equals n p^(1)) or fresh draws from p; each of the other n - n_0 samples comes
 *    independently from a uniformly chosen p^(t), t = 1..m-1, i.e. from their average. The state
 *    keeps p^(1) and the multiset of p^(2..m) (exchangeable for the future).
 *  - accumulate: p^(1) from N real samples; generation m >= 2 keeps all the data of generation m-1
 *    and adds n samples from p^(m-1).
 * Measures of p^(m) = x / c (x the counts, c = n^(m)): sigma = sum q_i^2, supNorm = max q_i,
 * L1/L2/L2^2 to p^(0) and to p^(1), entropy -sum q_i ln q_i (nats), support #{x_i > 0}, n^(m) = c.
 * At m = 0 the distances to p^(1) are those of p^(0) to p^(1) (as a run records them), the rest
 * are the measures of p^(0) (trainingSize 0).
 */
import type { Setting } from "../loops/settings.ts";
import { checkChoice, checkDistribution, checkIntegerAtLeast } from "../validate.ts";
import { convolveLaws, hypergeometricLaw, mixLaws, multinomialLaw, pointLaw, type CountLaw } from "./countLaw.ts";
import { binomialPmf } from "./binomialPmf.ts";

/** The per-generation measures of a run record, by field name. */
export const EXACT_RUN_MEASURES = [
  "trainingSize",
  "sigma",
  "supNorm",
  "l1ToP0",
  "l1ToP1",
  "l2ToP0",
  "l2ToP1",
  "l2SquaredToP0",
  "l2SquaredToP1",
  "entropy",
  "supportSize",
] as const;

export type ExactRunMeasure = (typeof EXACT_RUN_MEASURES)[number];

const SETTING_NAMES = [
  "fully-synthetic",
  "partially-synthetic",
  "partially-synthetic-fresh",
  "most-recent",
  "randomly-sampled",
  "accumulate",
] as const satisfies readonly Setting[];

/** What to compute: the fields of a simulation's configuration that fix its law. */
export interface ExactRunConfig {
  setting: Setting;
  p0: ArrayLike<number>;
  n: number;
  /** Real samples (partially-synthetic*, accumulate; accumulate defaults to n). */
  N?: number;
  /** Window of most-recent. */
  K?: number;
  /** Horizon M. */
  generations: number;
  /** "fresh": every use of t = 0 draws new samples from p^(0). Default "fixed". */
  realData?: "fixed" | "fresh";
}

/** Exact expectations for m = 0..M (arrays of length M + 1). */
export interface ExactRunLaw {
  /** E[measure of p^(m)] per measure. */
  mean: Record<ExactRunMeasure, number[]>;
  /** P(T <= m), T = first m >= 1 with ||p^(m)||_inf = 1. */
  collapsedBy: number[];
  /** collapsedToBy[i][m] = P(collapsedTo = i and T <= m). */
  collapsedToBy: number[][];
  /** Distinct merged states after generation m (the cost). */
  states: number[];
}

/** Default cap on the merged states of one generation. */
export const MAX_RUN_LAW_STATES = 200_000;

interface Node {
  prob: number;
  /** Counts of p^(1) (for randomly-sampled and most-recent with fixed real data, also the real corpus). */
  p1: Int32Array;
  /** What the setting still draws from (see the file comment). */
  mem: Int32Array[];
  /** Token collapsed to at T, -1 before T. */
  collapsed: number;
}

interface Plan {
  setting: Setting;
  p0: Float64Array;
  n: number;
  N: number;
  K: number;
  fresh: boolean;
}

/**
 * The exact expectations of every measure a run records, m = 0..M. Throws a RangeError naming
 * `generations` when a generation would hold more than maxStates merged states.
 * @example exactRunLaw({ setting: "fully-synthetic", p0: [0.5, 0.5], n: 2, generations: 1 }).mean.sigma; // => [0.5, 0.75]
 */
export function exactRunLaw(config: ExactRunConfig, maxStates = MAX_RUN_LAW_STATES): ExactRunLaw {
  const plan = checkExactRunConfig(config);
  const M = checkIntegerAtLeast(config.generations, "generations", 0);
  const s = plan.p0.length;
  const mean = Object.fromEntries(EXACT_RUN_MEASURES.map((k) => [k, new Array<number>(M + 1).fill(0)])) as Record<ExactRunMeasure, number[]>;
  const collapsedBy = new Array<number>(M + 1).fill(0);
  const collapsedToBy = Array.from({ length: s }, () => new Array<number>(M + 1).fill(0));
  const states = new Array<number>(M + 1).fill(0);
  const p0 = plan.p0;
  mean.sigma[0] = sumOf(p0, (q) => q * q);
  mean.supNorm[0] = Math.max(...p0);
  mean.entropy[0] = sumOf(p0, (q) => (q > 0 ? -q * Math.log(q) : 0));
  mean.supportSize[0] = sumOf(p0, (q) => (q > 0 ? 1 : 0));
  states[0] = 1;
  let nodes: Node[] = [{ prob: 1, p1: new Int32Array(s), mem: [], collapsed: -1 }];
  const lawCache = new Map<string, CountLaw>();
  for (let m = 1; m <= M; m++) {
    const next = new Map<string, Node>();
    let sizeLo = Infinity;
    let sizeHi = -Infinity;
    for (const node of nodes) {
      for (const o of nextModelLaw(plan, node, m, lawCache)) {
        const prob = node.prob * o.prob;
        if (prob === 0) continue;
        const p1 = m === 1 ? o.x : node.p1;
        const c = total(o.x);
        sizeLo = Math.min(sizeLo, c);
        sizeHi = Math.max(sizeHi, c);
        addMeasures(mean, m, prob, o.x, c, p0, p1);
        if (m === 1) {
          const d = distances(o.x, c, p0);
          mean.l1ToP1[0] += prob * d.l1;
          mean.l2SquaredToP1[0] += prob * d.l2Squared;
          mean.l2ToP1[0] += prob * Math.sqrt(d.l2Squared);
        }
        let collapsed = node.collapsed;
        if (collapsed < 0) for (let i = 0; i < s; i++) if (o.x[i] === c) collapsed = i;
        if (collapsed >= 0) {
          collapsedBy[m] += prob;
          collapsedToBy[collapsed][m] += prob;
        }
        const mem = nextMemory(plan, node.mem, o.x, m);
        const key = `${p1.join(",")}|${mem.map((x) => x.join(",")).join(";")}|${collapsed}`;
        const prior = next.get(key);
        if (prior) prior.prob += prob;
        else next.set(key, { prob, p1, mem, collapsed });
      }
    }
    // n^(m) is the same in every state of every setting: report it exactly, not as a sum of rounded products
    if (sizeLo === sizeHi) mean.trainingSize[m] = sizeLo;
    if (next.size > maxStates) throw new RangeError(`generations: generation ${m} has ${next.size} > ${maxStates} exact states; lower M, n or s`);
    states[m] = next.size;
    nodes = [...next.values()];
  }
  return { mean, collapsedBy, collapsedToBy, states };
}

/** Validates a configuration: RangeError/TypeError naming the parameter. */
function checkExactRunConfig(config: ExactRunConfig): Plan {
  if (config === null || typeof config !== "object") throw new TypeError("config must be an object");
  const setting = checkChoice(config.setting, "setting", SETTING_NAMES);
  const p0 = checkDistribution(config.p0, "p0");
  const n = checkIntegerAtLeast(config.n, "n", 1);
  const fresh = (config.realData === undefined ? "fixed" : checkChoice(config.realData, "realData", ["fixed", "fresh"] as const)) === "fresh";
  const usesN = setting.startsWith("partially") || setting === "accumulate";
  let N = 0;
  if (usesN) {
    if (config.N === undefined && setting !== "accumulate") throw new TypeError(`N must be given for setting ${setting}`);
    N = checkIntegerAtLeast(config.N ?? n, "N", 1);
  }
  let K = 1;
  if (setting === "most-recent") {
    if (config.K === undefined) throw new TypeError("K must be given for setting most-recent");
    K = checkIntegerAtLeast(config.K, "K", 1);
    if (K > n) throw new RangeError(`K must be <= n (${n}) so that floor(n/K) >= 1, got ${K}`);
  }
  return { setting, p0, n, N, K, fresh };
}

/** The law of the counts of p^(m) given the state after generation m - 1. */
function nextModelLaw(plan: Plan, node: Node, m: number, cache: Map<string, CountLaw>): CountLaw {
  const { p0, n, N, K } = plan;
  const mult = (k: number, w: ArrayLike<number>): CountLaw => {
    const key = `${k}|${Array.from(w).join(",")}`;
    let law = cache.get(key);
    if (!law) cache.set(key, (law = multinomialLaw(k, w)));
    return law;
  };
  const real = (k: number): CountLaw => mult(k, p0);
  switch (plan.setting) {
    case "fully-synthetic":
      return m === 1 ? real(n) : mult(n, node.mem[0]);
    case "partially-synthetic":
      // fresh real data makes this partially-synthetic-fresh
      if (m === 1) return real(N);
      return plan.fresh ? convolveLaws(real(N), mult(n, node.mem[0])) : convolveLaws(pointLaw(node.p1), mult(n, node.mem[0]));
    case "partially-synthetic-fresh":
      return m === 1 ? real(N) : convolveLaws(real(N), mult(n, node.mem[0]));
    case "accumulate":
      return m === 1 ? real(N) : convolveLaws(pointLaw(node.mem[0]), mult(n, node.mem[0]));
    case "most-recent": {
      const e = Math.floor(n / K);
      if (m === 1) return real(e);
      // t = 0 is in the window max(0, m-K)..m-1 while m <= K; node.mem holds p^(max(1, m-K))..p^(m-1)
      let law: CountLaw = m <= K ? (plan.fresh ? real(e) : pointLaw(node.p1)) : pointLaw(new Int32Array(p0.length));
      for (const model of node.mem) law = convolveLaws(law, mult(e, model));
      return law;
    }
    case "randomly-sampled": {
      if (m === 1) return real(n);
      // pooled counts of p^(1..m-1) (each of total n): the average model
      const pooled = Int32Array.from(node.p1);
      for (const model of node.mem) for (let i = 0; i < pooled.length; i++) pooled[i] += model[i];
      const laws: CountLaw[] = [];
      const weights: number[] = [];
      for (let n0 = 0; n0 <= n; n0++) {
        const fromReal = plan.fresh ? real(n0) : hypergeometricLaw(n0, node.p1);
        laws.push(n0 === n ? fromReal : convolveLaws(fromReal, mult(n - n0, pooled)));
        weights.push(binomialPmf(n0, n, 1 / m, (m - 1) / m));
      }
      return mixLaws(laws, weights);
    }
  }
}

/** What the setting keeps after generation m (x = counts of p^(m)). */
function nextMemory(plan: Plan, mem: Int32Array[], x: Int32Array, m: number): Int32Array[] {
  switch (plan.setting) {
    case "most-recent":
      return [...mem, x].slice(-plan.K);
    case "randomly-sampled": {
      if (m === 1) return [];
      const all = [...mem, x];
      const keyed = all.map((v) => [v.join(","), v] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      return keyed.map((kv) => kv[1]);
    }
    default:
      return [x];
  }
}

function addMeasures(mean: Record<ExactRunMeasure, number[]>, m: number, prob: number, x: Int32Array, c: number, p0: Float64Array, p1: Int32Array): void {
  let sigma = 0;
  let top = 0;
  let entropy = 0;
  let support = 0;
  for (let i = 0; i < x.length; i++) {
    const q = x[i] / c;
    sigma += q * q;
    top = Math.max(top, q);
    if (x[i] > 0) {
      entropy -= q * Math.log(q);
      support++;
    }
  }
  const d0 = distances(x, c, p0);
  const c1 = total(p1);
  const d1 = distances(x, c, Float64Array.from(p1, (v) => v / c1));
  mean.trainingSize[m] += prob * c;
  mean.sigma[m] += prob * sigma;
  mean.supNorm[m] += prob * top;
  mean.l1ToP0[m] += prob * d0.l1;
  mean.l1ToP1[m] += prob * d1.l1;
  mean.l2ToP0[m] += prob * Math.sqrt(d0.l2Squared);
  mean.l2ToP1[m] += prob * Math.sqrt(d1.l2Squared);
  mean.l2SquaredToP0[m] += prob * d0.l2Squared;
  mean.l2SquaredToP1[m] += prob * d1.l2Squared;
  mean.entropy[m] += prob * entropy;
  mean.supportSize[m] += prob * support;
}

/** ||x / c - ref||_1 and ||x / c - ref||_2^2. */
function distances(x: Int32Array, c: number, ref: ArrayLike<number>): { l1: number; l2Squared: number } {
  let l1 = 0;
  let l2Squared = 0;
  for (let i = 0; i < x.length; i++) {
    const d = x[i] / c - ref[i];
    l1 += Math.abs(d);
    l2Squared += d * d;
  }
  return { l1, l2Squared };
}

function total(x: ArrayLike<number>): number {
  let t = 0;
  for (let i = 0; i < x.length; i++) t += x[i];
  return t;
}

function sumOf(p: Float64Array, f: (q: number) => number): number {
  let t = 0;
  for (const q of p) t += f(q);
  return t;
}
