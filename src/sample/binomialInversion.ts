/**
 * Binomial(n, q) by sequential-search inversion, for q <= 1/2 and small mean n q: draw U, then
 * walk k = 0, 1, ... subtracting f(k) = C(n, k) q^k (1 - q)^(n - k) until U < f(k). f(0) is
 * exp(n log1p(-q)) (exact for tiny q and huge n); f(k) = f(k - 1) (n + 1 - k) s / k, s = q / (1 - q).
 * Expected cost O(1 + n q). Devroye (1986), Non-Uniform Random Variate Generation, Sec. X.4.
 * @example binomialInversion(createRng(1), 20, 0.1); // => an integer in [0, 20]
 */
import type { Rng } from "../rng/index.ts";

/**
 * If the walk passes this many steps (or n) without stopping, U fell into the rounding gap
 * between 1 and the computed cdf, or into a tail of mass < 1e-200 for every mean the
 * dispatcher sends here (mean < 64): the draw is restarted, which is exact conditional on the
 * (probability ~1e-16) event.
 */
const MAX_STEPS = 1024;

/** One draw; needs 0 < q <= 1/2 and n >= 1 (unchecked). */
export function binomialInversion(rng: Rng, n: number, q: number): number {
  const s = q / (1 - q);
  const a = (n + 1) * s;
  const f0 = Math.exp(n * Math.log1p(-q));
  const kMax = n < MAX_STEPS ? n : MAX_STEPS;
  for (;;) {
    let u = rng.uniform();
    let f = f0;
    let k = 0;
    while (u >= f) {
      u -= f;
      if (++k > kMax) break;
      f *= a / k - s;
    }
    if (k <= kMax) return k;
  }
}
