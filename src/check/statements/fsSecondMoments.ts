/**
 * fs-second-moments: the exact second moments of the Fully Synthetic chain (spec 4.2):
 * E||p^(m) - p^(0)||_2^2 = S_m - S_0 = (1 - S_0)(1 - (1 - 1/n)^m), and, for one pair of tokens
 * i != j, E[p_i^(m) p_j^(m)] = (1 - 1/n)^m p_i p_j (so Cov(p_i^(m), p_j^(m)) = -(1 - (1 - 1/n)^m) p_i p_j,
 * given E p^(m) = p). Monte Carlo on the squared distance each run records, and on the product of
 * the two most probable tokens read through the simulator's observer.
 */
import { fsExpectedSquaredDistanceFromStart, fsSecondMomentMatrix } from "../../theory/index.ts";
import type { Implementation } from "../implementation.ts";
import { meanAtGenerations } from "../meanAtGenerations.ts";
import { PAPER_P, distributionOf, generationsOf, readPoint } from "../points.ts";
import type { Statement } from "../statement.ts";
import { tokenFrequency, topTokens, withTokenFrequencies } from "./tokenFrequencies.ts";

const WHERE = "Spec 4.2 (second moments of the Fully Synthetic chain; Eq (6) restated)";

export function fsSecondMomentsStatement(impl: Implementation): Statement {
  return {
    id: "fs-second-moments",
    title: "Fully Synthetic: E||p^(m) - p^(0)||_2^2 = S_m - S_0 = (1 - S_0)(1 - (1 - 1/n)^m)",
    where: WHERE,
    kind: "extension",
    expected: "holds",
    method: "monte-carlo",
    description: "mean over runs of ||p^(m) - p^(0)||_2^2 (range [0, 2]) vs (1 - S_0)(1 - (1 - 1/n)^m), at several m",
    points: [
      { ...PAPER_P, n: 10, m: [1, 2, 5, 10] },
      { p: [0.5, 0.3, 0.2], n: 20, m: [1, 5, 20, 50] },
    ],
    measure(point, ctx) {
      const { p0, S0, n, ms } = readPoint(point);
      return meanAtGenerations({
        impl,
        ctx,
        config: { setting: "fully-synthetic", p0, n },
        ms,
        pick: (rec, m) => rec.l2SquaredToP0[m],
        range: 2,
        predicted: (m) => fsExpectedSquaredDistanceFromStart({ n, S0, m }),
        epsilon: 0.05,
      });
    },
  };
}

export function fsCovarianceStatement(impl: Implementation): Statement {
  return {
    id: "fs-covariance",
    title: "Fully Synthetic: E[p_i^(m) p_j^(m)] = (1 - 1/n)^m p_i p_j (i != j), i.e. Cov = -(1 - (1 - 1/n)^m) p_i p_j",
    where: WHERE,
    kind: "extension",
    expected: "holds",
    method: "monte-carlo",
    description: "mean over runs of p_i^(m) p_j^(m) for the two most probable tokens (range [0, 1/4]) vs (1 - 1/n)^m p_i p_j",
    points: [
      { ...PAPER_P, n: 10, m: [1, 2, 5] },
      { p: [0.5, 0.3, 0.2], n: 20, m: [1, 5, 20] },
    ],
    measure(point, ctx) {
      const p0 = distributionOf(point);
      const n = Number(point.n);
      const ms = generationsOf(point);
      const [i, j] = topTokens(p0, 2);
      const pair = [p0[i], p0[j], Math.max(0, 1 - p0[i] - p0[j])];
      return meanAtGenerations({
        impl: withTokenFrequencies(impl, [i, j], p0),
        ctx,
        config: { setting: "fully-synthetic", p0, n },
        ms,
        pick: (rec, m) => tokenFrequency(rec, m, 0) * tokenFrequency(rec, m, 1),
        range: 0.25,
        predicted: (m) => fsSecondMomentMatrix({ n, p: pair, m })[0][1],
        epsilon: 0.008,
      });
    },
  };
}
