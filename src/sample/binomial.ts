/**
 * Exact Binomial(n, p) variates for every n in [0, 2^31 - 1] and p in [0, 1]: with q = min(p, 1 - p),
 * inversion when n q < INVERSION_MAX_MEAN, BTRD (Hormann 1993) above, then X or n - X by symmetry.
 * Sources: Devroye (1986) Sec. X.4 (inversion); Hormann (1993) Algorithm BTRD.
 * @example binomial(createRng(1), 10, 0.5); // => an integer in [0, 10]
 */
import type { Rng } from "../rng/index.ts";
import { checkIntegerInRange, checkProbability } from "../validate.ts";
import { binomialInversion, binomialInversionSampler } from "./binomialInversion.ts";
import { btrd, btrdSampler } from "./btrd.ts";

/** Largest n accepted (counts are stored in Int32Array). */
export const BINOMIAL_MAX_N = 2 ** 31 - 1;

/** Below this mean n min(p, 1 - p) inversion is used, BTRD at and above (BTRD needs >= 10). */
export const INVERSION_MAX_MEAN = 10;

/**
 * One Binomial(n, p) draw, without validation: n an integer in [0, 2^31 - 1], p in [0, 1].
 * @example binomialUnchecked(createRng(1), 1e6, 0.3); // => an integer near 300000
 */
export function binomialUnchecked(rng: Rng, n: number, p: number): number {
  const flip = p > 0.5;
  const q = flip ? 1 - p : p;
  if (!(q > 0) || n === 0) return flip ? n : 0;
  const x = n * q < INVERSION_MAX_MEAN ? binomialInversion(rng, n, q) : btrd(rng, n, q);
  return flip ? n - x : x;
}

/**
 * One Binomial(n, p) draw; n must be an integer in [0, 2^31 - 1], p a number in [0, 1].
 * @example binomial(createRng(7), 0, 0.5); // => 0
 */
export function binomial(rng: Rng, n: number, p: number): number {
  checkIntegerInRange(n, "n", 0, BINOMIAL_MAX_N);
  checkProbability(p, "p");
  return binomialUnchecked(rng, n, p);
}

/**
 * A Binomial(n, p) sampler: validates once and precomputes the branch and its constants.
 * @example const draw = binomialSampler(100, 0.2); draw(createRng(1)); // => an integer near 20
 */
export function binomialSampler(n: number, p: number): (rng: Rng) => number {
  checkIntegerInRange(n, "n", 0, BINOMIAL_MAX_N);
  checkProbability(p, "p");
  if (n === 0 || p === 0) return () => 0;
  if (p === 1) return () => n;
  const flip = p > 0.5;
  const q = flip ? 1 - p : p;
  const draw = n * q < INVERSION_MAX_MEAN ? binomialInversionSampler(n, q) : btrdSampler(n, q);
  return flip ? (rng) => n - draw(rng) : draw;
}
