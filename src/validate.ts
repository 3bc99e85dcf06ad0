/**
 * Parameter checks shared by every public function. Each throws a `TypeError` (wrong kind of
 * value: not a number, not an integer, NaN) or a `RangeError` (right kind, outside the domain)
 * whose message starts with the parameter's name, so the CLI can print it as one line.
 */

/** Tolerance on |sum(p) - 1| for a probability vector. */
export const SUM_TOLERANCE = 1e-12;

/** A finite number; NaN and infinities are rejected. */
export function checkFinite(x: unknown, name: string): number {
  if (typeof x !== "number" || Number.isNaN(x)) throw new TypeError(`${name} must be a number, got ${String(x)}`);
  if (!Number.isFinite(x)) throw new RangeError(`${name} must be finite, got ${x}`);
  return x;
}

/** An integer (a safe one); NaN and fractions are rejected with a TypeError. */
export function checkInteger(x: unknown, name: string): number {
  if (typeof x !== "number" || !Number.isInteger(x)) throw new TypeError(`${name} must be an integer, got ${String(x)}`);
  if (!Number.isSafeInteger(x)) throw new RangeError(`${name} must be a safe integer, got ${x}`);
  return x;
}

/** An integer >= min (min defaults to 1). */
export function checkIntegerAtLeast(x: unknown, name: string, min = 1): number {
  const v = checkInteger(x, name);
  if (v < min) throw new RangeError(`${name} must be an integer >= ${min}, got ${v}`);
  return v;
}

/** An integer in [min, max]. */
export function checkIntegerInRange(x: unknown, name: string, min: number, max: number): number {
  const v = checkInteger(x, name);
  if (v < min || v > max) throw new RangeError(`${name} must be an integer in [${min}, ${max}], got ${v}`);
  return v;
}

/** A probability: a number in [0, 1]. */
export function checkProbability(x: unknown, name: string): number {
  const v = checkFinite(x, name);
  if (v < 0 || v > 1) throw new RangeError(`${name} must lie in [0, 1], got ${v}`);
  return v;
}

/** A number in the open or closed interval given. */
export function checkInInterval(x: unknown, name: string, lo: number, hi: number, open = false): number {
  const v = checkFinite(x, name);
  const ok = open ? v > lo && v < hi : v >= lo && v <= hi;
  if (!ok) throw new RangeError(`${name} must lie in ${open ? "(" : "["}${lo}, ${hi}${open ? ")" : "]"}, got ${v}`);
  return v;
}

/**
 * A probability vector, checked in place: non-empty, entries finite and >= 0, sum within 1e-12 of
 * 1 (Neumaier's compensated sum, so that long vectors such as uniform over 1e5 tokens are not
 * rejected for the rounding of a naive sum). Returns p itself, for callers that only read it at once.
 * @example checkDistributionValues([0.5, 0.5], "p"); // => [0.5, 0.5]
 */
export function checkDistributionValues(p: unknown, name: string): ArrayLike<number> {
  if (!(Array.isArray(p) || ArrayBuffer.isView(p))) throw new TypeError(`${name} must be an array of probabilities`);
  const arr = p as ArrayLike<number>;
  if (arr.length === 0) throw new RangeError(`${name} must have at least one entry`);
  let sum = 0;
  let carry = 0;
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (typeof v !== "number" || Number.isNaN(v)) throw new TypeError(`${name}[${i}] must be a number, got ${String(v)}`);
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`${name}[${i}] must be finite and >= 0, got ${v}`);
    const t = sum + v;
    carry += Math.abs(sum) >= v ? sum - t + v : v - t + sum;
    sum = t;
  }
  sum += carry;
  if (!(Math.abs(sum - 1) <= SUM_TOLERANCE)) {
    throw new RangeError(`${name} must sum to 1 (within ${SUM_TOLERANCE}), sums to ${sum}`);
  }
  return arr;
}

/**
 * A probability vector (as `checkDistributionValues`), returned as a Float64Array copy (the
 * caller's array is never aliased).
 * @example checkDistribution([0.5, 0.5], "p"); // => Float64Array [0.5, 0.5]
 */
export function checkDistribution(p: unknown, name: string): Float64Array {
  return Float64Array.from(checkDistributionValues(p, name));
}

/** One of a fixed set of names. */
export function checkChoice<T extends string>(x: unknown, name: string, choices: readonly T[]): T {
  if (typeof x !== "string" || !(choices as readonly string[]).includes(x)) {
    throw new RangeError(`${name} must be one of ${choices.join(", ")}, got ${String(x)}`);
  }
  return x as T;
}
