/**
 * ps-second-moments: the exact second moments of the Partially Synthetic chain (spec 4.3), with
 * the same N real samples every generation:
 *   D_m = E||p^(m) - p^(1)||_2^2 = (a^2/n)(1 - S_1)(1 - b^(m-1))/(1 - b)   (a = n/(N+n), b = a^2(1 - 1/n)),
 *   S_m <= S_inf = 1 - gamma (Theorem 2's limit, an upper bound for every m >= 1),
 *   E||p^(m) - p^(0)||_2^2 = (1 - S_0)/N + D_m   (m >= 1; at m = 1 the multinomial variance of the real sample),
 * and the variant NOT in the paper with N fresh real samples every generation,
 *   V_m = E||p^(m) - p||_2^2,  V_{m+1} = (1 - S_0)/(N + n) + b V_m,  V_1 = (1 - S_0)/N.
 * Monte Carlo (empirical Bernstein) and the exact chain averaged over the real sample.
 * Ranges: for m >= 2, p^(m) - p^(1) = a (p_hat - p^(1)) (Eq 17), so ||p^(m) - p^(1)||_2^2 <= 2 a^2.
 */
import { partiallySyntheticAveragedTrajectory } from "../../exact/index.ts";
import { freshRealSquaredError, partiallySyntheticLimit, psSquaredDistanceFromStart } from "../../theory/index.ts";
import { exactMeasurement } from "../exactMeasurement.ts";
import type { Implementation } from "../implementation.ts";
import { meanAtGenerations } from "../meanAtGenerations.ts";
import { PAPER_P, epsilonOf, readPoint } from "../points.ts";
import type { Statement } from "../statement.ts";
import type { Parameters } from "../types.ts";

const WHERE = "Spec 4.3 (second moments of the Partially Synthetic chain)";
const SMALL: Parameters = { p: [0.5, 0.3, 0.2], N: 10, n: 10, m: [2, 3, 4, 6] };
const CONCENTRATED: Parameters = { p: [0.8, 0.1, 0.1], N: 4, n: 4, m: [2, 3, 5] };

export function psDriftStatement(impl: Implementation): Statement {
  return {
    id: "ps-drift",
    title: "Partially Synthetic: D_m = E||p^(m) - p^(1)||_2^2 = (a^2/n)(1 - S_1)(1 - b^(m-1))/(1 - b)",
    where: WHERE,
    kind: "extension",
    expected: "holds",
    method: "monte-carlo",
    description: "mean over runs of ||p^(m) - p^(1)||_2^2 (range [0, 2a^2]) vs D_m, at several m >= 2",
    points: [{ ...PAPER_P, N: 100, n: 10, m: [2, 3, 5], epsilon: 4e-4 }, { ...SMALL, epsilon: 0.003 }, { ...CONCENTRATED, epsilon: 0.01 }],
    measure(point, ctx) {
      const { p0, S0, N, n, ms } = readPoint(point);
      const a = n / (N + n);
      return meanAtGenerations({
        impl,
        ctx,
        config: { setting: "partially-synthetic", p0, n, N },
        ms,
        pick: (rec, m) => rec.l2SquaredToP1[m],
        range: 2 * a * a,
        predicted: (m) => impl.psDrift({ N, n, S0, m }),
        epsilon: epsilonOf(point, 0.003),
      });
    },
  };
}

export function psDriftExactStatement(impl: Implementation): Statement {
  return {
    id: "ps-drift-exact",
    title: "Partially Synthetic: D_m = E||p^(m) - p^(1)||_2^2 = (a^2/n)(1 - S_1)(1 - b^(m-1))/(1 - b)",
    where: WHERE,
    kind: "extension",
    expected: "holds",
    method: "exact",
    description: "E||p^(m) - p^(1)||_2^2 of the Partially Synthetic chain computed exactly (averaged over the real sample) vs D_m, m = 1..M",
    points: [
      { p: [0.5, 0.3, 0.2], N: 10, n: 10, M: 8 },
      { p: [0.8, 0.1, 0.1], N: 4, n: 4, M: 8 },
      { p: [0.6, 0.4], N: 3, n: 20, M: 12 },
    ],
    measure(point) {
      const { p0, S0, N, n } = readPoint(point);
      const M = Number(point.M);
      const tr = partiallySyntheticAveragedTrajectory(p0, N, n, M);
      const pairs = [];
      for (let m = 1; m <= M; m++) pairs.push({ label: `D_${m}`, exact: tr.l2FromFirst[m], predicted: impl.psDrift({ N, n, S0, m }) });
      return exactMeasurement("equals", pairs);
    },
  };
}

export function psLimitStatement(impl: Implementation): Statement {
  return {
    id: "ps-sm-limit",
    title: "Theorem 2: S_m <= S_inf = 1 - gamma for every m >= 1 (the limit of Eq (9))",
    where: "Theorem 2 (limit and uniform bound)",
    kind: "statement",
    expected: "holds",
    method: "monte-carlo",
    description: "mean over runs of sigma_m vs 1 - gamma (upper bound), at m where S_inf - S_m is still visible",
    points: [
      { p: [0.5, 0.3, 0.2], N: 2, n: 20, m: [1, 2, 3], epsilon: 0.03 },
      { p: [0.8, 0.1, 0.1], N: 4, n: 4, m: [1], epsilon: 0.02 },
    ],
    measure(point, ctx) {
      const { p0, S0, N, n, ms } = readPoint(point);
      const bound = partiallySyntheticLimit({ N, n, S0 }).SInf;
      return meanAtGenerations({
        impl,
        ctx,
        config: { setting: "partially-synthetic", p0, n, N },
        ms,
        pick: (rec, m) => rec.sigma[m],
        range: 1,
        predicted: () => bound,
        relation: "atMost",
        epsilon: epsilonOf(point, 0.01),
        bounds: [0, 1],
      });
    },
  };
}

export function psLimitExactStatement(): Statement {
  return {
    id: "ps-sm-limit-exact",
    title: "Theorem 2: S_m <= S_inf = 1 - gamma for every m >= 1 (the limit of Eq (9))",
    where: "Theorem 2 (limit and uniform bound)",
    kind: "statement",
    expected: "holds",
    method: "exact",
    description: "exact S_m (averaged over the real sample) vs 1 - gamma, m = 1..M",
    points: [
      { p: [0.5, 0.3, 0.2], N: 2, n: 20, M: 30 },
      { p: [0.8, 0.1, 0.1], N: 4, n: 4, M: 20 },
      { p: [0.5, 0.3, 0.2], N: 10, n: 10, M: 20 },
      { p: [0.5, 0.3, 0.2], N: 4, n: 4, M: 16 },
    ],
    measure(point) {
      const { p0, S0, N, n } = readPoint(point);
      const M = Number(point.M);
      const bound = partiallySyntheticLimit({ N, n, S0 }).SInf;
      const tr = partiallySyntheticAveragedTrajectory(p0, N, n, M);
      const pairs = [];
      for (let m = 1; m <= M; m++) pairs.push({ label: `S_${m}`, exact: tr.S[m], predicted: bound });
      return exactMeasurement("atMost", pairs, undefined, [0, 1]);
    },
  };
}

export function psFreshRealStatement(impl: Implementation): Statement {
  return {
    id: "ps-fresh-real",
    title: "Fresh real data every generation (not in the paper): V_m = E||p^(m) - p||_2^2, V_{m+1} = (1 - S_0)/(N + n) + b V_m",
    where: "Spec 4.3 (variant not in the paper)",
    kind: "extension",
    expected: "holds",
    method: "monte-carlo",
    description: "mean over partially-synthetic-fresh runs of ||p^(m) - p^(0)||_2^2 (range [0, 2]) vs V_m, at several m",
    points: [
      { ...SMALL, m: [1, 2, 3, 6], epsilon: 0.02 },
      { ...CONCENTRATED, m: [1, 2, 4], epsilon: 0.025 },
    ],
    measure(point, ctx) {
      const { p0, S0, N, n, ms } = readPoint(point);
      return meanAtGenerations({
        impl,
        ctx,
        config: { setting: "partially-synthetic-fresh", p0, n, N },
        ms,
        pick: (rec, m) => rec.l2SquaredToP0[m],
        range: 2,
        predicted: (m) => freshRealSquaredError({ N, n, S0, m }),
        epsilon: epsilonOf(point, 0.008),
      });
    },
  };
}

export function psDistanceFromStartStatement(impl: Implementation): Statement {
  return {
    id: "ps-distance-from-start",
    title: "Partially Synthetic: E||p^(m) - p^(0)||_2^2 = (1 - S_0)/N + D_m",
    where: WHERE,
    kind: "extension",
    expected: "holds",
    method: "monte-carlo",
    description: "mean over partially-synthetic runs (same real sample) of ||p^(m) - p^(0)||_2^2 (range [0, 2]) vs (1 - S_0)/N + D_m, at several m",
    points: [
      { ...SMALL, m: [1, 2, 3, 6], epsilon: 0.02 },
      { ...CONCENTRATED, m: [1, 2, 4], epsilon: 0.025 },
    ],
    measure(point, ctx) {
      const { p0, S0, N, n, ms } = readPoint(point);
      return meanAtGenerations({
        impl,
        ctx,
        config: { setting: "partially-synthetic", p0, n, N },
        ms,
        pick: (rec, m) => rec.l2SquaredToP0[m],
        range: 2,
        predicted: (m) => psSquaredDistanceFromStart({ N, n, S0, m }),
        epsilon: epsilonOf(point, 0.012),
      });
    },
  };
}
