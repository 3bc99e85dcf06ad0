/**
 * The input of one recursive-training simulation, and its validation (once, in the public
 * functions): RangeError/TypeError whose message starts with the parameter's name.
 */
import { entropy } from "../measure/entropy.ts";
import { probabilityReference, type DenseReference } from "../measure/reference.ts";
import { sigma } from "../measure/sigma.ts";
import { supNorm } from "../measure/supNorm.ts";
import { BINOMIAL_MAX_N } from "../sample/binomial.ts";
import { checkChoice, checkDistribution, checkInteger, checkIntegerAtLeast } from "../validate.ts";
import { scheduleFor, type Schedule } from "./schedule.ts";
import { SETTINGS, type Setting } from "./settings.ts";

/** Where real samples (t = 0) come from: the fixed given corpus (the paper), or fresh draws from p^(0). */
export const REAL_DATA = ["fixed", "fresh"] as const;
export type RealData = (typeof REAL_DATA)[number];

/** Plain, JSON-serialisable description of one simulation. */
export interface SimulationConfig {
  setting: Setting;
  /** p = p^(0), a probability vector over the s tokens. */
  p0: ArrayLike<number>;
  /** Synthetic samples per generation (per model in the window for most-recent: floor(n/K)). */
  n: number;
  /** Real samples (partially-synthetic, and accumulate where it defaults to n). */
  N?: number;
  /** Window of most-recent. */
  K?: number;
  /** Horizon M: generations 1..M are simulated. */
  generations: number;
  /** Stop after the first m with ||p^(m)||_inf = 1 (absorbing only for fully-synthetic). Default false. */
  stopAtCollapse?: boolean;
  /** The real corpus as counts per token (length s, total = the schedule's corpus size); default: drawn from p^(0) per run. */
  realSample?: ArrayLike<number>;
  /** Default "fixed"; "partially-synthetic-fresh" implies "fresh". */
  realData?: RealData;
}

/** A validated configuration with its schedule. */
export interface CheckedConfig {
  setting: Setting;
  p0: Float64Array;
  n: number;
  N: number;
  K: number;
  generations: number;
  stopAtCollapse: boolean;
  realSample: Int32Array | null;
  schedule: Schedule;
  /** Tokens with p0_i > 0, ascending. */
  p0Ids: Int32Array;
  /** p^(0) as a distance reference. */
  p0Ref: DenseReference;
  /** The measures of p^(0) itself (generation 0 of every run). */
  p0Measures: { sigma: number; supNorm: number; entropy: number; supportSize: number };
}

const MAX_COUNT = BINOMIAL_MAX_N;

/**
 * Validates a configuration and builds its schedule.
 * @example checkSimulationConfig({ setting: "fully-synthetic", p0: [0.5, 0.5], n: 10, generations: 5 }).schedule.corpusSize; // => 10
 */
export function checkSimulationConfig(config: SimulationConfig): CheckedConfig {
  if (config === null || typeof config !== "object") throw new TypeError("config must be an object");
  const setting = checkChoice(config.setting, "setting", SETTINGS);
  const p0 = checkDistribution(config.p0, "p0");
  const n = checkIntegerAtLeast(config.n, "n", 1);
  if (n > MAX_COUNT) throw new RangeError(`n must be <= ${MAX_COUNT}, got ${n}`);
  const generations = checkIntegerAtLeast(config.generations, "generations", 1);
  const realData = config.realData === undefined ? "fixed" : checkChoice(config.realData, "realData", REAL_DATA);
  if (config.stopAtCollapse !== undefined && typeof config.stopAtCollapse !== "boolean") {
    throw new TypeError(`stopAtCollapse must be a boolean, got ${String(config.stopAtCollapse)}`);
  }
  const usesN = setting === "partially-synthetic" || setting === "partially-synthetic-fresh" || setting === "accumulate";
  let N = config.N === undefined ? (setting === "accumulate" ? n : 0) : checkIntegerAtLeast(config.N, "N", 0);
  if (usesN) {
    if (config.N === undefined && setting !== "accumulate") throw new TypeError(`N must be given for setting ${setting}`);
    if (N < 1) throw new RangeError(`N must be >= 1 for setting ${setting} (p^(1) is trained on the N real samples), got ${N}`);
  }
  let K = config.K === undefined ? 1 : checkIntegerAtLeast(config.K, "K", 1);
  if (setting === "most-recent") {
    if (config.K === undefined) throw new TypeError("K must be given for setting most-recent");
    if (Math.floor(n / K) < 1) throw new RangeError(`K must be <= n (${n}) so that floor(n/K) >= 1, got ${K}`);
  } else K = 1;
  if (!usesN) N = 0;
  const biggest =
    setting === "accumulate" ? N + (generations - 1) * n : setting.startsWith("partially") ? N + n : n;
  if (biggest > MAX_COUNT) {
    throw new RangeError(`generations: the training set of generation ${generations} would hold ${biggest} > ${MAX_COUNT} samples`);
  }
  const schedule = scheduleFor(setting, { n, N, K, freshReal: realData === "fresh" });
  const realSample = config.realSample === undefined ? null : checkRealSample(config.realSample, p0.length, schedule);
  let k = 0;
  for (let i = 0; i < p0.length; i++) if (p0[i] > 0) k++;
  const p0Ids = new Int32Array(k);
  for (let i = 0, j = 0; i < p0.length; i++) if (p0[i] > 0) p0Ids[j++] = i;
  return {
    setting,
    p0,
    n,
    N,
    K,
    generations,
    stopAtCollapse: config.stopAtCollapse ?? false,
    realSample,
    schedule,
    p0Ids,
    p0Ref: probabilityReference(p0),
    p0Measures: { sigma: sigma(p0), supNorm: supNorm(p0), entropy: entropy(p0), supportSize: k },
  };
}

function checkRealSample(x: ArrayLike<number>, s: number, schedule: Schedule): Int32Array {
  if (schedule.freshReal) throw new RangeError("realSample cannot be given with fresh real data");
  if (!(Array.isArray(x) || ArrayBuffer.isView(x))) throw new TypeError("realSample must be an array of counts");
  if (x.length !== s) throw new RangeError(`realSample must have length s = ${s}, got ${x.length}`);
  const out = new Int32Array(s);
  let total = 0;
  for (let i = 0; i < s; i++) {
    const c = checkInteger(x[i], `realSample[${i}]`);
    if (c < 0) throw new RangeError(`realSample[${i}] must be >= 0, got ${c}`);
    out[i] = c;
    total += c;
  }
  if (total !== schedule.corpusSize) {
    throw new RangeError(`realSample must total ${schedule.corpusSize} samples for setting ${schedule.setting}, got ${total}`);
  }
  return out;
}
