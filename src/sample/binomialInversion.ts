/**
 * Binomial(n, q) by sequential-search inversion, for 0 < q <= 1/2 and a small mean n q: draw U,
 * then walk k = 0, 1, ... subtracting f(k) = C(n, k) q^k (1 - q)^(n - k) until U < f(k), with
 * f(0) = exp(n log1p(-q)) (accurate for tiny q and huge n) and f(k) = f(k - 1) (a / k - s),
 * s = q / (1 - q), a = (n + 1) s. Expected cost O(1 + n q).
 * Source: Devroye (1986), Non-Uniform Random Variate Generation, Sec. X.4.
 * @example binomialInversion(createRng(1), 20, 0.1); // => an integer in [0, 20]
 */
import type { Rng } from "../rng/index.ts";

/**
 * If the walk passes this many steps (or n) without stopping, U fell into the rounding gap
 * between 1 and the computed cdf, or into a tail of mass < 1e-200 for every mean the
 * dispatcher sends here (mean < 64): the draw restarts, which is exact given that event.
 */
const MAX_STEPS = 1024;

/** 1 / k for k < MAX_STEPS + 1: a multiplication instead of a division in the walk. */
const RECIPROCAL = (() => {
  const r = new Float64Array(MAX_STEPS + 1);
  for (let k = 1; k <= MAX_STEPS; k++) r[k] = 1 / k;
  return r;
})();

/** One draw; n >= 1, 0 < q <= 1/2 (unchecked). */
export function binomialInversion(rng: Rng, n: number, q: number): number {
  return inversionWalk(rng, n, Math.exp(n * Math.log1p(-q)), q / (1 - q));
}

/**
 * A sampler with f(0) and s computed once.
 * @example binomialInversionSampler(20, 0.1)(createRng(1)); // => an integer in [0, 20]
 */
export function binomialInversionSampler(n: number, q: number): (rng: Rng) => number {
  const f0 = Math.exp(n * Math.log1p(-q));
  const s = q / (1 - q);
  return (rng) => inversionWalk(rng, n, f0, s);
}

function inversionWalk(rng: Rng, n: number, f0: number, s: number): number {
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
