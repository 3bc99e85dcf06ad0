/**
 * thm1-sm: S_m = E[sigma_m] = 1 - (1 - 1/n)^m (1 - S_0) in Fully Synthetic (Theorem 1, Eq 6),
 * by Monte Carlo at the paper's setting and by the exact chain on small cases.
 */
import { fullySyntheticExact } from "../../exact/index.ts";
import type { Implementation } from "../implementation.ts";
import { exactMeasurement } from "../exactMeasurement.ts";
import { meanAtGenerations } from "../meanAtGenerations.ts";
import { PAPER_P, readPoint } from "../points.ts";
import type { Statement } from "../statement.ts";

const TITLE = "Theorem 1: S_m = 1 - (1 - 1/n)^m (1 - S_0)";
const WHERE = "Theorem 1, Eq (6)";

export function thm1SmStatement(impl: Implementation): Statement {
  return {
    id: "thm1-sm",
    title: TITLE,
    where: WHERE,
    kind: "statement",
    expected: "holds",
    method: "monte-carlo",
    description: "mean of sigma_m over independent Fully Synthetic runs vs Eq (6), at several m",
    points: [
      { ...PAPER_P, n: 10, m: [1, 2, 5, 10, 20] },
      { p: [0.5, 0.3, 0.2], n: 20, m: [1, 5, 20, 50] },
    ],
    extendedPoints: [{ ...PAPER_P, n: 100, m: [1, 10, 100] }],
    measure(point, ctx) {
      const { p0, S0, n, ms } = readPoint(point);
      return meanAtGenerations({
        impl,
        ctx,
        config: { setting: "fully-synthetic", p0, n },
        ms,
        pick: (rec, m) => rec.sigma[m],
        range: 1,
        predicted: (m) => impl.fullySyntheticSm({ n, S0, m }),
        epsilon: 0.02,
      });
    },
  };
}

export function thm1SmExactStatement(impl: Implementation): Statement {
  return {
    id: "thm1-sm-exact",
    title: TITLE,
    where: WHERE,
    kind: "statement",
    expected: "holds",
    method: "exact",
    description: "S_m of the Fully Synthetic chain solved exactly (distribution propagated) vs Eq (6), m = 0..M",
    points: [
      { p: [0.5, 0.3, 0.2], n: 12, M: 40 },
      { p: [0.9, 0.1], n: 30, M: 60 },
      { p: [0.25, 0.25, 0.25, 0.25], n: 6, M: 30 },
    ],
    measure(point) {
      const { p0, S0, n } = readPoint(point);
      const ex = fullySyntheticExact(p0, n, { M: Number(point.M) });
      return exactMeasurement(
        "equals",
        ex.S.map((exact, m) => ({ label: `m = ${m}`, exact, predicted: impl.fullySyntheticSm({ n, S0, m }) })),
      );
    },
  };
}
