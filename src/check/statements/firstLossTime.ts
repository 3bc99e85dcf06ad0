/**
 * first-loss-time: the mean time to the first extinction of any token in Fully Synthetic (spec 4.4,
 * last bullet), L = first m >= 1 with |supp p^(m)| < |supp p|. The exact solver's E[L] (linear
 * solve, src/exact) against the simulator's runs (empirical Bernstein): the two implementations
 * checked against each other. Runs are truncated at a horizon H; the truncated mass
 * E[L] - E[min(L, H)] = sum_{m >= H} P(L > m) is bounded without the exact chain (see
 * `firstLossTailSum`) and widens the interval's upper end.
 */
import { expectedFirstLossTime } from "../../exact/index.ts";
import { formatEvidenceNumber } from "../evidence.ts";
import type { Implementation } from "../implementation.ts";
import { bernsteinSampleSize, meanInterval, standardError } from "../montecarlo.ts";
import { distributionOf, epsilonOf, summaryOf } from "../points.ts";
import { forEachRun } from "../runs.ts";
import type { CheckContext, Statement } from "../statement.ts";
import type { Parameters } from "../types.ts";
import type { RunRecord, SimulationConfig } from "../../loops/index.ts";

/**
 * Upper bound on sum_{m >= H} P(L > m) for the Fully Synthetic chain from p with k = |supp p| >= 2
 * tokens. Multinomial factorial moments give E[prod_{i in supp} p_i^(m)] = prod_i p_i lambda^m with
 * lambda = prod_{j=1}^{k-1} (1 - j/n); on {L > m} all k tokens are present, so the product is at
 * least (n - k + 1)/n^k (Markov):
 *   P(L > m) <= C lambda^m,  C = prod_i p_i n^k / (n - k + 1);  sum_{m >= H} <= sum min(1, C lambda^m).
 * 0 when k > n (a token is lost at m = 1). Source: derived here (spec 4.4, first extinction).
 * @example firstLossTailSum([0.5, 0.5], 2, 10); // => 0.001953125 (tight: there P(L > m) = 2^-m)
 */
export function firstLossTailSum(p: ArrayLike<number>, n: number, H: number): number {
  let k = 0;
  let logProd = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] > 0) {
      k++;
      logProd += Math.log(p[i]);
    }
  }
  if (k < 2) throw new RangeError(`p must have at least 2 tokens in its support (no token can be lost), got ${k}`);
  if (k > n) return 0;
  let logLambda = 0;
  for (let j = 1; j < k; j++) logLambda += Math.log1p(-j / n);
  const logC = logProd + k * Math.log(n) - Math.log(n - k + 1);
  // Terms are capped at 1 up to the m where C lambda^m drops below 1, then geometric.
  const mStar = Math.max(H, Math.ceil(-logC / logLambda));
  const ones = mStar - H;
  return ones + Math.exp(logC + mStar * logLambda) / -Math.expm1(logLambda);
}

/** Smallest H >= 1 with firstLossTailSum(p, n, H) <= tail (the sum decreases in H). */
export function firstLossHorizon(p: ArrayLike<number>, n: number, tail: number): number {
  let hi = 1;
  while (firstLossTailSum(p, n, hi) > tail) hi *= 2;
  let lo = Math.floor(hi / 2);
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (firstLossTailSum(p, n, mid) > tail) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** min(L, H) of one run: the first m <= its last generation with fewer than k tokens, else H. */
export function truncatedFirstLoss(rec: RunRecord, k: number, H: number): number {
  const last = Math.min(rec.generations, H);
  for (let m = 1; m <= last; m++) if (rec.supportSize[m] < k) return m;
  return H;
}

function draw(impl: Implementation, ctx: CheckContext, config: SimulationConfig, k: number, H: number, count: number, first: number): Float64Array {
  const out = new Float64Array(count);
  forEachRun(impl, ctx.seed, config, count, first, (rec, r) => (out[r - first] = truncatedFirstLoss(rec, k, H)));
  return out;
}

const PILOT = 1000;

export function firstLossTimeStatement(impl: Implementation): Statement {
  return {
    id: "first-loss-time",
    title: "First extinction: E[first m with |supp p^(m)| < |supp p|], exact chain = simulator",
    where: "Spec 4.4 (mean time to the first extinction of any token)",
    kind: "extension",
    expected: "holds",
    method: "monte-carlo",
    description: "empirical Bernstein interval of the mean first-loss generation over simulated runs vs E[L] from the exact chain's linear solve",
    points: [{ p: [0.5, 0.3, 0.2], n: 20, epsilon: 1.5 }],
    extendedPoints: [{ p: [0.4, 0.3, 0.2, 0.1], n: 10, epsilon: 0.5 }],
    measure(point: Parameters, ctx) {
      const p0 = distributionOf(point);
      const n = Number(point.n);
      const { support: k } = summaryOf(p0);
      const predicted = expectedFirstLossTime(p0, n);
      const epsilon = ctx.epsilon ?? epsilonOf(point, 0.1 * predicted);
      const H = firstLossHorizon(p0, n, epsilon / 20);
      const tail = firstLossTailSum(p0, n, H);
      const range = Math.max(1, H - 1);
      const config: SimulationConfig = { setting: "fully-synthetic", p0, n, generations: H, stopAtCollapse: true };
      const pilot = draw(impl, ctx, config, k, H, PILOT, 0);
      const v = meanInterval(pilot, range, ctx.delta).variance;
      const R = bernsteinSampleSize(v, range, epsilon / 2 - tail, ctx.delta, 1000, 400_000);
      const main = draw(impl, ctx, config, k, H, R, PILOT);
      const iv = meanInterval(main, range, ctx.delta);
      const hi = iv.hi + tail;
      const diff = iv.estimate - predicted;
      const se = standardError(iv.variance, R);
      return {
        relation: "equals",
        predicted,
        estimate: iv.estimate,
        interval: [iv.lo, hi],
        replicates: R,
        epsilon: hi - iv.lo,
        evidence:
          `mean first loss ${formatEvidenceNumber(iv.estimate)} in [${formatEvidenceNumber(iv.lo)}, ${formatEvidenceNumber(hi)}] vs exact ${formatEvidenceNumber(predicted)}, ` +
          `difference ${formatEvidenceNumber(diff)} = ${(se > 0 ? diff / se : 0).toFixed(1)} standard errors (${R} runs, truncated at ${H}, tail <= ${formatEvidenceNumber(tail)})`,
        details: { horizon: H, tailBound: tail },
      };
    },
  };
}
