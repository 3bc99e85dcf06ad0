/**
 * deviation-probability: P(||p^(m) - p^(1)||_1 >= eps) in Partially Synthetic, bounded by
 * Markov's inequality on Theorem 3 (min(1, B/eps)) and by Lemma 1 applied generation by
 * generation with a union bound (src/theory/deviation-probability.ts), for every m >= 2. Monte
 * Carlo: the fraction of runs whose drift at m reaches eps, Clopper-Pearson with the check's delta
 * split over the m, against the bound (upper). Both forms use the same runs. The drift is compared
 * with eps (1 - 1e-12) so that rounding never drops a run sitting exactly on the threshold.
 */
import { implementationMemo } from "../implementationMemo.ts";
import { deviationProbabilityMarkov, deviationProbabilityUnion } from "../../theory/index.ts";
import type { Implementation } from "../implementation.ts";
import { clopperPearson } from "../intervals.ts";
import { distributionOf, generationsOf, PAPER_P } from "../points.ts";
import { forEachRun } from "../runs.ts";
import type { CheckContext, Statement } from "../statement.ts";
import type { Parameters } from "../types.ts";
import { worstRowMeasurement, type Row } from "./worstRow.ts";

const memo = implementationMemo<number[]>();

/** Per m of the point, the number of runs with ||p^(m) - p^(1)||_1 >= eps (drawn once for both forms). */
function exceedances(impl: Implementation, point: Parameters, ctx: CheckContext, R: number): number[] {
  return memo(impl, JSON.stringify([point, ctx.seed, R]), () => {
    const p0 = distributionOf(point);
    const ms = generationsOf(point);
    const threshold = Number(point.eps) * (1 - 1e-12);
    const hits = ms.map(() => 0);
    const config = { setting: "partially-synthetic" as const, p0, n: Number(point.n), N: Number(point.N), generations: Math.max(...ms) };
    forEachRun(impl, ctx.seed, config, R, 0, (rec) => ms.forEach((m, j) => (hits[j] += rec.l1ToP1[m] >= threshold ? 1 : 0)));
    return hits;
  });
}

/**
 * Points. The paper's own (s = 600) has both bounds clamped at 1: vacuous, kept and labelled. Markov's
 * bound on Theorem 3 is below 1 only where eps > (1/N) sqrt(pi n/2) G_n(s), and the probability is
 * 0 a priori where eps > 2a; both hold for s = 2, N = 100, n = 10 at eps = 0.08 (bound 0.99). The
 * union bound is informative there and at eps = 0.05 (0.57 at m = 2), where runs do cross eps.
 */
const PAPER_POINT: Parameters = { ...PAPER_P, N: 100, n: 10, eps: 0.1, m: [2, 5, 20], runs: 2000, expect: "vacuous" };
const TWO_TOKENS: Parameters = { p: [0.5, 0.5], N: 100, n: 10, eps: 0.08, m: [2, 5, 20], runs: 20000 };
/** Plus the tightest points of the tightness search (reports/figures/tightness-maps.json) per form. */
const POINTS: Record<Form, Parameters[]> = {
  markov: [PAPER_POINT, TWO_TOKENS, { ...TWO_TOKENS, N: 128, n: 16, m: [2, 9, 20] }],
  union: [PAPER_POINT, TWO_TOKENS, { ...TWO_TOKENS, eps: 0.05 }, { ...TWO_TOKENS, N: 32, n: 4, m: [2, 5, 20] }],
};

/**
 * A priori range of P(||p^(m) - p^(1)||_1 >= eps): [0, 1], or [0, 0] when eps > 2a, since
 * ||p^(m) - p^(1)||_1 = a ||p_hat - p^(1)||_1 <= 2a for every m >= 2 (Eq 17).
 */
function probabilityRange(point: Parameters): [number, number] {
  const N = Number(point.N);
  const n = Number(point.n);
  return Number(point.eps) <= (2 * n) / (N + n) ? [0, 1] : [0, 0];
}

type Form = "markov" | "union";

function bound(form: Form, point: Parameters, s: number, m: number): number {
  const q = { N: Number(point.N), n: Number(point.n), s, eps: Number(point.eps) };
  return form === "markov" ? deviationProbabilityMarkov(q).value : deviationProbabilityUnion({ ...q, m }).value;
}

function statement(impl: Implementation, id: string, form: Form, title: string, description: string): Statement {
  return {
    id,
    seedLabel: "deviation-probability",
    title,
    where: form === "markov" ? "Theorem 3 with Markov's inequality (published version's 'deviation probability')" : "Lemma 1 with Eq (17)-(18) and a union bound (not in the paper)",
    kind: form === "markov" ? "statement" : "extension",
    expected: "holds",
    method: "monte-carlo",
    description,
    points: POINTS[form],
    measure(point, ctx) {
      const s = distributionOf(point).length;
      const ms = generationsOf(point);
      const R = Number(point.runs) * (ctx.extended ? 5 : 1);
      const hits = exceedances(impl, point, ctx, R);
      const rows: Row[] = ms.map((m, j) => {
        const ci = clopperPearson(hits[j], R, ctx.delta / ms.length);
        return { label: `m = ${m}`, predicted: bound(form, point, s, m), estimate: ci.estimate, lo: ci.lo, hi: ci.hi };
      });
      return worstRowMeasurement("atMost", rows, R, `Clopper-Pearson, ${R} runs, eps = ${point.eps}`, {}, probabilityRange(point));
    },
  };
}

export function deviationProbabilityStatements(impl: Implementation): Statement[] {
  return [
    statement(
      impl,
      "deviation-probability-markov",
      "markov",
      "Deviation probability (Markov on Theorem 3): P(||p^(m) - p^(1)||_1 >= eps) <= min(1, (1/(eps N)) sqrt(pi n/2) G_n(s))",
      "Clopper-Pearson interval of the fraction of runs with ||p^(m) - p^(1)||_1 >= eps vs Markov's bound (upper), at several m",
    ),
    statement(
      impl,
      "deviation-probability-union",
      "union",
      "Deviation probability (Lemma 1 per generation, union bound): P(||p^(m) - p^(1)||_1 >= eps) <= sum_i min(1, G e^{-n eps_i^2/2})",
      "Clopper-Pearson interval of the fraction of runs with ||p^(m) - p^(1)||_1 >= eps vs the union bound (upper), at several m",
    ),
  ];
}
