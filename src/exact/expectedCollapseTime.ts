/** Exact expected collapse time of the Fully Synthetic chain. */
import { firstStepExpectations } from "./firstStepExpectations.ts";
import { solveFullySyntheticLevels, stateValues, type FullySyntheticLevels } from "./fullySyntheticLevels.ts";
import { checkFullySyntheticSize } from "./stateSpaceLimit.ts";
import { checkIntegerAtLeast } from "../validate.ts";

/**
 * E[T], T = first m >= 1 with ||p^(m)||_inf = 1, for p^(0) = p (any real distribution):
 * 1 + sum_x Mult(n, p)(x) h(x), h solving (I - Q) h = 1 on the transient count states.
 * Compare Theorem 1, Eq (8): 1 + (1 - S_0)(n - 1)/(1 - 1/s~) <= E[T] <= 1 + (1 - S_0) n (n - 1).
 * @example expectedCollapseTime([0.5, 0.5], 2); // => 2 (to rounding)
 */
export function expectedCollapseTime(p: ArrayLike<number>, n: number, levels?: FullySyntheticLevels): number {
  return firstStepExpectations(p, n, levels).expectedCollapseTime;
}

/**
 * E[T] from the count state x (p^(0) = x / n, n = sum x): h(x) on a transient state, 1 on a
 * Dirac state (T >= 1). Equals expectedCollapseTime(x / n, n).
 * @example expectedCollapseTimeFromCounts([1, 2]); // => 3 (to rounding)
 */
export function expectedCollapseTimeFromCounts(x: ArrayLike<number>, levels?: FullySyntheticLevels): number {
  let n = 0;
  let support = 0;
  for (let i = 0; i < x.length; i++) {
    checkIntegerAtLeast(x[i], `x[${i}]`, 0);
    n += x[i];
    if (x[i] > 0) support++;
  }
  checkIntegerAtLeast(n, "n (sum of x)", 1);
  if (support === 1) return 1;
  checkFullySyntheticSize(n, support);
  const solved = levels ?? solveFullySyntheticLevels(n, support);
  if (solved.n !== n || solved.maxSupport < support) throw new RangeError(`levels: not solved for n = ${n}, support ${support}`);
  return stateValues(solved, x).h;
}
