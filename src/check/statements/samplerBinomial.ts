/**
 * sampler-binomial-mean: the binomial sampler every chain is built on has mean n p. This is the
 * check that catches a sampler biased by as little as 1%: the scaled draws X/n lie in [0, 1], and
 * the empirical Bernstein interval of their mean is sized to detect a relative bias of 0.5% of p.
 * (The full chi-square exactness tests of every regime live in src/sample/*.test.ts.)
 */
import { rngStreams } from "../../rng/index.ts";
import { formatEvidenceNumber } from "../evidence.ts";
import type { Implementation } from "../implementation.ts";
import { bernsteinSampleSize, meanInterval } from "../montecarlo.ts";
import type { Statement } from "../statement.ts";

export function samplerBinomialStatement(impl: Implementation): Statement {
  return {
    id: "sampler-binomial-mean",
    title: "Binomial sampler: E[X] = n p",
    where: "Sect. 2.2 (p^(m) | p^(m-1) ~ Mult(n, p^(m-1)) / n)",
    kind: "statement",
    expected: "holds",
    method: "monte-carlo",
    description: "mean of X/n over independent draws X ~ Bin(n, p) vs p, inversion and BTRD regimes",
    points: [
      { n: 20, p: 0.3 },
      { n: 1000, p: 0.3 },
      { n: 1_000_000, p: 0.001 },
    ],
    measure(point, ctx) {
      const n = Number(point.n);
      const p = Number(point.p);
      const variance = (p * (1 - p)) / n;
      const R = bernsteinSampleSize(variance, 1, (ctx.epsilon ?? 0.005) * p / 2, ctx.delta, 10_000, 4_000_000);
      const [rng] = rngStreams(ctx.seed, 1);
      const x = new Float64Array(R);
      for (let i = 0; i < R; i++) x[i] = impl.binomial(rng, n, p) / n;
      const iv = meanInterval(x, 1, ctx.delta);
      const z = (iv.estimate - p) / Math.sqrt(iv.variance / R);
      return {
        relation: "equals",
        predicted: p,
        estimate: iv.estimate,
        interval: [iv.lo, iv.hi],
        replicates: R,
        epsilon: iv.hi - iv.lo,
        evidence: `mean of X/n ${formatEvidenceNumber(iv.estimate)} vs p = ${formatEvidenceNumber(p)}, ${z.toFixed(1)} standard errors (${R} draws)`,
      };
    },
  };
}
