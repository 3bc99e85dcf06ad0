/**
 * Proposition 1, Fully Synthetic: the chain is absorbed at the Dirac mass delta_i with
 * probability p_i, P(lim_m p^(m) = delta_i) = p_i (optional stopping for the bounded martingale
 * p^(m), spec 4.1).
 */
import { checkDistribution, checkIntegerInRange } from "../validate.ts";
import { checkParams } from "./params.ts";

export const id = "prop1-absorption";

/**
 * P(absorbed at delta_i) for every token i: the vector p itself. Source: Proposition 1.
 * @example absorptionProbabilities({ p: [0.5, 0.3, 0.2] }); // => [0.5, 0.3, 0.2]
 */
export function absorptionProbabilities(params: { p: readonly number[] }): number[] {
  const o = checkParams(params);
  return Array.from(checkDistribution(o.p, "p"));
}

/**
 * P(absorbed at delta_i) = p_i for one token i (0-based). Source: Proposition 1.
 * @example absorptionProbability({ p: [0.5, 0.3, 0.2], i: 2 }); // => 0.2
 */
export function absorptionProbability(params: { p: readonly number[]; i: number }): number {
  const o = checkParams(params);
  const p = checkDistribution(o.p, "p");
  const i = checkIntegerInRange(o.i, "i", 0, p.length - 1);
  return p[i];
}
