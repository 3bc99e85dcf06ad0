/**
 * Randomly Sampled Data (Sect. 4.2, Figure 6, column 4): "the model does deteriorate but the
 * deviation plateaus very quickly. In particular, the 100 runs produce only one Dirac mass over
 * the span of 500 generations". Two measurable checks at the paper's point (s = 600, s~ = 52,
 * S_0 = 0.1, n = 10):
 *  - rsd-rare-collapse: P(some p^(m), m <= H, is a Dirac mass) <= bound (Clopper-Pearson);
 *  - rsd-plateau: |E||p^(m2) - p^(1)||_1 - E||p^(m1) - p^(1)||_1| <= tolerance (empirical
 *    Bernstein on the paired per-run differences, range [-2, 2]).
 * Reading of the real data t = 0: drawn from p^(0) at each use (a corpus much larger than n).
 * Measured: about 3% of runs reach a Dirac mass by m = 500 this way (the paper saw 1 in 100); with
 * a fixed corpus of only n = 10 real samples it is about 13%. Distribution-free intervals at the
 * suite's delta need many runs of 500 generations, so the default points are weaker than the
 * paper's wording (bound 0.15); the extended point checks bound 0.06 (4000 runs).
 *
 * rsd-plateau's threshold is fixed by a criterion, not read off a run: "plateaus" means the mean
 * deviation moves by at most tolerance = 0.1 (5% of the L1 range [0, 2]) between m1 and m2. The
 * sample size is then derived so that the check has power: a pilot (its own streams) estimates the
 * variance of the paired difference and the main sample is sized for an empirical Bernstein
 * half-width h <= tolerance/4. The interval covers the true difference d with probability >= 1 - delta,
 * and then its upper end is at most |d| + 2h, so the check holds whenever |d| <= tolerance/2: a
 * failure to hold is then a false alarm of the interval (rate <= delta), not bad luck with a
 * threshold at the edge of the noise.
 */
import { formatEvidenceNumber } from "../evidence.ts";
import type { Implementation } from "../implementation.ts";
import { clopperPearson } from "../intervals.ts";
import { bernsteinSampleSize, meanInterval } from "../montecarlo.ts";
import { distributionOf, PAPER_P } from "../points.ts";
import { forEachRun } from "../runs.ts";
import type { Statement } from "../statement.ts";
import type { Parameters } from "../types.ts";

const WHERE = "Sect. 4.2, Figure 6 (Randomly Sampled Data)";

function config(point: Parameters, generations: number, stopAtCollapse: boolean) {
  return { setting: "randomly-sampled" as const, p0: distributionOf(point), n: Number(point.n), generations, stopAtCollapse, realData: String(point.realData) as "fresh" | "fixed" };
}

export function rsdRareCollapseStatement(impl: Implementation): Statement {
  return {
    id: "rsd-rare-collapse",
    title: "Randomly Sampled Data: a Dirac mass is rare within H = 500 generations",
    where: WHERE,
    kind: "statement",
    expected: "holds",
    method: "monte-carlo",
    description: "Clopper-Pearson interval of the fraction of randomly-sampled runs with a Dirac model at some m <= H vs the bound (upper)",
    points: [{ ...PAPER_P, n: 10, H: 500, bound: 0.15, runs: 400, realData: "fresh" }],
    extendedPoints: [{ ...PAPER_P, n: 10, H: 500, bound: 0.06, runs: 800, realData: "fresh" }],
    measure(point, ctx) {
      const H = Number(point.H);
      const R = Number(point.runs) * (ctx.extended ? 5 : 1);
      let k = 0;
      forEachRun(impl, ctx.seed, config(point, H, true), R, 0, (rec) => {
        if (rec.T !== null && rec.T <= H) k++;
      });
      const ci = clopperPearson(k, R, ctx.delta);
      const bound = Number(point.bound);
      return {
        relation: "atMost",
        predicted: bound,
        estimate: ci.estimate,
        interval: [ci.lo, ci.hi],
        replicates: R,
        epsilon: ci.hi - ci.lo,
        evidence: `${k} of ${R} runs reached a Dirac mass by m = ${H} (paper: 1 of 100): fraction in [${formatEvidenceNumber(ci.lo)}, ${formatEvidenceNumber(ci.hi)}] vs ${bound} (Clopper-Pearson, real data ${point.realData})`,
        range: [0, 1],
      };
    },
  };
}

export function rsdPlateauStatement(impl: Implementation): Statement {
  return {
    id: "rsd-plateau",
    title: "Randomly Sampled Data: the deviation ||p^(m) - p^(1)||_1 plateaus (mean at m2 within a tolerance of the mean at m1)",
    where: WHERE,
    kind: "statement",
    expected: "holds",
    method: "monte-carlo",
    description: "empirical Bernstein interval of the mean paired difference ||p^(m2) - p^(1)||_1 - ||p^(m1) - p^(1)||_1 (range [-2, 2]), runs sized for half-width <= tolerance/4; |difference| vs the tolerance 0.1 fixed a priori (upper)",
    points: [{ ...PAPER_P, n: 10, m1: 25, m2: 50, tolerance: 0.1, realData: "fresh" }],
    extendedPoints: [{ ...PAPER_P, n: 10, m1: 250, m2: 500, tolerance: 0.1, realData: "fresh" }],
    measure(point, ctx) {
      const m1 = Number(point.m1);
      const m2 = Number(point.m2);
      const tolerance = Number(point.tolerance);
      const differences = (count: number, first: number) => {
        const d = new Float64Array(count);
        const at = new Float64Array(2);
        forEachRun(impl, ctx.seed, config(point, m2, false), count, first, (rec, r) => {
          d[r - first] = rec.l1ToP1[m2] - rec.l1ToP1[m1];
          at[0] += rec.l1ToP1[m1] / count;
          at[1] += rec.l1ToP1[m2] / count;
        });
        return { d, at };
      };
      const PILOT = 1000;
      const pilotVariance = meanInterval(differences(PILOT, 0).d, 4, ctx.delta).variance;
      const R = bernsteinSampleSize(pilotVariance, 4, tolerance / 4, ctx.delta, 1000, 200_000);
      const { d, at } = differences(R, PILOT);
      const iv = meanInterval(d, 4, ctx.delta);
      const absLo = iv.lo > 0 ? iv.lo : iv.hi < 0 ? -iv.hi : 0;
      const absHi = Math.max(Math.abs(iv.lo), Math.abs(iv.hi));
      return {
        relation: "atMost",
        predicted: Number(point.tolerance),
        estimate: Math.abs(iv.estimate),
        interval: [absLo, absHi],
        replicates: R,
        epsilon: iv.hi - iv.lo,
        evidence:
          `mean L1 deviation ${formatEvidenceNumber(at[0])} at m = ${m1}, ${formatEvidenceNumber(at[1])} at m = ${m2}: difference ${formatEvidenceNumber(iv.estimate)} in ` +
          `[${formatEvidenceNumber(iv.lo)}, ${formatEvidenceNumber(iv.hi)}] vs tolerance ${point.tolerance} (${R} runs sized for half-width <= tolerance/4, real data ${point.realData})`,
        details: { meanAtM1: at[0], meanAtM2: at[1], difference: iv.estimate, differenceInterval: [iv.lo, iv.hi] },
        range: [0, 2],
      };
    },
  };
}
