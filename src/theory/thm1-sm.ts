/**
 * Theorem 1, Eq (6), Fully Synthetic: the expected sum of squared probabilities
 * S_m = E||p^(m)||_2^2 = 1 - (1 - 1/n)^m (1 - S_0).
 */
import { checkIntegerAtLeast, checkProbability } from "../validate.ts";
import { checkParams } from "./params.ts";
import { oneMinusPowOneMinusInverse, powOneMinusInverse } from "./stable-powers.ts";

export const id = "thm1-sm";

/** Parameters of Eq (6): n samples per generation, S0 = ||p||_2^2, generation m. */
export interface FullySyntheticSmParams {
  n: number;
  S0: number;
  m: number;
}

function check(params: FullySyntheticSmParams): [number, number, number] {
  const o = checkParams(params);
  return [checkIntegerAtLeast(o.n, "n", 1), checkProbability(o.S0, "S0"), checkIntegerAtLeast(o.m, "m", 0)];
}

/**
 * S_m of the Fully Synthetic chain, computed as (1 - f) + f S_0 with f = (1 - 1/n)^m =
 * exp(m log1p(-1/n)) and 1 - f = -expm1(...): two non-negative terms, no cancellation.
 * S_m = 1 - (1 - 1/n)^m (1 - S_0). Source: Theorem 1, Eq (6).
 * @example fullySyntheticSm({ n: 2, S0: 0.5, m: 1 }); // => 0.75
 */
export function fullySyntheticSm(params: FullySyntheticSmParams): number {
  const [n, S0, m] = check(params);
  return oneMinusPowOneMinusInverse(n, m) + powOneMinusInverse(n, m) * S0;
}

/**
 * 1 - S_m = (1 - 1/n)^m (1 - S_0) = E[1 - sigma_m], the expected "heterozygosity", with full
 * relative precision when S_m is near 1. Source: Theorem 1, Eq (6); spec 4.2 (E[H_m]).
 * @example fullySyntheticOneMinusSm({ n: 2, S0: 0.5, m: 1 }); // => 0.25
 */
export function fullySyntheticOneMinusSm(params: FullySyntheticSmParams): number {
  const [n, S0, m] = check(params);
  return powOneMinusInverse(n, m) * (1 - S0);
}
