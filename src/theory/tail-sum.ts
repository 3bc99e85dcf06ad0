/**
 * Exact evaluation of 1 + sum_{k>=1} min(1, sum_j a_j (1 - 1/n_j)^k), the union-bound estimate
 * of E[T] = sum_{k>=0} P(T > k) used by Eq (8) (tight form) and by the multi-context bounds.
 */

/**
 * 1 + sum_{k>=1} min(1, g(k)) with g(k) = sum_j a_j (1 - 1/n_j)^k, a_j >= 0, n_j >= 1 integers.
 * g decreases in k, so with K = min{k >= 1 : g(k) < 1} (found by doubling then bisection) the sum
 * splits exactly: (K - 1) ones plus sum_j a_j sum_{k>=K} f_j^k = sum_j a_j n_j f_j^K.
 * Unchecked: callers validate. Cost O(c log K) for c terms.
 * @example sumMinOneGeometric([12.4], [20]); // => 1 + sum_{k>=1} min(1, 12.4 * 0.95^k)
 */
export function sumMinOneGeometric(a: readonly number[], n: readonly number[]): number {
  const logF = n.map((nj) => Math.log1p(-1 / nj));
  const g = (k: number): number => {
    let s = 0;
    for (let j = 0; j < a.length; j++) if (a[j] > 0) s += a[j] * Math.exp(k * logF[j]);
    return s;
  };
  let K = 1;
  if (g(1) >= 1) {
    let lo = 1;
    let hi = 2;
    while (g(hi) >= 1) {
      lo = hi;
      hi *= 2;
    }
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (g(mid) >= 1) lo = mid;
      else hi = mid;
    }
    K = hi;
  }
  let tail = 0;
  for (let j = 0; j < a.length; j++) if (a[j] > 0) tail += a[j] * n[j] * Math.exp(K * logF[j]);
  return K + tail;
}
