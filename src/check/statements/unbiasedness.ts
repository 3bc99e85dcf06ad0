/**
 * unbiasedness: "by definition all the models p^(m) are unbiased, i.e. E p^(m) = p" (Sect. 2.2),
 * in every setting of Eq (5). Monte Carlo, one point per setting: the mean over runs of
 * p_k^(m) for the most probable token k, read through the simulator's observer, against p_k at
 * several m (empirical Bernstein, range [0, 1]). A sampler that sharpens or smooths the model
 * (temperature, add-one smoothing) biases exactly this token.
 */
import type { Setting } from "../../loops/index.ts";
import type { Implementation } from "../implementation.ts";
import { meanAtGenerations } from "../meanAtGenerations.ts";
import { distributionOf, generationsOf } from "../points.ts";
import type { Statement } from "../statement.ts";
import type { Parameters } from "../types.ts";
import { tokenFrequency, topTokens, withTokenFrequencies } from "./tokenFrequencies.ts";

const P = [0.5, 0.3, 0.2];
const M = [1, 3, 10];

/** One point per setting of Eq (5); the first is Fully Synthetic. */
export const UNBIASEDNESS_POINTS: Parameters[] = [
  { setting: "fully-synthetic", p: P, n: 10, m: M },
  { setting: "partially-synthetic", p: P, n: 10, N: 10, m: M },
  { setting: "most-recent", p: P, n: 10, K: 2, m: M },
  { setting: "randomly-sampled", p: P, n: 10, m: M },
  { setting: "accumulate", p: P, n: 10, N: 10, m: M },
];

export function unbiasednessStatement(impl: Implementation): Statement {
  return {
    id: "unbiasedness",
    title: "E p^(m) = p in every setting (Sect. 2.2)",
    where: "Sect. 2.2 (unbiasedness of Eq (5)); spec 4.1 (martingale)",
    kind: "statement",
    expected: "holds",
    method: "monte-carlo",
    description: "mean over runs of p_k^(m) for the most probable token vs p_k, at several m, one point per setting",
    points: UNBIASEDNESS_POINTS,
    measure(point, ctx) {
      const p0 = distributionOf(point);
      const ms = generationsOf(point);
      const [k] = topTokens(p0, 1);
      return meanAtGenerations({
        impl: withTokenFrequencies(impl, [k], p0),
        ctx,
        config: {
          setting: String(point.setting) as Setting,
          p0,
          n: Number(point.n),
          ...(point.N !== undefined ? { N: Number(point.N) } : {}),
          ...(point.K !== undefined ? { K: Number(point.K) } : {}),
        },
        ms,
        pick: (rec, m) => tokenFrequency(rec, m, 0),
        range: 1,
        predicted: () => p0[k],
        epsilon: 0.04,
      });
    },
  };
}
