/**
 * token-loss-bounds: per-token loss in Fully Synthetic (spec 4.5, the per-token analogue of the
 * proof of Eq (7)). With A_m = {0 < p_k^(m) < 1}, h = p_k (1 - p_k), f = (1 - 1/n)^m:
 *   4 f h <= P(A_m) <= n (1 - 1/n)^(m-1) h   (m >= 1),   E[p_k^(m)(1 - p_k^(m))] = f h.
 * Monte Carlo on the most probable token, read through the simulator's observer (Clopper-Pearson
 * for P(A_m), the lower- and upper-bound checks sharing one sample; empirical Bernstein, range
 * [0, 1/4], for the identity), and exactly: token k against the rest is the two-token chain
 * (p_k, 1 - p_k), so P(A_m) = P(T > m) and E[p_k(1 - p_k)] = (1 - S_m)/2 of that chain.
 */
import { implementationMemo } from "../implementationMemo.ts";
import { fullySyntheticExact } from "../../exact/index.ts";
import { tokenExpectedHeterozygosity, tokenSegregationBounds } from "../../theory/index.ts";
import { exactMeasurement, type ExactPair } from "../exactMeasurement.ts";
import type { Implementation } from "../implementation.ts";
import { clopperPearson } from "../intervals.ts";
import { meanAtGenerations } from "../meanAtGenerations.ts";
import { distributionOf, generationsOf, PAPER_P } from "../points.ts";
import { forEachRun } from "../runs.ts";
import type { CheckContext, Statement } from "../statement.ts";
import type { Parameters } from "../types.ts";
import { tokenFrequency, topTokens, withTokenFrequencies } from "./tokenFrequencies.ts";
import { worstRowMeasurement, type Row } from "./worstRow.ts";

const WHERE = "Spec 4.5 (per-token analogue of the proof of Eq (7))";
type Side = "lower" | "upper";

const MC_POINTS: Parameters[] = [
  { ...PAPER_P, n: 10, m: [1, 5, 10, 15], runs: 4000 },
  { p: [0.5, 0.3, 0.2], n: 20, m: [5, 20, 40], runs: 6000 },
];
/** The sharp n = 2 point, the tightest n > 2 points of the tightness search (n = 4), then regular ones. */
const EXACT_POINTS: Parameters[] = [
  { pk: 0.5, n: 2, M: 30 },
  { pk: 0.5, n: 4, M: 16 },
  { pk: 0.1, n: 4, M: 16 },
  { pk: 0.3, n: 20, M: 100 },
  { pk: 0.05, n: 50, M: 200 },
];

const memo = implementationMemo<number[]>();

/** Per m of the point, runs with 0 < p_k^(m) < 1 for the most probable token k (drawn once for both sides). */
function segregating(impl: Implementation, point: Parameters, ctx: CheckContext, R: number): number[] {
  return memo(impl, JSON.stringify([point, ctx.seed, R]), () => {
    const p0 = distributionOf(point);
    const ms = generationsOf(point);
    const [k] = topTokens(p0, 1);
    const counts = ms.map(() => 0);
    const observed = withTokenFrequencies(impl, [k], p0);
    forEachRun(observed, ctx.seed, { setting: "fully-synthetic", p0, n: Number(point.n), generations: Math.max(...ms) }, R, 0, (rec) => {
      ms.forEach((m, j) => {
        const x = tokenFrequency(rec, m, 0);
        if (x > 0 && x < 1) counts[j]++;
      });
    });
    return counts;
  });
}

function monteCarlo(impl: Implementation, side: Side): Statement {
  return {
    id: `token-loss-${side}`,
    seedLabel: "token-loss",
    title: `Token loss: ${side === "lower" ? "4 (1 - 1/n)^m p_k(1 - p_k) <= P(0 < p_k^(m) < 1)" : "P(0 < p_k^(m) < 1) <= n (1 - 1/n)^(m-1) p_k(1 - p_k)"}`,
    where: WHERE,
    kind: "extension",
    expected: "holds",
    method: "monte-carlo",
    description: `Clopper-Pearson interval of the fraction of runs where the most probable token is neither lost nor fixed vs the ${side} bound, at several m`,
    points: MC_POINTS,
    measure(point, ctx) {
      const p0 = distributionOf(point);
      const n = Number(point.n);
      const ms = generationsOf(point);
      const pk = p0[topTokens(p0, 1)[0]];
      const R = Number(point.runs) * (ctx.extended ? 5 : 1);
      const counts = segregating(impl, point, ctx, R);
      const rows: Row[] = ms.map((m, j) => {
        const ci = clopperPearson(counts[j], R, ctx.delta / ms.length);
        const b = tokenSegregationBounds({ n, pk, m });
        return { label: `m = ${m}`, predicted: side === "lower" ? b.lower : b.upper, estimate: ci.estimate, lo: ci.lo, hi: ci.hi };
      });
      return worstRowMeasurement(side === "lower" ? "atLeast" : "atMost", rows, R, `Clopper-Pearson, ${R} runs, p_k = ${pk.toPrecision(4)}`, {}, [0, 1]);
    },
  };
}

function exact(side: Side): Statement {
  return {
    id: `token-loss-${side}-exact`,
    title: `Token loss: ${side} bound on P(0 < p_k^(m) < 1), exact two-token chain`,
    where: WHERE,
    kind: "extension",
    expected: "holds",
    method: "exact",
    description: `exact P(0 < p_k^(m) < 1) = P(T > m) of the chain (p_k, 1 - p_k) vs the ${side} bound, m = 1..M`,
    points: EXACT_POINTS,
    measure(point) {
      const pk = Number(point.pk);
      const n = Number(point.n);
      const ex = fullySyntheticExact([pk, 1 - pk], n, { M: Number(point.M) });
      const pairs: ExactPair[] = [];
      for (let m = 1; m < ex.survival.length; m++) {
        const b = tokenSegregationBounds({ n, pk, m });
        pairs.push({ label: `m = ${m}`, exact: ex.survival[m], predicted: side === "lower" ? b.lower : b.upper });
      }
      return exactMeasurement(side === "lower" ? "atLeast" : "atMost", pairs, undefined, [0, 1]);
    },
  };
}

export function tokenLossStatements(impl: Implementation): Statement[] {
  return [
    monteCarlo(impl, "lower"),
    monteCarlo(impl, "upper"),
    exact("lower"),
    exact("upper"),
    {
      id: "token-loss-heterozygosity",
      title: "Token loss: E[p_k^(m)(1 - p_k^(m))] = (1 - 1/n)^m p_k(1 - p_k)",
      where: WHERE,
      kind: "extension",
      expected: "holds",
      method: "monte-carlo",
      description: "mean over runs of p_k^(m)(1 - p_k^(m)) for the most probable token (range [0, 1/4]) vs (1 - 1/n)^m p_k(1 - p_k)",
      points: MC_POINTS.map(({ runs: _r, ...p }) => p),
      measure(point, ctx) {
        const p0 = distributionOf(point);
        const n = Number(point.n);
        const ms = generationsOf(point);
        const [k] = topTokens(p0, 1);
        return meanAtGenerations({
          impl: withTokenFrequencies(impl, [k], p0),
          ctx,
          config: { setting: "fully-synthetic", p0, n },
          ms,
          pick: (rec, m) => {
            const x = tokenFrequency(rec, m, 0);
            return x * (1 - x);
          },
          range: 0.25,
          predicted: (m) => tokenExpectedHeterozygosity({ n, pk: p0[k], m }),
          epsilon: 0.02,
        });
      },
    },
    {
      id: "token-loss-heterozygosity-exact",
      title: "Token loss: E[p_k^(m)(1 - p_k^(m))] = (1 - 1/n)^m p_k(1 - p_k)",
      where: WHERE,
      kind: "extension",
      expected: "holds",
      method: "exact",
      description: "(1 - S_m)/2 of the exact two-token chain (p_k, 1 - p_k) vs (1 - 1/n)^m p_k(1 - p_k), m = 0..M",
      points: EXACT_POINTS,
      measure(point) {
        const pk = Number(point.pk);
        const n = Number(point.n);
        const ex = fullySyntheticExact([pk, 1 - pk], n, { M: Number(point.M) });
        return exactMeasurement(
          "equals",
          ex.S.map((S, m) => ({ label: `m = ${m}`, exact: (1 - S) / 2, predicted: tokenExpectedHeterozygosity({ n, pk, m }) })),
        );
      },
    },
  ];
}
