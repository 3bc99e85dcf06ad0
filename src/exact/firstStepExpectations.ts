/**
 * One step from an arbitrary real p (not necessarily on the 1/n grid) into the count chain:
 * X^(1) ~ Multinomial(n, p), then the solved levels give the values at X^(1).
 */
import { createCompositionIndex } from "./compositions.ts";
import { multinomialPmfWithTails } from "./multinomialPmf.ts";
import { solveFullySyntheticLevels, stateValues, type FullySyntheticLevels } from "./fullySyntheticLevels.ts";
import { checkFullySyntheticSize, MAX_EXACT_STATES } from "./stateSpaceLimit.ts";
import { checkDistribution, checkIntegerAtLeast } from "../validate.ts";

/** E[T], P(limit = delta_i) and E[first loss] from p, before any rescaling to the full vocabulary. */
export interface FirstStepExpectations {
  /** Positions i with p_i > 0 (the support of p), increasing. */
  support: number[];
  expectedCollapseTime: number;
  /** Indexed like `support`. */
  absorption: Float64Array;
  /** Infinity when the support has one token (nothing can be lost). */
  expectedFirstLossTime: number;
}

/** Indices i with p_i > 0. @example supportOf([0.5, 0, 0.5]); // => [0, 2] */
export function supportOf(p: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < p.length; i++) if (p[i] > 0) out.push(i);
  return out;
}

/**
 * Validates (p, n) and returns levels solved up to the support size of p (or checks the given ones).
 * @example solvedLevelsFor([0.5, 0.5], 2).levels[2]?.h; // => Float64Array [2] (to rounding)
 */
export function solvedLevelsFor(
  p: ArrayLike<number>,
  n: number,
  levels?: FullySyntheticLevels,
  maxStates = MAX_EXACT_STATES,
): FullySyntheticLevels {
  checkIntegerAtLeast(n, "n", 1);
  const support = supportOf(p).length;
  checkFullySyntheticSize(n, support, maxStates);
  if (levels) {
    if (levels.n !== n) throw new RangeError(`levels: solved for n = ${levels.n}, not n = ${n}`);
    if (levels.maxSupport < support) throw new RangeError(`levels: solved up to support ${levels.maxSupport} < ${support}`);
    return levels;
  }
  return solveFullySyntheticLevels(n, support, maxStates);
}

/**
 * E[T] = 1 + sum_x P(X^(1) = x) h(x); P(limit = delta_i) = sum_x P(X^(1) = x) a_i(x);
 * E[L] = 1 + sum_{x: supp x = supp p} P(X^(1) = x) g(x), with X^(1) ~ Multinomial(n, p) and
 * h = g = 0 on Dirac states (T >= 1 by definition). Source: first-step analysis.
 * @example firstStepExpectations([0.5, 0.5], 2).expectedCollapseTime; // => 2 (to rounding)
 */
export function firstStepExpectations(
  p: ArrayLike<number>,
  n: number,
  levels?: FullySyntheticLevels,
): FirstStepExpectations {
  const pv = checkDistribution(p, "p");
  const solved = solvedLevelsFor(pv, n, levels);
  const support = supportOf(pv);
  const k = support.length;
  const w = Float64Array.from(support, (i) => pv[i]);
  const absorption = new Float64Array(k);
  if (k === 1) {
    absorption[0] = 1;
    return { support, expectedCollapseTime: 1, absorption, expectedFirstLossTime: Infinity };
  }
  const tail = new Float64Array(k + 1);
  for (let i = k - 1; i >= 0; i--) tail[i] = tail[i + 1] + w[i];
  const all = createCompositionIndex(n, k);
  let eT = 1;
  let eL = 1;
  for (let c = 0; c < all.count; c++) {
    const pr = multinomialPmfWithTails(all.states, c * k, w, tail, n);
    if (pr === 0) continue;
    const v = stateValues(solved, all.states.subarray(c * k, c * k + k));
    eT += pr * v.h;
    if (v.support === k) eL += pr * v.g;
    for (let i = 0; i < k; i++) absorption[i] += pr * v.a[i];
  }
  return { support, expectedCollapseTime: eT, absorption, expectedFirstLossTime: eL };
}
