/**
 * lemma1-l1-concentration: P(||p_hat - p||_1 >= eps) <= G exp(-n phi(pi_p) eps^2/4) for the
 * empirical distribution p_hat of n samples (Lemma 1), with G = G_n(s) of Eq (13) and with the
 * older G = 2^s - 2 (Weissman et al.), by Monte Carlo: p_hat is p^(1) of a one-generation Fully
 * Synthetic run, the fraction of runs with ||p^(1) - p||_1 >= eps gets a Clopper-Pearson interval,
 * and the bound must lie above its upper end. Points are where the bounds are below 1 (small s,
 * larger n); the tightness (measured / bound) says how loose the lemma is there. The deviation
 * is compared with eps (1 - 1e-12): ||p_hat - p||_1 lives on a 1/n grid and float64 rounds grid
 * values like 0.2 down, which would otherwise drop exactly the runs on the threshold.
 */
import { implementationMemo } from "../implementationMemo.ts";
import { piP, type TailForm } from "../../theory/index.ts";
import type { Implementation } from "../implementation.ts";
import { clopperPearson } from "../intervals.ts";
import { distributionOf } from "../points.ts";
import { forEachRun } from "../runs.ts";
import type { CheckContext, Statement } from "../statement.ts";
import type { Parameters } from "../types.ts";
import { worstRowMeasurement } from "./worstRow.ts";

const WHERE = "Lemma 1 (Mardia et al. 2020; Weissman et al. 2003), Eq (13)";

/** Points where the bounds are informative; the first is where Lemma 1 is nearly tight (s = 2, Hoeffding's exponent). */
const POINTS: Parameters[] = [
  { p: [0.5, 0.5], n: 100, eps: 0.2, runs: 20000 },
  { p: [0.5, 0.3, 0.2], n: 200, eps: 0.25, runs: 20000 },
  { p: [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1], n: 8, eps: 1.5, runs: 20000 },
];

const memo = implementationMemo<number>();

/** Runs with ||p^(1) - p||_1 >= eps, out of `runs` (shared by the two forms, drawn once). */
function exceedances(impl: Implementation, point: Parameters, ctx: CheckContext, p0: Float64Array, n: number, eps: number, R: number): number {
  return memo(impl, JSON.stringify([point, ctx.seed, R]), () => {
    let hits = 0;
    const threshold = eps * (1 - 1e-12);
    forEachRun(impl, ctx.seed, { setting: "fully-synthetic", p0, n, generations: 1 }, R, 0, (rec) => {
      if (rec.l1ToP0[1] >= threshold) hits++;
    });
    return hits;
  });
}

function statement(impl: Implementation, id: string, form: TailForm, title: string): Statement {
  return {
    id,
    seedLabel: "lemma1-l1-concentration",
    title,
    where: WHERE,
    kind: "statement",
    expected: "holds",
    method: "monte-carlo",
    description: "Clopper-Pearson interval of P(||p_hat - p||_1 >= eps) over one-generation runs vs the bound (upper)",
    points: POINTS,
    measure(point, ctx) {
      const p0 = distributionOf(point);
      const n = Number(point.n);
      const eps = Number(point.eps);
      const R = Number(point.runs) * (ctx.extended ? 5 : 1);
      const pi = piP({ p: Array.from(p0) }).upper;
      const bound = impl.l1TailBound({ n, s: p0.length, pi, eps, form });
      const k = exceedances(impl, point, ctx, p0, n, eps, R);
      const ci = clopperPearson(k, R, ctx.delta);
      return worstRowMeasurement("atMost", [{ label: `eps = ${eps}`, predicted: bound, estimate: ci.estimate, lo: ci.lo, hi: ci.hi }], R, `Clopper-Pearson, ${R} samples of n = ${n}, pi_p <= ${pi.toPrecision(4)}`, {
        bound,
        pi,
        form,
      });
    },
  };
}

export function lemma1Statements(impl: Implementation): Statement[] {
  return [
    statement(impl, "lemma1-l1-concentration", "lemma1", "Lemma 1: P(||p_hat - p||_1 >= eps) <= G_n(s) exp(-n phi(pi_p) eps^2/4)"),
    statement(impl, "lemma1-l1-concentration-weissman", "weissman", "Lemma 1 (older form): P(||p_hat - p||_1 >= eps) <= (2^s - 2) exp(-n phi(pi_p) eps^2/4)"),
  ];
}
