/**
 * The paper's measures for a network, per context: ||p^(m) - p^(1)||_1 and ||p^(m) - p^(0)||_1
 * (Sect. 3, Figure 5), sigma_m = ||p^(m)||_2^2, entropy (nats) and support (probabilities above a
 * threshold: a softmax is never exactly 0), and the comparison with Theorem 1's
 * S_m = 1 - (1 - 1/n)^m (1 - S_0) (Eq (6)).
 */
import { entropy, l1Distance, sigma } from "../measure/index.ts";

/** Per-context values at one generation (arrays over the contexts, in context order). */
export interface ContextMeasures {
  l1FromFirst: number[] | null;
  l1FromGroundTruth: number[];
  sigma: number[];
  entropy: number[];
  support: number[];
}

/**
 * Measures of the distributions `p` (one per context) against p^(0) (`ground`) and p^(1) (`first`, null at m = 0).
 * @example contextMeasures([[0.5, 0.5]], [[1, 0]], null, 1e-6).l1FromGroundTruth; // => [1]
 */
export function contextMeasures(
  p: ArrayLike<number>[],
  ground: ArrayLike<number>[],
  first: ArrayLike<number>[] | null,
  supportThreshold: number,
): ContextMeasures {
  return {
    l1FromFirst: first === null ? null : p.map((q, i) => l1Distance(q, first[i])),
    l1FromGroundTruth: p.map((q, i) => l1Distance(q, ground[i])),
    sigma: p.map((q) => sigma(q)),
    entropy: p.map((q) => entropy(q)),
    support: p.map((q) => {
      let k = 0;
      for (let i = 0; i < q.length; i++) if (q[i] > supportThreshold) k++;
      return k;
    }),
  };
}

/**
 * Theorem 1's S_m with a per-generation sample count: S_m = 1 - (1 - S_0) prod_{t=1}^m (1 - 1/n_t),
 * the solution of S_t = 1/n_t + (1 - 1/n_t) S_{t-1} (proof of Thm 1, App. B.2); with n_t = n for
 * all t it is Eq (6). A generation with n_t = 0 (no sample of the context) leaves S unchanged.
 * @example theorem1S(0.5, [2, 2]); // => 0.875
 */
export function theorem1S(s0: number, counts: readonly number[]): number {
  let log = Math.log1p(-s0);
  for (const n of counts) {
    if (n === 1) return 1;
    if (n > 1) log += Math.log1p(-1 / n);
  }
  return -Math.expm1(log);
}

/**
 * The constant n for which Eq (6) gives the observed sigma_m: n = 1 / (1 - ((1 - sigma_m)/(1 - S_0))^(1/m)),
 * or null when sigma_m <= S_0 (the network did not concentrate: no finite n fits) or m = 0.
 * @example impliedSampleCount(0.5, 0.875, 2); // => 2
 */
export function impliedSampleCount(s0: number, sigmaM: number, m: number): number | null {
  if (m < 1 || !(sigmaM > s0) || s0 >= 1) return null;
  if (sigmaM >= 1) return 1;
  const ratio = Math.exp(Math.log1p(-sigmaM) / m - Math.log1p(-s0) / m);
  return 1 / -Math.expm1(Math.log(ratio));
}

/**
 * Occurrences, in `documents`, of each context's last k tokens followed by a next token: the
 * sample count n of the statistical model whose contexts are the last k tokens (s^k contexts).
 * O(total tokens + contexts).
 * @example suffixCounts([Int32Array.from([1, 2, 1, 2, 3])], [Int32Array.from([0, 1, 2])], 2, 4); // => [2]
 */
export function suffixCounts(documents: Int32Array[], contexts: Int32Array[], k: number, vocabSize: number): number[] {
  const counts = new Map<number, number>();
  for (const doc of documents) {
    for (let end = k - 1; end < doc.length - 1; end++) {
      let key = 0;
      for (let j = end - k + 1; j <= end; j++) key = key * vocabSize + doc[j];
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return contexts.map((ctx) => {
    let key = 0;
    for (let j = ctx.length - k; j < ctx.length; j++) key = key * vocabSize + ctx[j];
    return counts.get(key) ?? 0;
  });
}

/** Mean of an array (NaN for an empty one). */
export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}
