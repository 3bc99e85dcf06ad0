/**
 * Theorem 2, Eq (9), Partially Synthetic (same N real samples every generation, n synthetic):
 *   S_{m+1} = (1/N)[1 + 2a - (1 - 1/N) a b^m]/[1 + (1 + 1/N)a]
 *           + (1 - 1/N) S_0 [1 + a (+/-) (a/N) b^m]/[1 + (1 + 1/N)a],
 * a = alpha = n/(N + n), b = beta = alpha^2 (1 - 1/n). The paper prints "-" in the second bracket;
 * the correct sign is "+" (spec, Theorem 2: only "+" gives S_1 = 1/N + (1 - 1/N) S_0 at m = 0).
 * Both signs are offered so that the harness can show the misprint.
 */
import { checkChoice, checkIntegerAtLeast, checkProbability } from "../validate.ts";
import { checkParams } from "./params.ts";
import { powFromLog } from "./stable-powers.ts";

export const id = "thm2-sm-partial";

/** "+" is the corrected Eq (9), "-" the sign as printed. */
export type Eq9Sign = "+" | "-";
const SIGNS: readonly Eq9Sign[] = ["+", "-"];

/** alpha = n/(N+n) and beta = alpha^2 (1 - 1/n) with their logs (log beta = -Infinity at n = 1). */
export interface AlphaBeta {
  alpha: number;
  beta: number;
  logAlpha: number;
  logBeta: number;
}

/**
 * Unchecked alpha and beta; log alpha = -log1p(N/n), log beta = 2 log alpha + log1p(-1/n).
 * @example alphaBetaUnchecked(100, 100).beta; // => 0.2475
 */
export function alphaBetaUnchecked(N: number, n: number): AlphaBeta {
  const logAlpha = -Math.log1p(N / n);
  const logBeta = 2 * logAlpha + Math.log1p(-1 / n);
  const alpha = n / (N + n);
  return { alpha, beta: (alpha * (n - 1)) / (N + n), logAlpha, logBeta };
}

/**
 * alpha = n/(N + n) (synthetic fraction) and beta = alpha[(1 + 1/N)alpha - 1/N] = alpha^2 (1 - 1/n).
 * Source: Theorem 2.
 * @example partiallySyntheticAlphaBeta({ N: 100, n: 100 }); // => { alpha: 0.5, beta: 0.2475, ... }
 */
export function partiallySyntheticAlphaBeta(params: { N: number; n: number }): AlphaBeta {
  const o = checkParams(params);
  return alphaBetaUnchecked(checkIntegerAtLeast(o.N, "N", 1), checkIntegerAtLeast(o.n, "n", 1));
}

/** Unchecked right side of Eq (9) for a generic second-moment target: (1/N) w A + (1-1/N) q B over D. */
function eq9Unchecked(N: number, n: number, w: number, q: number, m: number, sign: Eq9Sign): number {
  const { alpha, logBeta } = alphaBetaUnchecked(N, n);
  const b = powFromLog(logBeta, m);
  const D = 1 + (1 + 1 / N) * alpha;
  const A = 1 + 2 * alpha - (1 - 1 / N) * alpha * b;
  const B = sign === "+" ? 1 + alpha + (alpha / N) * b : 1 + alpha - (alpha / N) * b;
  return ((w / N) * A + (1 - 1 / N) * q * B) / D;
}

/** Parameters of Eq (9): N real, n synthetic samples, S0 = ||p||_2^2, exponent m >= 0. */
export interface Eq9Params {
  N: number;
  n: number;
  S0: number;
  m: number;
  sign?: Eq9Sign;
}

function checkEq9(params: Eq9Params): [number, number, number, number, Eq9Sign] {
  const o = checkParams(params);
  return [
    checkIntegerAtLeast(o.N, "N", 1),
    checkIntegerAtLeast(o.n, "n", 1),
    checkProbability(o.S0, "S0"),
    checkIntegerAtLeast(o.m, "m", 0),
    o.sign === undefined ? "+" : checkChoice(o.sign, "sign", SIGNS),
  ];
}

/**
 * S_{m+1} by Eq (9) in the paper's indexing (m = 0 gives S_1), with `sign` "+" (corrected,
 * default) or "-" (as printed). Source: Theorem 2, Eq (9).
 * @example eq9NextSm({ N: 100, n: 10, S0: 0.1, m: 0 }); // => 0.109 (= 1/N + (1 - 1/N) S0)
 * @example eq9NextSm({ N: 100, n: 10, S0: 0.1, m: 0, sign: "-" }); // => 0.108835... (wrong)
 */
export function eq9NextSm(params: Eq9Params): number {
  const [N, n, S0, m, sign] = checkEq9(params);
  return eq9Unchecked(N, n, 1, S0, m, sign);
}

/**
 * S_m for generation m >= 0 of the Partially Synthetic chain: S_0 at m = 0, else corrected
 * Eq (9) with exponent m - 1. Source: Theorem 2, Eq (9) ("+" sign).
 * @example partiallySyntheticSm({ N: 100, n: 100, S0: 0.1, m: 1 }); // => 0.109
 */
export function partiallySyntheticSm(params: { N: number; n: number; S0: number; m: number }): number {
  const [N, n, S0, m] = checkEq9({ ...params, sign: "+" });
  return m === 0 ? S0 : eq9Unchecked(N, n, 1, S0, m - 1, "+");
}

/**
 * Per-coordinate form: nu_i^(m+1) = E[(p_i^(m+1))^2] = (p_i/N)[1 + 2a - (1 - 1/N) a b^m]/D
 * + (1 - 1/N) p_i^2 [1 + a (+/-) (a/N) b^m]/D, D = 1 + (1 + 1/N)a. Source: proof of Theorem 2.
 * @example eq9NextNu({ N: 10, n: 10, pi: 0.5, m: 0 }); // => 0.275 (= pi/N + (1 - 1/N) pi^2)
 */
export function eq9NextNu(params: { N: number; n: number; pi: number; m: number; sign?: Eq9Sign }): number {
  const o = checkParams(params);
  const pi = checkProbability(o.pi, "pi");
  const [N, n, , m, sign] = checkEq9({ N: o.N, n: o.n, S0: 0, m: o.m, sign: o.sign } as Eq9Params);
  return eq9Unchecked(N, n, pi, pi * pi, m, sign);
}

/**
 * nu_i^(1) = E[(p_i^(1))^2] = p_i/N + (1 - 1/N) p_i^2 (binomial second moment). Source: proof of Theorem 2.
 * @example firstNu({ N: 10, pi: 0.5 }); // => 0.275
 */
export function firstNu(params: { N: number; pi: number }): number {
  const o = checkParams(params);
  const N = checkIntegerAtLeast(o.N, "N", 1);
  const pi = checkProbability(o.pi, "pi");
  return pi / N + (1 - 1 / N) * pi * pi;
}

/**
 * One step of the exact recursion, m >= 2: nu^(m) = (1 - a)(1 + 2a) p_i/N + (1 - 1/N)(1 - a^2) p_i^2
 * + b nu^(m-1). Source: proof of Theorem 2.
 * @example nuRecursionStep({ N: 10, n: 10, pi: 0.5, nuPrev: 0.275 }); // => 0.280625
 */
export function nuRecursionStep(params: { N: number; n: number; pi: number; nuPrev: number }): number {
  const o = checkParams(params);
  const N = checkIntegerAtLeast(o.N, "N", 1);
  const n = checkIntegerAtLeast(o.n, "n", 1);
  const pi = checkProbability(o.pi, "pi");
  const nuPrev = checkProbability(o.nuPrev, "nuPrev");
  return recursionStepUnchecked(N, n, pi, pi * pi, nuPrev);
}

function recursionStepUnchecked(N: number, n: number, w: number, q: number, prev: number): number {
  const { alpha, beta } = alphaBetaUnchecked(N, n);
  return ((1 - alpha) * (1 + 2 * alpha) * w) / N + (1 - 1 / N) * (1 - alpha * alpha) * q + beta * prev;
}

/**
 * S_m by iterating the exact recursion summed over tokens (an independent route to Eq (9)):
 * S_1 = 1/N + (1 - 1/N) S_0, S_m = (1 - a)(1 + 2a)/N + (1 - 1/N)(1 - a^2) S_0 + b S_{m-1}.
 * O(m) time; m <= 1e7. Source: proof of Theorem 2.
 * @example partiallySyntheticSmByRecursion({ N: 10, n: 10, S0: 0.5, m: 2 }); // => 0.56125
 */
export function partiallySyntheticSmByRecursion(params: { N: number; n: number; S0: number; m: number }): number {
  const o = checkParams(params);
  const N = checkIntegerAtLeast(o.N, "N", 1);
  const n = checkIntegerAtLeast(o.n, "n", 1);
  const S0 = checkProbability(o.S0, "S0");
  const m = checkIntegerAtLeast(o.m, "m", 0);
  if (m > 1e7) throw new RangeError(`m must be <= 1e7 for the O(m) recursion, got ${m}`);
  if (m === 0) return S0;
  let S = 1 / N + (1 - 1 / N) * S0;
  for (let k = 2; k <= m; k++) S = recursionStepUnchecked(N, n, 1, S0, S);
  return S;
}

/** The limit of S_m and the paper's bracket on gamma. */
export interface PartialLimit {
  /** S_inf = 1 - gamma = [(1/N)(1 + 2a) + (1 - 1/N)(1 + a) S_0]/[1 + (1 + 1/N)a]. */
  SInf: number;
  /** gamma = (1 - 1/N)(1 + a)(1 - S_0)/[1 + (1 + 1/N)a]. */
  gamma: number;
  /** ((1 + a)/(2 + 3a))(1 - S_0): a lower bound on gamma for N >= 2 (uses 1/N <= 1/2). */
  gammaLower: number;
  /** 1 - S_0. */
  gammaUpper: number;
}

/**
 * The limit S_inf = 1 - gamma of Eq (9) (reached at rate beta^m; S_m < S_inf for m >= 2) and the
 * bracket gamma in [((1 + a)/(2 + 3a))(1 - S_0), 1 - S_0] (lower end valid for N >= 2).
 * Source: Theorem 2.
 * @example partiallySyntheticLimit({ N: 100, n: 100, S0: 0.1 }).SInf; // => 0.11196...
 */
export function partiallySyntheticLimit(params: { N: number; n: number; S0: number }): PartialLimit {
  const o = checkParams(params);
  const N = checkIntegerAtLeast(o.N, "N", 1);
  const n = checkIntegerAtLeast(o.n, "n", 1);
  const S0 = checkProbability(o.S0, "S0");
  const alpha = n / (N + n);
  const D = 1 + (1 + 1 / N) * alpha;
  return {
    SInf: ((1 + 2 * alpha) / N + (1 - 1 / N) * (1 + alpha) * S0) / D,
    gamma: ((1 - 1 / N) * (1 + alpha) * (1 - S0)) / D,
    gammaLower: ((1 + alpha) / (2 + 3 * alpha)) * (1 - S0),
    gammaUpper: 1 - S0,
  };
}
