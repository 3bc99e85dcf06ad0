/**
 * Binomial(n, q) by sequential-search inversion, for 0 < q <= 1/2 and a small mean n q: draw U,
 * then walk k = 0, 1, ... subtracting f(k) = C(n, k) q^k (1 - q)^(n - k) until U < f(k), with
 * f(0) = (1 - q)^n (as exp(n log1p(-q)) for large n: accurate for tiny q and huge n) and f(k) = f(k - 1) (a / k - s),
 * s = q / (1 - q), a = (n + 1) s. Expected cost O(1 + n q).
 * Source: Devroye (1986), Non-Uniform Random Variate Generation, Sec. X.4.
 * Parameters travel in Float64Arrays, so that no double is boxed by a call V8 does not inline.
 * @example inversionDraw(createRng(1), 20, Float64Array.of(0.1), 0); // => an integer in [0, 20]
 */
import type { Rng } from "../rng/index.ts";

/**
 * If the walk passes this many steps (or n) without stopping, U fell into the rounding gap
 * between 1 and the computed cdf, or into a tail of mass < 1e-200 for every mean the
 * dispatcher sends here (mean < 64): the draw restarts, which is exact given that event.
 */
const MAX_STEPS = 1024;

/** 1 / k for k <= MAX_STEPS: a multiplication instead of a division in the walk. */
const RECIPROCAL = (() => {
  const r = new Float64Array(MAX_STEPS + 1);
  for (let k = 1; k <= MAX_STEPS; k++) r[k] = 1 / k;
  return r;
})();

/** [f(0), s] of the current `inversionDraw` (read at the start of the walk; not reentrant). */
const walkConstants = new Float64Array(2);

/**
 * Fills c[0] = f(0) = (1 - q)^n, c[1] = s = q / (1 - q). f(0) is exp(n log1p(-q)) for n > 64,
 * and a product by repeated squaring for n <= 64 (relative error < 64 ulp; exp and log1p cost
 * more than the rest of a small draw).
 */
export function inversionSetup(n: number, q: number, c: Float64Array): void {
  if (n <= 64) {
    let base = 1 - q;
    let f0 = 1;
    for (let e = n; e > 0; e >>= 1) {
      if (e & 1) f0 *= base;
      base *= base;
    }
    c[0] = f0;
  } else {
    c[0] = Math.exp(n * Math.log1p(-q));
  }
  c[1] = q / (1 - q);
}

/** One Binomial(n, qs[j]) draw; n >= 1, 0 < qs[j] <= 1/2 (unchecked). */
export function inversionDraw(rng: Rng, n: number, qs: Float64Array, j: number): number {
  inversionSetup(n, qs[j], walkConstants);
  return inversionWalk(rng, n, walkConstants);
}

/** The walk, given c = [f(0), s] from `inversionSetup(n, q, c)`. */
export function inversionWalk(rng: Rng, n: number, c: Float64Array): number {
  const f0 = c[0];
  const s = c[1];
  const a = (n + 1) * s;
  const kMax = n < MAX_STEPS ? n : MAX_STEPS;
  for (;;) {
    let u = rng.uniform();
    let f = f0;
    let k = 0;
    while (u >= f) {
      u -= f;
      if (++k > kMax) break;
      f *= a * RECIPROCAL[k] - s;
    }
    if (k <= kMax) return k;
  }
}
