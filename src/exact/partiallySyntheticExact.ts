/** Every exact quantity of the Partially Synthetic chain, as a JSON-ready record. */
import {
  checkRealCounts,
  partiallySyntheticAveragedTrajectory,
  partiallySyntheticTrajectory,
} from "./partiallySyntheticTrajectory.ts";
import { supportOf } from "./firstStepExpectations.ts";
import { MAX_EXACT_STATES } from "./stateSpaceLimit.ts";
import { checkDistribution, checkIntegerAtLeast } from "../validate.ts";

/** Exact Partially Synthetic results; Infinity becomes null in JSON. */
export interface PartiallySyntheticExactResult {
  setting: "partially-synthetic";
  s: number;
  n: number;
  N: number;
  /** alpha = n / (N + n). */
  alpha: number;
  p: number[];
  /** The fixed real counts r = N p^(1), or null when the results average over r ~ Multinomial(N, p). */
  real: number[] | null;
  support: number;
  S0: number;
  M: number;
  /** E[T]: 1 when p^(1) is a Dirac mass, else Infinity (p^(m) >= r/(N+n) > 0 on supp r). */
  expectedCollapseTime: number;
  /** P(lim p^(m) = delta_i) = P(p^(1) = delta_i): given r, the indicator; averaged, p_i^N. */
  absorptionProbabilities: number[];
  /** E[first m with |supp p^(m)| < |supp p|]: 1 if surely supp r < supp p, else Infinity. */
  expectedFirstLossTime: number;
  /** rho_m = P(||p^(m)||_inf = 1), m = 0..M (constant for m >= 1). */
  rho: number[];
  /** S_m, m = 0..M (Theorem 2, Eq 9 for the average). */
  S: number[];
  /** E||p^(m) - p^(1)||_2^2, m = 0..M. */
  l2FromFirst: number[];
  /** E||p^(m) - p^(1)||_1, m = 0..M (Theorem 3). */
  l1FromFirst: number[];
}

/**
 * The Partially Synthetic chain with N fixed real samples and n synthetic ones per generation,
 * given the real counts (`real`, summing to N) or averaged over real ~ Multinomial(N, p).
 * Total collapse and token loss are decided at m = 1: p^(m) >= r/(N + n) coordinate-wise.
 * @example partiallySyntheticExact([0.5, 0.5], 1, undefined, { real: [1, 1], M: 2 }).S; // => [0.5, 0.5, 0.5555555555555556]
 */
export function partiallySyntheticExact(
  p: ArrayLike<number>,
  n: number,
  N: number | undefined,
  options: { real?: ArrayLike<number>; M?: number; maxStates?: number } = {},
): PartiallySyntheticExactResult {
  const pv = checkDistribution(p, "p");
  checkIntegerAtLeast(n, "n", 1);
  const M = checkIntegerAtLeast(options.M ?? 50, "M", 0);
  const maxStates = options.maxStates ?? MAX_EXACT_STATES;
  const s = pv.length;
  const support = supportOf(pv).length;
  let S0 = 0;
  for (const v of pv) S0 += v * v;
  const absorption = new Array<number>(s).fill(0);
  let realOut: number[] | null = null;
  let totalN: number;
  let pDirac1: number; // P(p^(1) is a Dirac mass)
  let pLoss1: number; // P(supp p^(1) smaller than supp p)
  let trajectory;
  if (options.real !== undefined) {
    totalN = checkRealCounts(options.real, pv);
    if (N !== undefined && checkIntegerAtLeast(N, "N", 1) !== totalN) {
      throw new RangeError(`N must equal the sum of real (${totalN}), got ${N}`);
    }
    realOut = Array.from(options.real);
    const rs = supportOf(realOut);
    pDirac1 = rs.length === 1 ? 1 : 0;
    if (rs.length === 1) absorption[rs[0]] = 1;
    pLoss1 = rs.length < support ? 1 : 0;
    trajectory = partiallySyntheticTrajectory(pv, realOut, n, M, maxStates);
  } else {
    if (N === undefined) throw new RangeError("N must be given (or real counts)");
    totalN = checkIntegerAtLeast(N, "N", 1);
    pDirac1 = 0;
    for (let i = 0; i < s; i++) {
      absorption[i] = pv[i] ** totalN;
      pDirac1 += absorption[i];
    }
    if (totalN === 1 || support === 1) pDirac1 = 1;
    pLoss1 = totalN < support ? 1 : 0;
    trajectory = partiallySyntheticAveragedTrajectory(pv, totalN, n, M, maxStates);
  }
  const rho = [support === 1 ? 1 : 0];
  for (let m = 1; m <= M; m++) rho.push(pDirac1);
  return {
    setting: "partially-synthetic",
    s,
    n,
    N: totalN,
    alpha: n / (totalN + n),
    p: Array.from(pv),
    real: realOut,
    support,
    S0,
    M,
    expectedCollapseTime: pDirac1 === 1 ? 1 : Infinity,
    absorptionProbabilities: absorption,
    expectedFirstLossTime: pLoss1 === 1 ? 1 : Infinity,
    rho,
    S: trajectory.S,
    l2FromFirst: trajectory.l2FromFirst,
    l1FromFirst: trajectory.l1FromFirst,
  };
}
