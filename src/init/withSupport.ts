import { checkIntegerAtLeast } from "../validate.ts";

/**
 * Places a distribution q over `support` tokens on the first q.length tokens of a vocabulary of
 * size s, the remaining s - support tokens getting probability 0 (the paper's s~ = |supp(p)|).
 * Formula: p_i = q_i for i < support, p_i = 0 for support <= i < s. Source: Sect. 3, s~.
 * @example withSupport([0.5, 0.5], 4); // => Float64Array [0.5, 0.5, 0, 0]
 */
export function withSupport(q: ArrayLike<number>, s: number): Float64Array {
  checkIntegerAtLeast(s, "s", 1);
  if (q.length > s) throw new RangeError(`support must be <= s (${s}), got ${q.length}`);
  const p = new Float64Array(s);
  for (let i = 0; i < q.length; i++) p[i] = q[i];
  return p;
}

/** Validates (s, support?) and returns the support size: an integer in [1, s], defaulting to s. */
export function checkSupport(s: number, support: number | undefined): number {
  checkIntegerAtLeast(s, "s", 1);
  if (support === undefined) return s;
  checkIntegerAtLeast(support, "support", 1);
  if (support > s) throw new RangeError(`support must be <= s (${s}), got ${support}`);
  return support;
}

/** Neumaier-compensated sum of x[0..length) (error O(eps), not O(length * eps)). */
export function accurateSum(x: ArrayLike<number>, length = x.length): number {
  let sum = 0;
  let c = 0;
  for (let i = 0; i < length; i++) {
    const v = x[i];
    const t = sum + v;
    c += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + c;
}
