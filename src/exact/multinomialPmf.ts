/** Multinomial probabilities as products of conditional binomials, each accurate to a few ulps. */
import { binomialPmf } from "./binomialPmf.ts";

/**
 * P(X = x) for X ~ Multinomial(n, w / sum(w)), where w >= 0 are weights (counts or
 * probabilities, not necessarily normalised) and x sums to n:
 * prod_{i < k-1} Binomial(x_i; n - x_1 - ... - x_{i-1}, w_i / W_i), W_i = w_i + ... + w_k.
 * @example multinomialPmf([1, 1], [1, 1]); // => 0.5 (to rounding)
 */
export function multinomialPmf(x: ArrayLike<number>, w: ArrayLike<number>): number {
  const k = x.length;
  const tail = new Float64Array(k + 1);
  for (let i = k - 1; i >= 0; i--) tail[i] = tail[i + 1] + w[i];
  let n = 0;
  for (let i = 0; i < k; i++) n += x[i];
  return multinomialPmfWithTails(x, 0, w, tail, n);
}

/**
 * Unchecked core of `multinomialPmf`: x read from x[off..off+k-1], `tail[i]` = w_i + ... + w_{k-1}
 * (length k + 1, tail[k] = 0), n = sum of x.
 */
export function multinomialPmfWithTails(
  x: ArrayLike<number>,
  off: number,
  w: ArrayLike<number>,
  tail: Float64Array,
  n: number,
): number {
  const k = tail.length - 1;
  let rest = n;
  let prob = 1;
  for (let i = 0; i < k - 1 && rest > 0; i++) {
    const xi = x[off + i];
    const Wi = tail[i];
    if (Wi === 0) return 0;
    prob *= binomialPmf(xi, rest, w[i] / Wi, tail[i + 1] / Wi);
    if (prob === 0) return 0;
    rest -= xi;
  }
  return prob;
}
