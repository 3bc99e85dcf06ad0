/**
 * prop1-absorption: in Fully Synthetic the chain is absorbed at delta_i with probability p_i
 * (Proposition 1). Exactly, from the absorbing chain's linear solve (src/exact), and by Monte
 * Carlo: runs to collapse, the fraction absorbed at each token of the support, Clopper-Pearson
 * with the check's delta split over the tokens (Bonferroni). Runs stop at a horizon H where
 * P(T > H) <= n (1 - S_0)(1 - 1/n)^H (Eq 7) is below 1e-12; that mass widens each upper end.
 */
import { absorptionProbabilities } from "../../exact/index.ts";
import { absorptionProbabilities as predictedAbsorption } from "../../theory/index.ts";
import { exactMeasurement } from "../exactMeasurement.ts";
import type { Implementation } from "../implementation.ts";
import { clopperPearson } from "../intervals.ts";
import { PAPER_P, distributionOf, readPoint } from "../points.ts";
import { forEachRun } from "../runs.ts";
import type { Statement } from "../statement.ts";
import { worstRowMeasurement, type Row } from "./worstRow.ts";

const TITLE = "Proposition 1: P(absorbed at delta_i) = p_i";
const WHERE = "Proposition 1";

/** Smallest H with n (1 - S0)(1 - 1/n)^H <= tail (the Eq (7) bound on P(T > H)). */
export function collapseHorizon(n: number, S0: number, tail: number): number {
  if (S0 >= 1 || n === 1) return 1;
  return Math.max(1, Math.ceil((Math.log(tail) - Math.log(n * (1 - S0))) / Math.log1p(-1 / n)));
}

export function prop1AbsorptionStatement(impl: Implementation): Statement {
  return {
    id: "prop1-absorption",
    title: TITLE,
    where: WHERE,
    kind: "statement",
    expected: "holds",
    method: "monte-carlo",
    description: "fraction of Fully Synthetic runs absorbed at each token vs p_i (Clopper-Pearson, Bonferroni over the support)",
    points: [
      { ...PAPER_P, n: 10, runs: 5000 },
      { p: [0.5, 0.3, 0.2], n: 20, runs: 10000 },
    ],
    extendedPoints: [{ p: [0.9, 0.05, 0.05], n: 50, runs: 20000 }],
    measure(point, ctx) {
      const { p0, S0, support, n } = readPoint(point);
      const R = Number(point.runs) * (ctx.extended ? 5 : 1);
      const H = collapseHorizon(n, S0, 1e-12);
      const tail = Math.min(1, n * (1 - S0) * Math.exp(H * Math.log1p(-1 / n)));
      const absorbed = new Float64Array(p0.length);
      let never = 0;
      forEachRun(impl, ctx.seed, { setting: "fully-synthetic", p0, n, generations: H, stopAtCollapse: true }, R, 0, (rec) => {
        if (rec.collapsedTo === null) never++;
        else absorbed[rec.collapsedTo]++;
      });
      const rows: Row[] = [];
      const deltaEach = ctx.delta / support;
      for (let i = 0; i < p0.length; i++) {
        if (!(p0[i] > 0)) continue;
        const ci = clopperPearson(absorbed[i], R, deltaEach);
        rows.push({ label: `token ${i} (p_i = ${p0[i].toPrecision(4)})`, predicted: p0[i], estimate: ci.estimate, lo: ci.lo, hi: Math.min(1, ci.hi + tail) });
      }
      let outside = 0;
      for (let i = 0; i < p0.length; i++) if (!(p0[i] > 0)) outside += absorbed[i];
      if (outside > 0) rows.push({ label: "tokens outside supp p", predicted: 0, estimate: outside / R, lo: clopperPearson(outside, R, deltaEach).lo, hi: 1 });
      return worstRowMeasurement("equals", rows, R, `Clopper-Pearson, ${R} runs to collapse, horizon ${H}, ${never} not absorbed`, { horizon: H, notAbsorbed: never });
    },
  };
}

export function prop1AbsorptionExactStatement(): Statement {
  return {
    id: "prop1-absorption-exact",
    title: TITLE,
    where: WHERE,
    kind: "statement",
    expected: "holds",
    method: "exact",
    description: "absorption probabilities of the Fully Synthetic chain from its linear solve vs p_i",
    points: [
      { p: [0.5, 0.3, 0.2], n: 12 },
      { p: [0.9, 0.05, 0.05], n: 10 },
      { p: [0.7, 0.3], n: 40 },
      { p: [0.4, 0.3, 0.2, 0.1], n: 8 },
    ],
    measure(point) {
      const p0 = distributionOf(point);
      const n = Number(point.n);
      const exact = absorptionProbabilities(p0, n);
      const predicted = predictedAbsorption({ p: Array.from(p0) });
      return exactMeasurement(
        "equals",
        predicted.map((pr, i) => ({ label: `token ${i}`, predicted: pr, exact: exact[i] })),
      );
    },
  };
}
