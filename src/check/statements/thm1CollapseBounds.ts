/**
 * thm1-rho-bounds and thm1-collapse-time-bounds: the bounds of Theorem 1 on rho_m = P(T <= m)
 * (Eq 7) and on E[T] (Eq 8), by Monte Carlo (Clopper-Pearson intervals for rho_m, empirical
 * Bernstein for E[T] with T truncated at a horizon whose tail mass is accounted for) and by the
 * exact chain. Uniform p with s = 2, n = 2 makes the upper bound on rho_m and the lower bound on
 * E[T] tight, so there the exact check has no slack at all.
 */
import { implementationMemo } from "../implementationMemo.ts";
import { fullySyntheticExact } from "../../exact/index.ts";
import { eachRngStream } from "../../rng/index.ts";
import { formatEvidenceNumber } from "../evidence.ts";
import { exactMeasurement, type ExactPair } from "../exactMeasurement.ts";
import type { Implementation } from "../implementation.ts";
import { clopperPearson } from "../intervals.ts";
import { decideVerdict } from "../decide.ts";
import { bernsteinSampleSize, meanInterval } from "../montecarlo.ts";
import { PAPER_P, distributionOf, readPoint } from "../points.ts";
import type { CheckContext, Statement } from "../statement.ts";
import type { Measurement, Parameters, Relation } from "../types.ts";

const RHO_WHERE = "Theorem 1, Eq (7)";
const T_WHERE = "Theorem 1, Eq (8)";
/**
 * The sharp point first, then the tightest points with n > 2 that the tightness search found
 * (reports/figures/tightness-maps.json: Eq (7) lower at p = (.5, .5), n = 4, m = 16, tightness 0.99;
 * Eq (7) upper at n = 4, m = 4; Eq (8) at p = (.9, .1), n = 4), then the earlier regular points.
 */
const EXACT_POINTS: Parameters[] = [
  { p: [0.5, 0.5, 0], n: 2, M: 30 },
  { p: [0.5, 0.5], n: 4, M: 32 },
  { p: [0.9, 0, 0.1], n: 4, M: 32 },
  { p: [0.5, 0.3, 0.2], n: 12, M: 60 },
  { p: [0.9, 0.05, 0.05], n: 10, M: 60 },
  { p: [0.7, 0.3], n: 40, M: 200 },
];

const memo = implementationMemo<Float64Array>();

/** A priori ranges: rho_m is a probability; T >= 1 and unbounded above (E[T] bounds are vacuous only below 1). */
const PROBABILITY: [number, number] = [0, 1];
const COLLAPSE_TIME: [number, number] = [1, Number.POSITIVE_INFINITY];

/**
 * Collapse times of `count` runs (streams first..), truncated at `horizon` (null -> horizon + 1).
 * The lower- and upper-bound checks share their seed label, so the sample is memoised per
 * implementation and drawn once.
 */
function collapseTimes(impl: Implementation, point: Parameters, ctx: CheckContext, count: number, first: number, horizon: number): Float64Array {
  return memo(impl, JSON.stringify([point, ctx.seed, count, first, horizon]), () => drawCollapseTimes(impl, point, ctx, count, first, horizon));
}

function drawCollapseTimes(impl: Implementation, point: Parameters, ctx: CheckContext, count: number, first: number, horizon: number): Float64Array {
  const p0 = distributionOf(point);
  const n = Number(point.n);
  const out = new Float64Array(count);
  const draw = impl.collapseTimeSampler(p0, n, horizon);
  let r = 0;
  for (const rng of eachRngStream(ctx.seed, count, first)) out[r++] = draw(rng) ?? horizon + 1;
  return out;
}

function rhoMonteCarlo(impl: Implementation, side: "lower" | "upper"): Statement["measure"] {
  return (point, ctx) => {
    const { p0, S0, support, n, ms } = readPoint(point);
    const horizon = Math.max(...ms);
    const R = Number(point.runs ?? 20_000) * (ctx.extended ? 5 : 1);
    const T = collapseTimes(impl, point, ctx, R, 0, horizon);
    const deltaM = ctx.delta / ms.length;
    const relation: Relation = side === "lower" ? "atLeast" : "atMost";
    const perM = ms.map((m) => {
      let k = 0;
      for (const t of T) if (t <= m) k++;
      const ci = clopperPearson(k, R, deltaM);
      const b = impl.collapseProbabilityBounds({ n, S0, support, s: p0.length, m });
      const bound = side === "lower" ? b.lower : b.upper;
      return { m, bound, estimate: ci.estimate, lo: ci.lo, hi: ci.hi, verdict: decideVerdict(relation, bound, [ci.lo, ci.hi], PROBABILITY) };
    });
    // Report a refuted generation if any, else an inconclusive one, else the one with least slack
    // (a vacuous one only when all are).
    const rank = { refuted: 0, inconclusive: 1, holds: 2, vacuous: 3 } as const;
    const slack = (r: (typeof perM)[number]): number => (side === "lower" ? r.lo - r.bound : r.bound - r.hi);
    const w = [...perM].sort((a, b) => rank[a.verdict] - rank[b.verdict] || slack(a) - slack(b))[0];
    return {
      relation,
      predicted: w.bound,
      estimate: w.estimate,
      interval: [w.lo, w.hi],
      replicates: R,
      // The width at the generation that decides (where the bound binds), not the widest over m.
      epsilon: w.hi - w.lo,
      evidence:
        `${w.verdict === "holds" || w.verdict === "vacuous" ? "least slack" : w.verdict} at m = ${w.m}: rho_m in [${formatEvidenceNumber(w.lo)}, ${formatEvidenceNumber(w.hi)}] ` +
        `vs ${side} bound ${formatEvidenceNumber(w.bound)} (${ms.length} generations, ${R} runs, Clopper-Pearson)`,
      details: { perGeneration: perM },
      range: PROBABILITY,
    };
  };
}

function rhoExact(impl: Implementation, side: "lower" | "upper"): Statement["measure"] {
  return (point) => {
    const { p0, S0, support, n } = readPoint(point);
    const ex = fullySyntheticExact(p0, n, { M: Number(point.M) });
    const pairs: ExactPair[] = [];
    for (let m = 1; m < ex.rho.length; m++) {
      const b = impl.collapseProbabilityBounds({ n, S0, support, s: p0.length, m });
      pairs.push({ label: `m = ${m}`, exact: ex.rho[m], predicted: side === "lower" ? b.lower : b.upper });
    }
    return exactMeasurement(side === "lower" ? "atLeast" : "atMost", pairs, undefined, PROBABILITY);
  };
}

function timeMonteCarlo(impl: Implementation, side: "lower" | "upper"): Statement["measure"] {
  return (point, ctx): Measurement => {
    const { p0, S0, support, n } = readPoint(point);
    // Truncation: P(T > H) <= n (1 - S0)(1 - 1/n)^H (the proof's bound on P(T > k), from Eq 6 and
    // Markov's inequality); H is chosen so that the truncated mass H * P(T > H) is below 1e-9.
    let H = Math.max(10, n);
    while (H * n * (1 - S0) * Math.exp(H * Math.log1p(-1 / n)) > 1e-9) H = Math.ceil(H * 1.25);
    const pilot = collapseTimes(impl, point, ctx, 500, 0, H);
    const v = meanInterval(pilot, H, ctx.delta).variance;
    const target = (ctx.epsilon ?? 0.05) * (meanInterval(pilot, H, ctx.delta).estimate || 1);
    const R = bernsteinSampleSize(v, H, target / 2, ctx.delta, 2000, 400_000);
    const T = collapseTimes(impl, point, ctx, R, 500, H);
    const iv = meanInterval(T, H, ctx.delta);
    const b = impl.collapseTimeBounds({ n, S0, support, s: p0.length });
    const bound = side === "lower" ? b.lower : b.upper;
    return {
      relation: side === "lower" ? "atLeast" : "atMost",
      predicted: bound,
      estimate: iv.estimate,
      interval: [iv.lo, iv.hi],
      replicates: R,
      epsilon: iv.hi - iv.lo,
      evidence: `E[T] in [${formatEvidenceNumber(iv.lo)}, ${formatEvidenceNumber(iv.hi)}] vs ${side} bound ${formatEvidenceNumber(bound)} (${R} runs, T truncated at ${H})`,
      range: COLLAPSE_TIME,
    };
  };
}

function timeExact(impl: Implementation, side: "lower" | "upper"): Statement["measure"] {
  return (point) => {
    const { p0, S0, support, n } = readPoint(point);
    const ex = fullySyntheticExact(p0, n, { M: 1 });
    const b = impl.collapseTimeBounds({ n, S0, support, s: p0.length });
    return exactMeasurement(
      side === "lower" ? "atLeast" : "atMost",
      [{ label: `E[T], n = ${n}`, exact: ex.expectedCollapseTime, predicted: side === "lower" ? b.lower : b.upper }],
      undefined,
      COLLAPSE_TIME,
    );
  };
}

/** Generations where the bounds are informative: the lower bound positive, the upper below 1. */
const MC_RHO_POINTS: Parameters[] = [
  { ...PAPER_P, n: 10, m: [5, 10, 20, 30, 40] },
  { p: [0.5, 0.3, 0.2], n: 20, m: [5, 20, 50, 80] },
];
const MC_T_POINTS: Parameters[] = [{ ...PAPER_P, n: 10 }, { p: [0.5, 0.3, 0.2], n: 20 }];

function make(
  seedLabel: string,
  id: string,
  title: string,
  where: string,
  method: "monte-carlo" | "exact",
  points: Parameters[],
  measure: Statement["measure"],
  description: string,
): Statement {
  return { id, seedLabel, title, where, kind: "statement", expected: "holds", method, points, description, measure };
}

export function thm1CollapseStatements(impl: Implementation): Statement[] {
  return [
    make("thm1-rho", "thm1-rho-lower", "Theorem 1: lower bound on rho_m = P(T <= m)", RHO_WHERE, "monte-carlo", MC_RHO_POINTS, rhoMonteCarlo(impl, "lower"), "Clopper-Pearson interval of the fraction of runs collapsed by m vs 1 - n(1 - S_0)(1 - 1/n)^m"),
    make("thm1-rho", "thm1-rho-upper", "Theorem 1: upper bound on rho_m = P(T <= m)", RHO_WHERE, "monte-carlo", MC_RHO_POINTS, rhoMonteCarlo(impl, "upper"), "Clopper-Pearson interval of the fraction of runs collapsed by m vs 1 - (1 - S_0)/(1 - 1/s~) (1 - 1/n)^m"),
    make("thm1-rho", "thm1-rho-lower-exact", "Theorem 1: lower bound on rho_m = P(T <= m)", RHO_WHERE, "exact", EXACT_POINTS, rhoExact(impl, "lower"), "exact law of T vs the lower bound of Eq (7), every m <= M"),
    make("thm1-rho", "thm1-rho-upper-exact", "Theorem 1: upper bound on rho_m = P(T <= m)", RHO_WHERE, "exact", EXACT_POINTS, rhoExact(impl, "upper"), "exact law of T vs the upper bound of Eq (7), every m <= M"),
    make("thm1-collapse-time", "thm1-collapse-time-lower", "Theorem 1: lower bound on E[T]", T_WHERE, "monte-carlo", MC_T_POINTS, timeMonteCarlo(impl, "lower"), "empirical Bernstein interval of mean T vs 1 + (1 - S_0)/(1 - 1/s~) (n - 1)"),
    make("thm1-collapse-time", "thm1-collapse-time-upper", "Theorem 1: upper bound on E[T]", T_WHERE, "monte-carlo", MC_T_POINTS, timeMonteCarlo(impl, "upper"), "empirical Bernstein interval of mean T vs 1 + (1 - S_0) n (n - 1)"),
    make("thm1-collapse-time", "thm1-collapse-time-lower-exact", "Theorem 1: lower bound on E[T]", T_WHERE, "exact", EXACT_POINTS, timeExact(impl, "lower"), "exact E[T] (linear solve) vs the lower bound of Eq (8)"),
    make("thm1-collapse-time", "thm1-collapse-time-upper-exact", "Theorem 1: upper bound on E[T]", T_WHERE, "exact", EXACT_POINTS, timeExact(impl, "upper"), "exact E[T] (linear solve) vs the upper bound of Eq (8)"),
  ];
}

/**
 * thm1-bounds-sharp: the upper bound on rho_m (Eq 7) and the lower bound on E[T] (Eq 8) are
 * attained when p is uniform on s~ = 2 tokens and n = 2 (then T is geometric: from p^(0) and from
 * every non-collapsed state the chain collapses with probability 1/2 per generation). A looser
 * bound, e.g. one that used the vocabulary size s in place of s~, fails this equality. The point
 * has s = 3 > s~ = 2 on purpose.
 */
export function thm1SharpnessStatement(impl: Implementation): Statement {
  return {
    id: "thm1-bounds-sharp",
    title: "Theorem 1: Eq (7) upper and Eq (8) lower bounds are attained (p uniform on 2 tokens, n = 2)",
    where: "Theorem 1, Eq (7)-(8)",
    kind: "statement",
    expected: "holds",
    method: "exact",
    description: "exact rho_m and E[T] vs the bounds, which must be equal at this point",
    points: [{ p: [0.5, 0.5, 0], n: 2, M: 30 }],
    measure(point) {
      const { p0, S0, support, n } = readPoint(point);
      const ex = fullySyntheticExact(p0, n, { M: Number(point.M) });
      const pairs: ExactPair[] = [{ label: "E[T]", exact: ex.expectedCollapseTime, predicted: impl.collapseTimeBounds({ n, S0, support, s: p0.length }).lower }];
      for (let m = 1; m < ex.rho.length; m++) {
        pairs.push({ label: `rho_${m}`, exact: ex.rho[m], predicted: impl.collapseProbabilityBounds({ n, S0, support, s: p0.length, m }).upper });
      }
      return exactMeasurement("equals", pairs);
    },
  };
}
