/**
 * collapse-time-law: the collapse-time sampler behind Figure 2 (`collapseTimeSampler`, methods
 * "chain" and "fixing-token") draws T with exactly the law of the Fully Synthetic chain.
 * Predicted: P(T = m) = rho_m - rho_{m-1} for m = 1..M and P(T > M) = survival_M from the exact
 * chain (`collapseLaw`, Theorem 1's rho_m computed instead of bounded); the truncated mean
 * E[min(T, M + 1)] = sum_{m=0..M} P(T > m). Estimated: R draws of min(T, M + 1) (null -> M + 1),
 * held by the fit tests of lawFit.ts (DKW on the cdf, exact binomial tests of binned P(T = m),
 * L1 over bins, and the truncated mean by empirical Bernstein), ctx.delta split evenly over them.
 *
 * The points reach every branch of both samplers ("chain": generation 1 by categorical draws
 * with a guide table (A) or a binary search (F), by conditional binomials with inversion and
 * BTRD (C, D); later generations with >= 3 live tokens by categorical draws (B) or by
 * conditional binomials with the CountBinomialSampler table and countRatioBinomial from 0 (C, D,
 * G; twice a generation with 4 live tokens in G) and from the mode (D, ~1.4 draws a run); two live tokens by the table (A-D, F) or by binomialAt
 * for n > 1024 (E); the horizon (D, E). "fixing-token": I ~ p0 by binary search, c_1 = 1 +
 * Bin(n - 1, p0_I) by inversion (A, B, C, F) and BTRD (C, D, E, flipped in E), then the table
 * (n <= 1024) or binomialAt (E); G as C). A is the sharp point of Theorem 1 (Eq (7)'s upper bound and
 * Eq (8)'s lower bound attained; E[T] = 2). Not reached: conditional binomials with non-integer
 * ratios (k >= 3 live tokens and n > 1024), where no exact law is computable.
 * @example collapseTimeLawStatement(reference).measure({ p: [0.5, 0.5], n: 2, M: 30, method: "chain", runs: 1e5 }, ctx).estimate; // => near its predicted value
 */
import type { CollapseTimeMethod } from "../../loops/collapseTime.ts";
import { collapseLaw, type CollapseLaw } from "../../exact/collapseLaw.ts";
import { expectedCollapseTime } from "../../exact/expectedCollapseTime.ts";
import { fullySyntheticDenseSize } from "../../exact/stateSpaceLimit.ts";
import { rngStreams } from "../../rng/index.ts";
import type { Implementation } from "../implementation.ts";
import { fitMeasurement, scalarLawTests } from "../lawFit.ts";
import { distributionOf, summaryOf } from "../points.ts";
import type { Statement } from "../statement.ts";
import type { Parameters } from "../types.ts";

/** The points, each run with both methods (runs: draws of T at the default budget). */
const BASE_POINTS: Parameters[] = [
  // A: the sharp point of Theorem 1.
  { p: [0.5, 0.5], n: 2, M: 30, runs: 100_000 },
  // B: zeros inside the support; categorical generations on 3 live tokens (n < 2k).
  { p: [0.45, 0, 0.35, 0.2], n: 5, M: 40, runs: 100_000 },
  // C: the same p with conditional binomials (BTRD and inversion in generation 1, countRatioBinomial from 0 later).
  { p: [0.45, 0, 0.35, 0.2], n: 30, M: 150, runs: 40_000 },
  // D: countRatioBinomial from the mode (mean >= 20), the horizon reached (P(T > 200) = 0.09).
  { p: [0.34, 0.33, 0.33], n: 66, M: 200, runs: 20_000 },
  // E: n > 1024: two live tokens by binomialAt (inversion and BTRD, flipped).
  { p: [0.99, 0.01], n: 1100, M: 300, runs: 10_000 },
  // F: 17 tokens, n = 2: generation 1 by categorical draws with a binary search (8 n < k).
  { p: [0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.1, 0.1, 0.1], n: 2, M: 40, runs: 50_000 },
  // G: 4 live tokens with conditional binomials (two countRatioBinomial draws a generation).
  { p: [0.3, 0.3, 0.2, 0.2], n: 20, M: 100, runs: 60_000 },
];

const METHODS: CollapseTimeMethod[] = ["chain", "fixing-token"];

/** The statement's points: every base point with each method. */
export const COLLAPSE_TIME_LAW_POINTS: Parameters[] = BASE_POINTS.flatMap((p) => METHODS.map((method) => ({ ...p, method })));

/** Exact laws by (p, n, M): shared by the two methods and by planted bugs. */
const laws = new Map<string, CollapseLaw>();

function lawOf(p0: Float64Array, n: number, M: number): CollapseLaw {
  const key = JSON.stringify([Array.from(p0), n, M]);
  let law = laws.get(key);
  if (!law) laws.set(key, (law = collapseLaw(p0, n, M)));
  return law;
}

/** E[T] exactly, where the linear solve is cheap (dense size <= 300), else null. */
function expectedTime(p0: Float64Array, n: number): number | null {
  return fullySyntheticDenseSize(n, summaryOf(p0).support) <= 300 ? expectedCollapseTime(p0, n) : null;
}

export function collapseTimeLawStatement(impl: Implementation): Statement {
  return {
    id: "collapse-time-law",
    title: "Collapse-time sampler: T has the exact chain's law (both methods)",
    where: "Theorem 1 (T, rho_m); Figure 2's sampler (src/loops/collapseTime.ts)",
    kind: "extension",
    expected: "holds",
    method: "monte-carlo",
    description:
      "draws of min(T, M + 1) from collapseTimeSampler (chain, fixing-token) vs the exact law of T (collapseLaw): DKW cdf, binned exact tests, L1, truncated mean",
    points: COLLAPSE_TIME_LAW_POINTS,
    covers: ["collapse-time:chain", "collapse-time:fixing-token"],
    measure(point, ctx) {
      const p0 = distributionOf(point);
      const n = Number(point.n);
      const M = Number(point.M);
      const method = String(point.method) as CollapseTimeMethod;
      const R = Number(point.runs) * (ctx.extended ? 4 : 1);
      const law = lawOf(p0, n, M);
      // Cells: T = 1..M (index m - 1), T > M (index M), anything else (index M + 1, probability 0).
      const pmf = new Float64Array(M + 2);
      for (let m = 1; m <= M; m++) pmf[m - 1] = Math.max(0, law.rho[m] - law.rho[m - 1]);
      pmf[M] = law.survival[M];
      const counts = new Float64Array(M + 2);
      const draw = impl.collapseTimeSampler(p0, n, M, method);
      const [rng] = rngStreams(ctx.seed, 1);
      for (let r = 0; r < R; r++) {
        const t = draw(rng);
        if (t === null) counts[M]++;
        else if (Number.isInteger(t) && t >= 1 && t <= M) counts[t - 1]++;
        else counts[M + 1]++;
      }
      const g = Float64Array.from({ length: M + 2 }, (_, i) => (i <= M ? i + 1 : 0));
      let truncatedMean = 0;
      for (let m = 0; m <= M; m++) truncatedMean += law.survival[m];
      const tests = scalarLawTests("T", pmf, counts, ctx.delta, {
        moments: [{ label: `E[min(T, ${M + 1})]`, g, range: [0, M + 1] }],
        cellName: (i) => (i < M ? `T = ${i + 1}` : i === M ? `T > ${M}` : "T outside 1..M+1"),
      });
      const ET = expectedTime(p0, n);
      return fitMeasurement(tests, R, `${method}, ${R} draws of T, horizon ${M}`, {
        method,
        truncatedMean,
        survivalAtHorizon: law.survival[M],
        ...(ET !== null ? { expectedCollapseTime: ET } : {}),
      });
    },
  };
}
