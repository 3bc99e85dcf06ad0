/**
 * thm2-sm-partial: S_{m+1} in Partially Synthetic (Theorem 2, Eq 9), as corrected (sign "+") and
 * as printed (sign "-", an erratum the harness must refute). The theorem is stated for m >= 1,
 * so both are compared at m >= 1 (S_2, S_3, ...), by Monte Carlo and by the exact chain averaged
 * over the real sample r ~ Multinomial(N, p).
 */
import { partiallySyntheticAveragedTrajectory } from "../../exact/index.ts";
import { eq9With, type Implementation } from "../implementation.ts";
import { exactMeasurement } from "../exactMeasurement.ts";
import { meanAtGenerations } from "../meanAtGenerations.ts";
import { PAPER_P, epsilonOf, readPoint } from "../points.ts";
import type { Statement } from "../statement.ts";
import type { Parameters } from "../types.ts";

const WHERE = "Theorem 2, Eq (9)";

/** Points where the two signs differ measurably: small N, n and a concentrated p. */
const DETECT_POINTS: Parameters[] = [
  { p: [0.8, 0.1, 0.1], N: 4, n: 4, m: [1, 2, 3], epsilon: 0.008 },
  { p: [0.5, 0.3, 0.2], N: 10, n: 10, m: [1, 2, 3] },
];

function monteCarlo(impl: Implementation, nextSm: Implementation["partiallySyntheticNextSm"]): Statement["measure"] {
  return (point, ctx) => {
    const { p0, S0, N, n, ms } = readPoint(point);
    return meanAtGenerations({
      impl,
      ctx,
      config: { setting: "partially-synthetic", p0, n, N, generations: Math.max(...ms) + 1 },
      ms,
      pick: (rec, m) => rec.sigma[m + 1],
      range: 1,
      predicted: (m) => nextSm({ N, n, S0, m }),
      epsilon: epsilonOf(point, 0.004),
    });
  };
}

function exact(nextSm: Implementation["partiallySyntheticNextSm"]): Statement["measure"] {
  return (point) => {
    const { p0, S0, N, n, ms } = readPoint(point);
    const tr = partiallySyntheticAveragedTrajectory(p0, N, n, Math.max(...ms) + 1);
    return exactMeasurement(
      "equals",
      ms.map((m) => ({ label: `S_${m + 1} (m = ${m})`, exact: tr.S[m + 1], predicted: nextSm({ N, n, S0, m }) })),
    );
  };
}

export function thm2SmPartialStatement(impl: Implementation): Statement {
  return {
    id: "thm2-sm-partial",
    title: "Theorem 2: S_{m+1} in Partially Synthetic, corrected sign (+)",
    where: WHERE,
    kind: "statement",
    expected: "holds",
    method: "monte-carlo",
    description: "mean of sigma_{m+1} over Partially Synthetic runs (same N real samples every generation) vs Eq (9) with +",
    points: [{ ...PAPER_P, N: 100, n: 10, m: [1, 2, 5, 20] }, ...DETECT_POINTS],
    measure: monteCarlo(impl, impl.partiallySyntheticNextSm),
  };
}

export function thm2SmPartialExactStatement(impl: Implementation): Statement {
  return {
    id: "thm2-sm-partial-exact",
    title: "Theorem 2: S_{m+1} in Partially Synthetic, corrected sign (+)",
    where: WHERE,
    kind: "statement",
    expected: "holds",
    method: "exact",
    description: "S_{m+1} of the Partially Synthetic chain computed exactly (averaged over the real sample) vs Eq (9) with +",
    points: DETECT_POINTS.map(({ epsilon: _e, ...p }) => ({ ...p, m: [1, 2, 3, 4, 5] })),
    measure: exact(impl.partiallySyntheticNextSm),
  };
}

/** The printed sign: expected to be refuted (Eq 9 as printed in the paper). */
export function thm2PrintedStatement(impl: Implementation): Statement {
  const printed = eq9With("-");
  return {
    id: "thm2-sm-partial-printed",
    title: "Theorem 2: S_{m+1} as printed (sign -), expected refuted",
    where: WHERE,
    kind: "erratum",
    expected: "refuted",
    method: "monte-carlo",
    description: "mean of sigma_{m+1} over Partially Synthetic runs vs Eq (9) with the printed minus sign",
    points: DETECT_POINTS,
    measure: monteCarlo(impl, printed),
  };
}

export function thm2PrintedExactStatement(): Statement {
  const printed = eq9With("-");
  return {
    id: "thm2-sm-partial-printed-exact",
    title: "Theorem 2: S_{m+1} as printed (sign -), expected refuted",
    where: WHERE,
    kind: "erratum",
    expected: "refuted",
    method: "exact",
    description: "exact S_{m+1} vs Eq (9) with the printed minus sign",
    points: DETECT_POINTS.map(({ epsilon: _e, ...p }) => ({ ...p, m: [1, 2, 3, 4, 5] })),
    measure: exact(printed),
  };
}
