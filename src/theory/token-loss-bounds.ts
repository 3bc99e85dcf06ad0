/**
 * Per-token loss in the Fully Synthetic chain (spec 4.5, reconstructed; the per-token analogue of
 * the proof of Eq (7)). The count of token k is a two-allele Wright-Fisher chain, and with
 * A_m = {0 < p_k^(m) < 1} and f = (1 - 1/n)^m:
 *   E[p_k^(m)(1 - p_k^(m))] = f p_k (1 - p_k),
 *   4 f p_k (1 - p_k) <= P(A_m) <= n (1 - 1/n)^(m-1) p_k (1 - p_k)   (upper side for m >= 1),
 *   P(lost at generation 1) = (1 - p_k)^n,  P(eventually lost) = 1 - p_k.
 */
import { checkIntegerAtLeast, checkProbability } from "../validate.ts";
import { checkParams } from "./params.ts";
import { logPowOneMinusInverse, powOneMinusInverse } from "./stable-powers.ts";

export const id = "token-loss-bounds";

/** Parameters: n samples per generation, pk = p_k^(0), generation m >= 0. */
export interface TokenParams {
  n: number;
  pk: number;
  m: number;
}

function check(params: TokenParams): [number, number, number] {
  const o = checkParams(params);
  return [checkIntegerAtLeast(o.n, "n", 1), checkProbability(o.pk, "pk"), checkIntegerAtLeast(o.m, "m", 0)];
}

/**
 * E[p_k^(m)(1 - p_k^(m))] = (1 - 1/n)^m p_k (1 - p_k). Source: spec 4.5.
 * @example tokenExpectedHeterozygosity({ n: 2, pk: 0.5, m: 1 }); // => 0.125
 */
export function tokenExpectedHeterozygosity(params: TokenParams): number {
  const [n, pk, m] = check(params);
  return powOneMinusInverse(n, m) * pk * (1 - pk);
}

/** Bounds on P(0 < p_k^(m) < 1) (the upper one may exceed 1, i.e. be trivial). */
export interface SegregationBounds {
  lower: number;
  upper: number;
}

/**
 * 4 (1 - 1/n)^m p_k(1 - p_k) <= P(0 < p_k^(m) < 1) <= n (1 - 1/n)^(m-1) p_k(1 - p_k). The upper side
 * uses p(1 - p) >= (1/n)(1 - 1/n) on the 1/n grid, true for m >= 1 only; at m = 0 `upper` is the
 * exact P(A_0) (1 if 0 < p_k < 1, else 0). Source: spec 4.5.
 * @example tokenSegregationBounds({ n: 10, pk: 0.5, m: 10 }); // => { lower: 0.3486..., upper: 0.9685... }
 */
export function tokenSegregationBounds(params: TokenParams): SegregationBounds {
  const [n, pk, m] = check(params);
  const h = pk * (1 - pk);
  const lower = 4 * powOneMinusInverse(n, m) * h;
  if (m === 0) return { lower, upper: h > 0 ? 1 : 0 };
  const upper = n * h * Math.exp(logPowOneMinusInverse(n, m - 1));
  return { lower, upper };
}

/**
 * P(p_k^(1) = 0) = (1 - p_k)^n: exp(n log1p(-p_k)) for p_k < 1/2, Math.pow(1 - p_k, n) for
 * p_k >= 1/2 (where 1 - p_k is exact). Source: spec 4.5.
 * @example tokenLostAtFirstGeneration({ n: 10, pk: 0.1 }); // => 0.34867844009999993 (= 0.9^10)
 */
export function tokenLostAtFirstGeneration(params: { n: number; pk: number }): number {
  const o = checkParams(params);
  const n = checkIntegerAtLeast(o.n, "n", 1);
  const pk = checkProbability(o.pk, "pk");
  return pk >= 0.5 ? Math.pow(1 - pk, n) : Math.exp(n * Math.log1p(-pk));
}

/**
 * P(token k eventually lost) = 1 - p_k (Proposition 1). Source: spec 4.5.
 * @example tokenEventualLoss({ pk: 0.2 }); // => 0.8
 */
export function tokenEventualLoss(params: { pk: number }): number {
  const o = checkParams(params);
  return 1 - checkProbability(o.pk, "pk");
}
