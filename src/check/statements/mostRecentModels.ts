/**
 * Most Recent Models (Sect. 4.2, Figure 6): "when the window size K is increased, total collapse
 * is delayed but still eventually happens". With a window of K models a Dirac p^(m) is absorbing
 * only once the K most recent models are all Dirac masses (they are then the same token: each
 * trains on floor(n/K) >= 1 samples of the one before), so the collapse time used here is
 * T_K = first m >= K with p^(m-K+1), ..., p^(m) all Dirac (T_1 = T of Fully Synthetic).
 *  - mrm-collapse-delayed: E[min(T_K, H)] - E[min(T_1, H)] >= 0 (two independent samples, an
 *    empirical Bernstein interval for each mean at delta/2, range [1, H]).
 *  - mrm-collapse-certain: P(T_K <= H) >= 1 - eps (Clopper-Pearson).
 */
import type { RunRecord } from "../../loops/index.ts";
import { formatEvidenceNumber } from "../evidence.ts";
import type { Implementation } from "../implementation.ts";
import { clopperPearson } from "../intervals.ts";
import { meanInterval } from "../montecarlo.ts";
import { distributionOf, PAPER_P } from "../points.ts";
import { forEachRun } from "../runs.ts";
import type { Statement } from "../statement.ts";
import type { Parameters } from "../types.ts";

const WHERE = "Sect. 4.2, Figure 6 (Most Recent Models)";

/** T_K of one run: first m >= K with supNorm[m - K + 1 .. m] all 1 (m - K + 1 >= 1), null if none. */
export function windowCollapseTime(rec: RunRecord, K: number): number | null {
  let run = 0;
  for (let m = 1; m < rec.supNorm.length; m++) {
    run = rec.supNorm[m] === 1 ? run + 1 : 0;
    if (run >= K) return m;
  }
  return null;
}

/** min(T_K, H) for `runs` runs of most-recent with window K (streams first..), H when T_K > H. */
function truncatedTimes(impl: Implementation, point: Parameters, K: number, H: number, runs: number, first: number, seed: number): Float64Array {
  const out = new Float64Array(runs);
  const config = { setting: "most-recent" as const, p0: distributionOf(point), n: Number(point.n), K, generations: H, stopAtCollapse: K === 1 };
  forEachRun(impl, seed, config, runs, first, (rec, r) => (out[r - first] = windowCollapseTime(rec, K) ?? H));
  return out;
}

export function mrmDelayedStatement(impl: Implementation): Statement {
  return {
    id: "mrm-collapse-delayed",
    title: "Most Recent Models: a window K > 1 delays collapse, E[min(T_K, H)] >= E[min(T_1, H)]",
    where: WHERE,
    kind: "statement",
    expected: "holds",
    method: "monte-carlo",
    description: "difference of the mean truncated collapse times with window K and with K = 1 (independent samples, empirical Bernstein) vs 0 (lower bound)",
    points: [
      { ...PAPER_P, n: 10, K: 2, H: 200, runs: 2000 },
      { p: [0.5, 0.3, 0.2], n: 10, K: 3, H: 200, runs: 2000 },
    ],
    measure(point, ctx) {
      const K = Number(point.K);
      const H = Number(point.H);
      const R = Number(point.runs) * (ctx.extended ? 5 : 1);
      const one = meanInterval(truncatedTimes(impl, point, 1, H, R, 0, ctx.seed), H - 1, ctx.delta / 2);
      const win = meanInterval(truncatedTimes(impl, point, K, H, R, R, ctx.seed), H - 1, ctx.delta / 2);
      const diff = win.estimate - one.estimate;
      return {
        relation: "atLeast",
        predicted: 0,
        estimate: diff,
        interval: [win.lo - one.hi, win.hi - one.lo],
        replicates: R,
        epsilon: win.hi - win.lo + (one.hi - one.lo),
        range: [1 - H, H - 1],
        evidence:
          `E[min(T_${K}, ${H})] in [${formatEvidenceNumber(win.lo)}, ${formatEvidenceNumber(win.hi)}] vs E[min(T_1, ${H})] in ` +
          `[${formatEvidenceNumber(one.lo)}, ${formatEvidenceNumber(one.hi)}]: delay ${formatEvidenceNumber(diff)} generations (${R} runs each)`,
        details: { windowMean: win.estimate, fullySyntheticMean: one.estimate, K, H },
      };
    },
  };
}

export function mrmCertainStatement(impl: Implementation): Statement {
  return {
    id: "mrm-collapse-certain",
    title: "Most Recent Models: collapse still happens, P(T_K <= H) >= 1 - eps",
    where: WHERE,
    kind: "statement",
    expected: "holds",
    method: "monte-carlo",
    description: "Clopper-Pearson interval of the fraction of most-recent runs absorbed (K consecutive Dirac models) by H vs 1 - eps (lower bound)",
    points: [
      { ...PAPER_P, n: 10, K: 2, H: 300, eps: 0.05, runs: 600 },
      { p: [0.5, 0.3, 0.2], n: 10, K: 3, H: 300, eps: 0.05, runs: 600 },
    ],
    measure(point, ctx) {
      const K = Number(point.K);
      const H = Number(point.H);
      const R = Number(point.runs) * (ctx.extended ? 5 : 1);
      const T = truncatedTimes(impl, point, K, H + 1, R, 0, ctx.seed);
      let k = 0;
      for (const t of T) if (t <= H) k++;
      const ci = clopperPearson(k, R, ctx.delta);
      const bound = 1 - Number(point.eps);
      return {
        relation: "atLeast",
        predicted: bound,
        estimate: ci.estimate,
        interval: [ci.lo, ci.hi],
        replicates: R,
        epsilon: ci.hi - ci.lo,
        evidence: `${k} of ${R} runs absorbed by m = ${H} with K = ${K}: P(T_${K} <= ${H}) in [${formatEvidenceNumber(ci.lo)}, ${formatEvidenceNumber(ci.hi)}] vs ${bound} (Clopper-Pearson)`,
        range: [0, 1],
      };
    },
  };
}
