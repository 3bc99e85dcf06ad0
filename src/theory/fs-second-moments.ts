/**
 * Exact second moments of the Fully Synthetic chain p^(m) | p^(m-1) ~ Mult(n, p^(m-1))/n
 * (spec 4.2, reconstructed): with f = (1 - 1/n)^m,
 *   E[p_i^(m) p_j^(m)] = f p_i p_j (i != j),  E[(p_i^(m))^2] = p_i - f p_i (1 - p_i),
 *   Cov(p^(m)) = (1 - f)(diag(p) - p p^T),   E||p^(m) - p^(0)||_2^2 = (1 - S_0)(1 - f).
 */
import { checkDistribution, checkIntegerAtLeast, checkProbability } from "../validate.ts";
import { checkParams } from "./params.ts";
import { oneMinusPowOneMinusInverse, powOneMinusInverse } from "./stable-powers.ts";

export const id = "fs-second-moments";

function check(params: { n: number; p: readonly number[]; m: number }): [number, Float64Array, number] {
  const o = checkParams(params);
  return [checkIntegerAtLeast(o.n, "n", 1), checkDistribution(o.p, "p"), checkIntegerAtLeast(o.m, "m", 0)];
}

/**
 * The matrix E[p_i^(m) p_j^(m)]: f p_i p_j off the diagonal, p_i ((1 - f) + f p_i) on it
 * (= p_i - f p_i(1 - p_i), written without cancellation). Source: spec 4.2.
 * @example fsSecondMomentMatrix({ n: 2, p: [0.5, 0.5], m: 1 }); // => [[0.375, 0.125], [0.125, 0.375]]
 */
export function fsSecondMomentMatrix(params: { n: number; p: readonly number[]; m: number }): number[][] {
  const [n, p, m] = check(params);
  const f = powOneMinusInverse(n, m);
  const g = oneMinusPowOneMinusInverse(n, m);
  return Array.from(p, (pi, i) => Array.from(p, (pj, j) => (i === j ? pi * (g + f * pi) : f * pi * pj)));
}

/**
 * Cov(p^(m)) = (1 - f)(diag(p) - p p^T), f = (1 - 1/n)^m, 1 - f = -expm1(m log1p(-1/n)).
 * Source: spec 4.2.
 * @example fsCovarianceMatrix({ n: 2, p: [0.5, 0.5], m: 1 }); // => [[0.125, -0.125], [-0.125, 0.125]]
 */
export function fsCovarianceMatrix(params: { n: number; p: readonly number[]; m: number }): number[][] {
  const [n, p, m] = check(params);
  const g = oneMinusPowOneMinusInverse(n, m);
  return Array.from(p, (pi, i) => Array.from(p, (pj, j) => (i === j ? g * pi * (1 - pi) : -g * pi * pj)));
}

/**
 * E||p^(m) - p^(0)||_2^2 = S_m - S_0 = (1 - S_0)(1 - (1 - 1/n)^m), tending to 1 - S_0.
 * Source: spec 4.2 (from Eq (6) and E p^(m) = p).
 * @example fsExpectedSquaredDistanceFromStart({ n: 2, S0: 0.5, m: 1 }); // => 0.25
 */
export function fsExpectedSquaredDistanceFromStart(params: { n: number; S0: number; m: number }): number {
  const o = checkParams(params);
  const n = checkIntegerAtLeast(o.n, "n", 1);
  const S0 = checkProbability(o.S0, "S0");
  const m = checkIntegerAtLeast(o.m, "m", 0);
  return (1 - S0) * oneMinusPowOneMinusInverse(n, m);
}
