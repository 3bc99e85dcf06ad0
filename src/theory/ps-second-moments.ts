/**
 * Exact second moments of the Partially Synthetic chain (spec 4.3, reconstructed), a = n/(N+n),
 * b = a^2 (1 - 1/n), S_1 = 1/N + (1 - 1/N) S_0:
 *   E||p^(1) - p||^2 = (1 - S_0)/N,
 *   D_m := E||p^(m) - p^(1)||^2 = S_m - S_1, D_1 = 0, D_{m+1} = (a^2/n)(1 - S_1) + b D_m,
 *   D_m = (a^2/n)(1 - S_1)(1 - b^(m-1))/(1 - b) -> D_inf = a (1 - 1/N)(1 - S_0)/(N + (N+1)a),
 *   E||p^(m) - p^(0)||^2 = (1 - S_0)/N + D_m (m >= 1).
 * Also a variant NOT IN THE PAPER: fresh real data every generation (V_m).
 */
import { checkIntegerAtLeast, checkProbability } from "../validate.ts";
import { checkParams } from "./params.ts";
import { oneMinusExp, powFromLog } from "./stable-powers.ts";
import { alphaBetaUnchecked } from "./thm2-sm-partial.ts";

export const id = "ps-second-moments";

/** Parameters: N real samples (fixed across generations), n synthetic, S0 = ||p||^2, generation m >= 1. */
export interface PsParams {
  N: number;
  n: number;
  S0: number;
  m: number;
}

function checkPs(params: PsParams): [number, number, number, number] {
  const o = checkParams(params);
  return [
    checkIntegerAtLeast(o.N, "N", 1),
    checkIntegerAtLeast(o.n, "n", 1),
    checkProbability(o.S0, "S0"),
    checkIntegerAtLeast(o.m, "m", 1),
  ];
}

/** D_inf without checks: a(1 - 1/N)(1 - S0)/(N + (N+1)a). */
function driftLimitUnchecked(N: number, n: number, S0: number): number {
  const a = n / (N + n);
  return (a * (1 - 1 / N) * (1 - S0)) / (N + (N + 1) * a);
}

/**
 * E||p^(1) - p||_2^2 = (1 - S_0)/N (multinomial variance of N real samples). Source: spec 4.3.
 * @example psFirstGenerationSquaredError({ N: 10, S0: 0.5 }); // => 0.05
 */
export function psFirstGenerationSquaredError(params: { N: number; S0: number }): number {
  const o = checkParams(params);
  return (1 - checkProbability(o.S0, "S0")) / checkIntegerAtLeast(o.N, "N", 1);
}

/**
 * D_m = E||p^(m) - p^(1)||_2^2 = D_inf (1 - b^(m-1)), with 1 - b^(m-1) = -expm1((m-1) log b).
 * Source: spec 4.3 (closed form).
 * @example psDrift({ N: 10, n: 10, S0: 0.5, m: 2 }); // => 0.01125 (= (a^2/n)(1 - S_1))
 */
export function psDrift(params: PsParams): number {
  const [N, n, S0, m] = checkPs(params);
  const { logBeta } = alphaBetaUnchecked(N, n);
  const oneMinusPow = m === 1 ? 0 : logBeta === -Infinity ? 1 : oneMinusExp((m - 1) * logBeta);
  return driftLimitUnchecked(N, n, S0) * oneMinusPow;
}

/**
 * D_m by iterating D_1 = 0, D_{k+1} = (a^2/n)(1 - S_1) + b D_k (an independent route; O(m), m <= 1e7).
 * Source: spec 4.3 (recursion).
 * @example psDriftByRecursion({ N: 10, n: 10, S0: 0.5, m: 3 }); // => 0.01378125
 */
export function psDriftByRecursion(params: PsParams): number {
  const [N, n, S0, m] = checkPs(params);
  if (m > 1e7) throw new RangeError(`m must be <= 1e7 for the O(m) recursion, got ${m}`);
  const { alpha, beta } = alphaBetaUnchecked(N, n);
  const c = ((alpha * alpha) / n) * (1 - 1 / N) * (1 - S0);
  let D = 0;
  for (let k = 1; k < m; k++) D = c + beta * D;
  return D;
}

/**
 * D_inf = lim D_m = a(1 - S_1)/(N(1 + (1 + 1/N)a)) = a(1 - 1/N)(1 - S_0)/(N + (N+1)a).
 * Source: spec 4.3.
 * @example psDriftLimit({ N: 10, n: 10, S0: 0.5 }); // => 0.014516... (= 0.45/31)
 */
export function psDriftLimit(params: { N: number; n: number; S0: number }): number {
  const o = checkParams(params);
  return driftLimitUnchecked(checkIntegerAtLeast(o.N, "N", 1), checkIntegerAtLeast(o.n, "n", 1), checkProbability(o.S0, "S0"));
}

/**
 * E||p^(m) - p^(0)||_2^2 = (1 - S_0)/N + D_m = S_m - S_0 for m >= 1. Source: spec 4.3.
 * @example psSquaredDistanceFromStart({ N: 10, n: 10, S0: 0.5, m: 2 }); // => 0.06125
 */
export function psSquaredDistanceFromStart(params: PsParams): number {
  const [N, , S0] = checkPs(params);
  return (1 - S0) / N + psDrift(params);
}

/**
 * NOT IN THE PAPER: fresh real data every generation (N new real samples plus n synthetic ones).
 * V_m = E||p^(m) - p||_2^2 with V_1 = (1 - S_0)/N, V_{m+1} = (1 - S_0)/(N + n) + b V_m, closed form
 * V_m = V_inf + (V_1 - V_inf) b^(m-1), V_1 - V_inf = (1 - S_0)(N+1)a/(N(N + (N+1)a)) >= 0.
 * Source: spec 4.3, "Variant not in the paper".
 * @example freshRealSquaredError({ N: 10, n: 10, S0: 0.5, m: 2 }); // => 0.03625
 */
export function freshRealSquaredError(params: PsParams): number {
  const [N, n, S0, m] = checkPs(params);
  const { alpha, logBeta } = alphaBetaUnchecked(N, n);
  const denom = N + (N + 1) * alpha;
  const vInf = (1 - S0) / denom;
  const gap = ((1 - S0) * (N + 1) * alpha) / (N * denom);
  return vInf + gap * powFromLog(logBeta, m - 1);
}

/**
 * NOT IN THE PAPER: V_m by iterating its recursion (independent route; O(m), m <= 1e7).
 * Source: spec 4.3, "Variant not in the paper".
 * @example freshRealSquaredErrorByRecursion({ N: 10, n: 10, S0: 0.5, m: 2 }); // => 0.03625
 */
export function freshRealSquaredErrorByRecursion(params: PsParams): number {
  const [N, n, S0, m] = checkPs(params);
  if (m > 1e7) throw new RangeError(`m must be <= 1e7 for the O(m) recursion, got ${m}`);
  const { beta } = alphaBetaUnchecked(N, n);
  let V = (1 - S0) / N;
  for (let k = 1; k < m; k++) V = (1 - S0) / (N + n) + beta * V;
  return V;
}

/**
 * NOT IN THE PAPER: V_inf = (1 - S_0)/(N + (N + 1) a), the fixed point of V_m.
 * Source: spec 4.3, "Variant not in the paper".
 * @example freshRealSquaredErrorLimit({ N: 10, n: 10, S0: 0.5 }); // => 0.0327... (= 0.5/15.5)
 */
export function freshRealSquaredErrorLimit(params: { N: number; n: number; S0: number }): number {
  const o = checkParams(params);
  const N = checkIntegerAtLeast(o.N, "N", 1);
  const n = checkIntegerAtLeast(o.n, "n", 1);
  const S0 = checkProbability(o.S0, "S0");
  return (1 - S0) / (N + (N + 1) * (n / (N + n)));
}

