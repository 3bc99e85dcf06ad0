import { checkIntegerInRange } from "../validate.ts";
import { checkContextSpace } from "./contextId.ts";
import type { CountTable } from "./types.ts";

/**
 * Counts the (context, next-token) pairs of a token sequence: for every position t >= l, the
 * context (x_{t-l}, ..., x_{t-1}) and the next token x_t. M = length - l pairs in all; only
 * contexts that occur are listed, in increasing id order. Source: the dataset of Sect. 2.1.
 * Cost O(length + c s).
 * @example countPairs([0, 1, 0, 1, 1], 2, 1); // => contexts [0, 1], counts [[0, 2], [1, 1]]
 */
export function countPairs(tokens: ArrayLike<number>, s: number, l: number): CountTable {
  checkContextSpace(s, l);
  const top = l === 0 ? 0 : s ** (l - 1);
  const rows = new Map<number, Float64Array>();
  let id = 0;
  for (let t = 0; t < tokens.length; t++) {
    const tok = checkIntegerInRange(tokens[t], `tokens[${t}]`, 0, s - 1);
    if (t >= l) {
      let row = rows.get(id);
      if (row === undefined) {
        row = new Float64Array(s);
        rows.set(id, row);
      }
      row[tok] += 1;
    }
    if (l > 0) id = (id % top) * s + tok;
  }
  const contexts = [...rows.keys()].sort((a, b) => a - b);
  return { s, contextLength: l, contexts, counts: contexts.map((j) => rows.get(j) as Float64Array) };
}
