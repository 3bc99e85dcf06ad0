import { checkIntegerAtLeast, checkIntegerInRange } from "../validate.ts";

/** Checks that s^l is a safe integer (so every context id is exact) and returns s^l. */
export function checkContextSpace(s: number, l: number): number {
  checkIntegerAtLeast(s, "s", 1);
  checkIntegerAtLeast(l, "contextLength", 0);
  const c = s ** l;
  if (!Number.isSafeInteger(c)) throw new RangeError(`contextLength must keep s^l <= 2^53 - 1, got s = ${s}, l = ${l}`);
  return c;
}

/**
 * The id of context (j_1, ..., j_l) in base s: sum_i j_i s^(l-i), oldest token most significant.
 * Source: Sect. 2.1 (contexts j in [c], c <= s^l).
 * @example contextId([1, 2], 3); // => 5
 */
export function contextId(tokens: ArrayLike<number>, s: number): number {
  checkContextSpace(s, tokens.length);
  let id = 0;
  for (let i = 0; i < tokens.length; i++) id = id * s + checkIntegerInRange(tokens[i], `tokens[${i}]`, 0, s - 1);
  return id;
}

/**
 * The tokens (j_1, ..., j_l) of a context id: the inverse of contextId.
 * @example contextTokens(5, 3, 2); // => [1, 2]
 */
export function contextTokens(id: number, s: number, l: number): number[] {
  const c = checkContextSpace(s, l);
  checkIntegerInRange(id, "id", 0, c - 1);
  const out = new Array<number>(l);
  for (let i = l - 1; i >= 0; i--) {
    out[i] = id % s;
    id = Math.floor(id / s);
  }
  return out;
}
