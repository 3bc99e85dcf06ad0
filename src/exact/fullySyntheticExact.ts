/** Every exact quantity of the Fully Synthetic chain from one solve, as a JSON-ready record. */
import { firstStepExpectations, solvedLevelsFor } from "./firstStepExpectations.ts";
import { collapseLaw } from "./collapseLaw.ts";
import type { FullySyntheticLevels } from "./fullySyntheticLevels.ts";
import { checkDistribution, checkIntegerAtLeast } from "../validate.ts";
import { MAX_EXACT_STATES } from "./stateSpaceLimit.ts";

/** Exact Fully Synthetic results; Infinity (no token can be lost) becomes null in JSON. */
export interface FullySyntheticExactResult {
  setting: "fully-synthetic";
  s: number;
  n: number;
  p: number[];
  /** s~ = |supp p|. */
  support: number;
  /** S_0 = ||p||_2^2. */
  S0: number;
  M: number;
  /** E[T], T = first m >= 1 with ||p^(m)||_inf = 1. */
  expectedCollapseTime: number;
  /** P(lim p^(m) = delta_i), i = 1..s (Proposition 1: = p_i). */
  absorptionProbabilities: number[];
  /** E[first m >= 1 with |supp p^(m)| < s~]; Infinity when s~ = 1. */
  expectedFirstLossTime: number;
  /** rho_m = P(||p^(m)||_inf = 1), m = 0..M. */
  rho: number[];
  /** P(T > m), m = 0..M. */
  survival: number[];
  /** S_m = E[sigma_m], m = 0..M (Theorem 1, Eq 6). */
  S: number[];
  /** P(first loss > m), m = 0..M. */
  lossSurvival: number[];
}

/**
 * Solves the Fully Synthetic chain with sample size n from p^(0) = p: E[T], the absorption
 * probabilities, E[first loss] (linear solves) and rho_m, P(T > m), S_m for m = 0..M (propagation).
 * `levels` reuses a solve (`solveFullySyntheticLevels(n, k)`, k >= |supp p|) across several p.
 * @example fullySyntheticExact([0.5, 0.5], 2, { M: 1 }).rho; // => [0, 0.5]
 */
export function fullySyntheticExact(
  p: ArrayLike<number>,
  n: number,
  options: { M?: number; maxStates?: number; levels?: FullySyntheticLevels } = {},
): FullySyntheticExactResult {
  const pv = checkDistribution(p, "p");
  checkIntegerAtLeast(n, "n", 1);
  const M = checkIntegerAtLeast(options.M ?? 50, "M", 0);
  const maxStates = options.maxStates ?? MAX_EXACT_STATES;
  const levels = solvedLevelsFor(pv, n, options.levels, maxStates);
  const first = firstStepExpectations(pv, n, levels);
  const law = collapseLaw(pv, n, M, maxStates);
  const absorptionProbabilities = new Array<number>(pv.length).fill(0);
  first.support.forEach((i, t) => (absorptionProbabilities[i] = first.absorption[t]));
  let S0 = 0;
  for (const v of pv) S0 += v * v;
  return {
    setting: "fully-synthetic",
    s: pv.length,
    n,
    p: Array.from(pv),
    support: first.support.length,
    S0,
    M,
    expectedCollapseTime: first.expectedCollapseTime,
    absorptionProbabilities,
    expectedFirstLossTime: first.expectedFirstLossTime,
    rho: law.rho,
    survival: law.survival,
    S: law.S,
    lossSurvival: law.lossSurvival,
  };
}
