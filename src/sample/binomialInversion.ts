/**
 * Binomial(n, q) by sequential-search inversion, for 0 < q <= 1/2 and a small mean n q: draw U,
 * then walk k = 0, 1, ... subtracting f(k) = C(n, k) q^k (1 - q)^(n - k) until U < f(k), with
 * f(0) = exp(n log1p(-q)) (accurate for tiny q and huge n) and f(k) = f(k - 1) (a / k - s),
 * s = q / (1 - q), a = (n + 1) s. Expected cost O(1 + n q).
 * Source: Devroye (1986), Non-Uniform Random Variate Generation, Sec. X.4.
 * @example inversionSetup(20, 0.1, c); inversionDraw(createRng(1), 20, c); // => an integer in [0, 20]
 */
import type { Rng } from "../rng/index.ts";

/** Length of the constants array: [f(0), s, a]. */
export const INVERSION_CONSTANTS = 3;

/**
 * If the walk passes this many steps (or n) without stopping, U fell into the rounding gap
 * between 1 and the computed cdf, or into a tail of mass < 1e-200 for every mean the
 * dispatcher sends here (mean < 64): the draw restarts, which is exact given that event.
 */
const MAX_STEPS = 1024;

/** Fills c[0..3) with f(0), s, a for Binomial(n, q). */
export function inversionSetup(n: number, q: number, c: Float64Array): void {
  const s = q / (1 - q);
  c[0] = Math.exp(n * Math.log1p(-q));
  c[1] = s;
  c[2] = (n + 1) * s;
}

/** One draw given the constants of `inversionSetup(n, q, c)`; n >= 1, 0 < q <= 1/2 (unchecked). */
export function inversionDraw(rng: Rng, n: number, c: Float64Array): number {
  const f0 = c[0];
  const s = c[1];
  const a = c[2];
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
