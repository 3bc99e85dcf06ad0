/** Exact absorption probabilities of the Fully Synthetic chain. */
import { firstStepExpectations } from "./firstStepExpectations.ts";
import type { FullySyntheticLevels } from "./fullySyntheticLevels.ts";

/**
 * P(lim p^(m) = delta_i) for i = 1..s, computed from the absorbing chain (not from the martingale):
 * sum_x Mult(n, p)(x) a_i(x), a_i solving (I - Q) a_i = (one-step flow into delta_i and lower levels).
 * Proposition 1 says it equals p_i.
 * @example absorptionProbabilities([0.25, 0.75], 3); // => [0.25, 0.75] (to rounding)
 */
export function absorptionProbabilities(p: ArrayLike<number>, n: number, levels?: FullySyntheticLevels): number[] {
  const r = firstStepExpectations(p, n, levels);
  const out = new Array<number>(p.length).fill(0);
  r.support.forEach((i, t) => (out[i] = r.absorption[t]));
  return out;
}
