/** Exact expected time until the first token of the support is lost (Fully Synthetic). */
import { firstStepExpectations } from "./firstStepExpectations.ts";
import type { FullySyntheticLevels } from "./fullySyntheticLevels.ts";

/**
 * E[L], L = first m >= 1 with |supp p^(m)| < |supp p|: 1 + sum_{x: supp x = supp p} Mult(n, p)(x) g(x),
 * g solving (I - Q_k) g = 1 on the states where all k = |supp p| tokens are present.
 * Infinity when p is a Dirac mass (no token can be lost). Source: Sect. 4.4 (first extinction).
 * @example expectedFirstLossTime([0.5, 0.5], 2); // => 2 (to rounding)
 */
export function expectedFirstLossTime(p: ArrayLike<number>, n: number, levels?: FullySyntheticLevels): number {
  return firstStepExpectations(p, n, levels).expectedFirstLossTime;
}
