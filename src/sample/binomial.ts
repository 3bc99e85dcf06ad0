/**
 * Exact Binomial(n, p) variates for every n in [0, 2^31 - 1] and p in [0, 1]: with q = min(p, 1 - p),
 * inversion when n q < INVERSION_MAX_MEAN, BTRD (Hormann 1993) above, then X or n - X by symmetry.
 * Sources: Devroye (1986) Sec. X.4 (inversion); Hormann (1993) Algorithm BTRD.
 * @example binomial(createRng(1), 10, 0.5); // => an integer in [0, 10]
 */
import type { Rng } from "../rng/index.ts";
import { checkIntegerInRange, checkProbability } from "../validate.ts";
import { inversionDraw, inversionSetup, inversionWalk } from "./binomialInversion.ts";
import { btrdDraw, btrdSampler } from "./btrd.ts";

/** Largest n accepted (counts are stored in Int32Array). */
export const BINOMIAL_MAX_N = 2 ** 31 - 1;

/** Below this mean n min(p, 1 - p) inversion is used, BTRD at and above (BTRD needs >= 10). */
export const INVERSION_MAX_MEAN = 10;

/** slots[0]: p of `binomialUnchecked`; slots[1]: min(p, 1 - p) for the branch drawn. */
const slots = new Float64Array(2);

/**
 * One Binomial(n, ps[j]) draw, without validation: the hot-path form. The probability is read
 * from an array and every call below passes arrays and small integers only, so no double is
 * boxed (allocated) per draw whether or not V8 inlines these calls.
 * @example binomialAt(createRng(1), 1e6, Float64Array.of(0.3), 0); // => an integer near 300000
 */
export function binomialAt(rng: Rng, n: number, ps: Float64Array, j: number): number {
  const p = ps[j];
  const flip = p > 0.5;
  const q = flip ? 1 - p : p;
  if (!(q > 0) || n === 0) return flip ? n : 0;
  slots[1] = q;
  const x = n * q < INVERSION_MAX_MEAN ? inversionDraw(rng, n, slots, 1) : btrdDraw(rng, n, slots, 1);
  return flip ? n - x : x;
}

/**
 * One Binomial(n, p) draw, without validation: n an integer in [0, 2^31 - 1], p in [0, 1].
 * @example binomialUnchecked(createRng(1), 1e6, 0.3); // => an integer near 300000
 */
export function binomialUnchecked(rng: Rng, n: number, p: number): number {
  slots[0] = p;
  return binomialAt(rng, n, slots, 0);
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
  let draw: (rng: Rng) => number;
  if (n * q < INVERSION_MAX_MEAN) {
    const c = new Float64Array(2);
    inversionSetup(n, q, c);
    draw = (rng) => inversionWalk(rng, n, c);
  } else {
    draw = btrdSampler(n, q);
  }
  return flip ? (rng) => n - draw(rng) : draw;
}
