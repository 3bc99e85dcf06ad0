/**
 * thm4-expectation-step (extension): the inequality the proof of Theorem 4 actually needs, in
 * expectation, with the printed right-hand side:
 *   E[lambda_{k+1}] <= 1/4 - (1/4 - E[lambda_1]) (N/(N+n))^2,   lambda_k = max_A p^(k)(A) p^(k)(A^c),
 * on the real Partially Synthetic chain (r ~ Multinomial(N, p) fixed real counts, p^(k+1) =
 * (r + Y)/(N+n), Y ~ Multinomial(n, p^(k))), computed exactly by enumerating the chain's states
 * (src/exact/partiallySyntheticLambda.ts). The pointwise step is refuted (thm4-printed-step, a
 * realizable pair); this expectation-level form is not refuted at any exact point checked here
 * (s <= 4, N, n <= 6, k <= 4), which does not prove it: it is unproven in general. The slack
 * shrinks as N grows with n fixed (about 1e-4 at N = 30, n = 1, s = 4 uniform), so the grid's
 * least slack is at its largest N and smallest n.
 */
import { partiallySyntheticExpectedLambda } from "../../exact/partiallySyntheticLambda.ts";
import { EXACT_TOLERANCE, exactMeasurement, type ExactPair } from "../exactMeasurement.ts";
import { distributionOf } from "../points.ts";
import type { Statement } from "../statement.ts";
import type { Measurement, Parameters } from "../types.ts";

/** The right-hand side as a function of (N, n, E[lambda_1]). */
export type ExpectationStepBound = (N: number, n: number, expectedLambda1: number) => number;

/**
 * The printed right-hand side, 1/4 - (1/4 - E lambda_1)(N/(N+n))^2.
 * @example printedExpectationBound(1, 1, 0); // => 0.1875
 */
export const printedExpectationBound: ExpectationStepBound = (N, n, l1) => 0.25 - (0.25 - l1) * (N / (N + n)) ** 2;

/** The points' grid: every N in Ns, n in ns, and k + 1 = 2..maxK + 1. */
function listOf(v: Parameters[string]): number[] {
  return Array.isArray(v) ? v.map(Number) : [Number(v)];
}

/**
 * E[lambda_{k+1}] against `bound` at every (N, n, k) of the point; the pair with the least slack is
 * reported (range [0, 1/4]: lambda never exceeds 1/4).
 */
export function expectationStepMeasurement(point: Parameters, bound: ExpectationStepBound = printedExpectationBound): Measurement {
  const p = Array.from(distributionOf(point));
  const maxK = Number(point.maxK);
  const pairs: ExactPair[] = [];
  for (const N of listOf(point.N)) {
    for (const n of listOf(point.n)) {
      const lambda = partiallySyntheticExpectedLambda(p, N, n, maxK + 1);
      const predicted = bound(N, n, lambda[1]);
      for (let k = 1; k <= maxK; k++) {
        pairs.push({ label: `N = ${N}, n = ${n}, k + 1 = ${k + 1} (E lambda_1 = ${lambda[1].toPrecision(6)})`, predicted, exact: lambda[k + 1] });
      }
    }
  }
  return exactMeasurement("atMost", pairs, EXACT_TOLERANCE, [0, 0.25]);
}

const GRID = { N: [1, 2, 3, 4, 5, 6], n: [1, 2, 3, 4, 5, 6], maxK: 4 };

const POINTS: Parameters[] = [
  { p: [0.5, 0.5], ...GRID },
  { p: [0.9, 0.1], ...GRID },
  { p: [0.5, 0.3, 0.2], ...GRID },
  { p: [1 / 3, 1 / 3, 1 / 3], ...GRID },
  { p: [0.25, 0.25, 0.25, 0.25], ...GRID },
  { p: [0.4, 0.3, 0.2, 0.1], ...GRID },
  { p: [0.7, 0.1, 0.1, 0.1], ...GRID },
];

/** Larger N (the slack shrinks there), n <= 2, k <= 2. */
const EXTENDED_POINTS: Parameters[] = [
  { p: [0.25, 0.25, 0.25, 0.25], N: [10, 20, 30], n: [1, 2], maxK: 2 },
  { p: [0.5, 0.5], N: [10, 20, 30, 60], n: [1, 2, 5], maxK: 3 },
];

export function thm4ExpectationStepStatement(): Statement {
  return {
    id: "thm4-expectation-step",
    title:
      "Theorem 4, proof step in expectation, printed zeta: E[lambda_{k+1}] <= 1/4 - (1/4 - E[lambda_1])(N/(N+n))^2 " +
      "(exact chains, s <= 4, N, n <= 6, k <= 4; not refuted there, unproven in general)",
    where: "Theorem 4, proof (App. B.3): E[lambda_{k+1}] <= 1/4 - (1/4 - E lambda_1)(N/(N+n))^2",
    kind: "extension",
    expected: "holds",
    method: "exact",
    description:
      "exact E[lambda(p^(k+1))] of the Partially Synthetic chain (states enumerated, r ~ Multinomial(N, p) averaged over) vs the printed bound in E[lambda(p^(1))], " +
      "least slack over N, n in 1..6 and k + 1 in 2..5; holding at these points does not prove the inequality",
    points: POINTS,
    extendedPoints: EXTENDED_POINTS,
    measure: (point) => expectationStepMeasurement(point),
  };
}
