/**
 * eq11-max-synthetic: Eq (11) certifies n <= 2 pi e^-2 min[s - 2, log(sqrt2 pi N eps/(6 e s))]
 * synthetic samples per generation for E||p^(m) - p^(1)||_1 < eps (Theorem 3). The check takes the
 * largest certified integer n = floor(n_max) at (s, N, eps) where n_max >= 1 and measures the mean
 * L1 drift of Partially Synthetic runs with that n against eps (upper bound; empirical Bernstein,
 * range [0, 2a]). Eq (11) needs N > ~11.9 s/eps for n = 1, so the certified n is tiny and the
 * drift far below eps: the tightness shows how conservative the rule is.
 */
import { maxSyntheticSamples } from "../../theory/index.ts";
import type { Implementation } from "../implementation.ts";
import { distributionOf, PAPER_P } from "../points.ts";
import type { Statement } from "../statement.ts";
import { meanDriftAtMost } from "./thm3DeviationBound.ts";

export function eq11Statement(impl: Implementation): Statement {
  return {
    id: "eq11-max-synthetic",
    title: "Eq (11): n = floor(n_max) synthetic samples keep E||p^(m) - p^(1)||_1 < eps",
    where: "Theorem 3, Eq (11)",
    kind: "statement",
    expected: "holds",
    method: "monte-carlo",
    description: "mean L1 drift of Partially Synthetic runs with n = floor(n_max(s, N, eps)) vs eps (upper bound), at several m",
    points: [
      { ...PAPER_P, N: 10_000_000, eps: 0.1, m: [2, 5, 20] },
      { p: [0.25, 0.25, 0.25, 0.25], N: 100, eps: 0.5, m: [2, 5, 20] },
      { p: [0.3, 0.2, 0.1, 0.1, 0.1, 0.05, 0.05, 0.04, 0.03, 0.03], N: 1_000_000, eps: 0.2, m: [2, 5, 20] },
    ],
    measure(point, ctx) {
      const p0 = distributionOf(point);
      const N = Number(point.N);
      const eps = Number(point.eps);
      const rule = maxSyntheticSamples({ s: p0.length, N, eps });
      if (rule.nMaxInteger < 1) throw new RangeError(`Eq (11) certifies no n >= 1 at s = ${p0.length}, N = ${N}, eps = ${eps} (n_max = ${rule.nMax})`);
      const m = meanDriftAtMost(impl, point, ctx, rule.nMaxInteger, eps);
      return { ...m, evidence: `n = floor(${rule.nMax.toFixed(3)}) = ${rule.nMaxInteger}: ${m.evidence}`, details: { ...m.details, n: rule.nMaxInteger, nMax: rule.nMax } };
    },
  };
}
