/**
 * token-lost-first-generation and token-eventual-loss: the probability that token k is lost in
 * Fully Synthetic (spec 4.5). P(p_k^(1) = 0) = (1 - p_k)^n by Monte Carlo: the chosen tokens read
 * through the simulator's observer at m = 1, Clopper-Pearson per token (Bonferroni). And
 * P(token k eventually lost) = 1 - p_k against 1 - P(absorbed at delta_k) from the exact chain's
 * linear solve (the complement of Proposition 1).
 */
import { absorptionProbabilities } from "../../exact/index.ts";
import { tokenEventualLoss, tokenLostAtFirstGeneration } from "../../theory/index.ts";
import { exactMeasurement } from "../exactMeasurement.ts";
import type { Implementation } from "../implementation.ts";
import { clopperPearson } from "../intervals.ts";
import { distributionOf, epsilonOf, PAPER_P } from "../points.ts";
import { forEachRun } from "../runs.ts";
import { sequentialMeans } from "../sequentialMeans.ts";
import type { Statement } from "../statement.ts";
import type { Parameters } from "../types.ts";
import { tokenFrequency, withTokenFrequencies } from "./tokenFrequencies.ts";
import { worstRowMeasurement, type Row } from "./worstRow.ts";

const WHERE = "Spec 4.5 (probability that token k is lost)";

/** The `tokens` of a point: indices into p with p_k > 0. */
export function tokensOf(point: Parameters, p: ArrayLike<number>): number[] {
  const v = point.tokens;
  if (!Array.isArray(v) || v.length === 0) throw new RangeError(`tokens must be a non-empty list of token indices, got ${String(v)}`);
  for (const k of v) {
    if (!Number.isInteger(k) || k < 0 || k >= p.length || !(p[k] > 0)) throw new RangeError(`tokens must index tokens of supp p, got ${k}`);
  }
  return v;
}

/**
 * Runs R so that, at each predicted probability q, Bernstein's inequality (variance q (1 - q), two
 * tails) gives a half-width at most h = epsilon / 2: sqrt(2 V l / R) + 2 l / (3 R) <= h with
 * l = ln(2 / delta), solved as a quadratic in 1/sqrt(R). The Clopper-Pearson interval uses the
 * exact binomial tails, which Bernstein bounds, so its half-width is about h or less when the
 * prediction is right. Depends on the predictions only, never on the sample.
 * @example proportionSampleSize([0.5], 0.02, 1e-8); // => about 9.8e4
 */
export function proportionSampleSize(qs: readonly number[], epsilon: number, delta: number, maximum = 200_000): number {
  const l = Math.log(2 / delta);
  const h = epsilon / 2;
  const a = (2 * l) / 3;
  const R = qs.map((q) => {
    const b = Math.sqrt(2 * q * (1 - q) * l);
    const x = (-b + Math.sqrt(b * b + 4 * a * h)) / (2 * a);
    return Math.ceil(1 / (x * x));
  });
  return Math.min(maximum, Math.max(1000, ...R));
}

export function tokenLostFirstGenerationStatement(impl: Implementation): Statement {
  return {
    id: "token-lost-first-generation",
    title: "Token loss: P(token k lost at generation 1) = (1 - p_k)^n",
    where: WHERE,
    kind: "extension",
    expected: "holds",
    method: "monte-carlo",
    description: "Clopper-Pearson interval of the fraction of runs with p_k^(1) = 0, per chosen token (Bonferroni), vs (1 - p_k)^n",
    points: [
      // Paper's p: the most probable token, a middle one and the least probable one of the support.
      { ...PAPER_P, n: 10, tokens: [0, 25, 51], epsilon: 0.035 },
      { p: [0.6, 0.3, 0.1], n: 5, tokens: [0, 1, 2], epsilon: 0.04 },
    ],
    measure(point, ctx) {
      const p0 = distributionOf(point);
      const n = Number(point.n);
      const tokens = tokensOf(point, p0);
      const predicted = tokens.map((k) => tokenLostAtFirstGeneration({ n, pk: p0[k] }));
      const deltaEach = ctx.delta / tokens.length;
      const epsilon = ctx.epsilon ?? epsilonOf(point, 0.02);
      if (ctx.sequential) {
        // Anytime-valid: a betting CS per token on the 0/1 "lost" indicators, stopped once decided.
        const sim = withTokenFrequencies(impl, tokens, p0);
        const seq = sequentialMeans({
          relation: "equals",
          predicted,
          support: [0, 1],
          epsilon,
          delta: deltaEach,
          maxReplicates: 200_000,
          draw: (count, first) => {
            const lostAt = tokens.map(() => new Float64Array(count));
            forEachRun(sim, ctx.seed, { setting: "fully-synthetic", p0, n, generations: 1 }, count, first, (rec, r) => {
              tokens.forEach((_, j) => (lostAt[j][r - first] = tokenFrequency(rec, 1, j) === 0 ? 1 : 0));
            });
            return lostAt;
          },
        });
        const seqRows: Row[] = tokens.map((k, j) => ({ label: `token ${k} (p_k = ${p0[k].toPrecision(4)})`, ...seq.rows[j] }));
        return worstRowMeasurement("equals", seqRows, seq.replicates, `sequential betting CS, ${seq.decided ? "decided" : "undecided at the cap"} after ${seq.replicates} runs`);
      }
      const R = proportionSampleSize(predicted, epsilon, deltaEach);
      const lost = tokens.map(() => 0);
      forEachRun(withTokenFrequencies(impl, tokens, p0), ctx.seed, { setting: "fully-synthetic", p0, n, generations: 1 }, R, 0, (rec) => {
        tokens.forEach((_, j) => {
          if (tokenFrequency(rec, 1, j) === 0) lost[j]++;
        });
      });
      const rows: Row[] = tokens.map((k, j) => {
        const ci = clopperPearson(lost[j], R, deltaEach);
        return { label: `token ${k} (p_k = ${p0[k].toPrecision(4)})`, predicted: predicted[j], estimate: ci.estimate, lo: ci.lo, hi: ci.hi };
      });
      return worstRowMeasurement("equals", rows, R, `Clopper-Pearson, ${R} runs`);
    },
  };
}

export function tokenEventualLossStatement(): Statement {
  return {
    id: "token-eventual-loss",
    title: "Token loss: P(token k eventually lost) = 1 - p_k",
    where: `${WHERE}; complement of Proposition 1`,
    kind: "extension",
    expected: "holds",
    method: "exact",
    description: "1 - P(absorbed at delta_k) from the exact chain's linear solve vs 1 - p_k, every token",
    points: [
      { p: [0.5, 0.3, 0.2], n: 12 },
      { p: [0.02, 0.98], n: 60 },
      { p: [0.9, 0.05, 0.05, 0], n: 10 },
      { p: [0.4, 0.3, 0.2, 0.1], n: 8 },
    ],
    measure(point) {
      const p0 = distributionOf(point);
      const exact = absorptionProbabilities(p0, Number(point.n));
      return exactMeasurement(
        "equals",
        Array.from(p0, (pk, k) => ({ label: `token ${k} (p_k = ${pk})`, predicted: tokenEventualLoss({ pk }), exact: 1 - exact[k] })),
      );
    },
  };
}

export function tokenLossProbabilityStatements(impl: Implementation): Statement[] {
  return [tokenLostFirstGenerationStatement(impl), tokenEventualLossStatement()];
}
