/** Size limits of the exact solvers, and their checks (RangeErrors naming n). */
import { compositionCount } from "./compositions.ts";

/**
 * Largest dimension of one dense matrix (dim^2 doubles: 3000 -> 72 MB, LU about 1e10 flops).
 * The Fully Synthetic solvers lump states by token symmetry, so this allows s = 2 up to
 * n = 3000, s = 3 up to n = 110, s = 4 up to n = 40; the Partially Synthetic chain (not
 * symmetric) has C(n + s - 1, s - 1) states: s = 3 up to n = 76.
 */
export const MAX_EXACT_STATES = 3000;

/** Largest number of compositions of n into s parts the solvers enumerate (they take s int32 each). */
export const MAX_COMPOSITIONS = 300_000;

/** Largest (dense dimension) x (compositions) product: the transition probabilities evaluated to build a matrix. */
export const MAX_BUILD_PAIRS = 4e7;

/**
 * Throws a RangeError naming `name` when compositions of n into k parts outnumber `limit`.
 * @example checkStateSpace(60, 3, "n"); // => 1891
 */
export function checkStateSpace(n: number, k: number, name: string, limit = MAX_EXACT_STATES): number {
  const size = compositionCount(n, k);
  if (size > limit) {
    throw new RangeError(
      `${name}: the exact chain has ${size} states (compositions of n = ${n} into ${k} parts), more than the limit ${limit}`,
    );
  }
  return size;
}

/**
 * Number of partitions of m into exactly j positive parts, P(m, j) = P(m - 1, j - 1) + P(m - j, j).
 * @example partitionCount(5, 2); // => 2 (4+1, 3+2)
 */
export function partitionCount(m: number, j: number): number {
  if (j === 0) return m === 0 ? 1 : 0;
  if (m < j) return 0;
  const t = partitionTable(m, j);
  return t[j * (m + 1) + m];
}

function partitionTable(m: number, j: number): Float64Array {
  const stride = m + 1;
  const t = new Float64Array((j + 1) * stride);
  t[0] = 1;
  for (let b = 1; b <= j; b++) {
    for (let a = b; a <= m; a++) t[b * stride + a] = t[(b - 1) * stride + a - 1] + t[b * stride + a - b];
  }
  return t;
}

/**
 * Largest dense dimension the Fully Synthetic solvers need for sample size n and support k:
 * max over levels j = 2..k of sum_{y1} P(n - y1, j - 1) (token 1 apart, the rest sorted), and the
 * sum_{j=2..k} P(n, j) transient partitions propagated for the law of T.
 * @example fullySyntheticDenseSize(60, 3); // => 870
 */
export function fullySyntheticDenseSize(n: number, k: number): number {
  const top = Math.min(k, n);
  if (top < 2) return 0;
  const t = partitionTable(n, top);
  const stride = n + 1;
  let largest = 0;
  let law = 0;
  for (let j = 2; j <= top; j++) {
    let level = 0;
    for (let y1 = 1; y1 <= n - j + 1; y1++) level += t[(j - 1) * stride + n - y1];
    largest = Math.max(largest, level);
    law += t[j * stride + n];
  }
  return Math.max(largest, law);
}

/**
 * Throws a RangeError naming n when the Fully Synthetic solvers would enumerate more than
 * MAX_COMPOSITIONS compositions, build a dense matrix larger than `limit`, or evaluate more than
 * MAX_BUILD_PAIRS transition probabilities for one matrix.
 * @example checkFullySyntheticSize(2000, 2); // => 1999
 */
export function checkFullySyntheticSize(n: number, k: number, limit = MAX_EXACT_STATES): number {
  const compositions = checkStateSpace(n, k, "n", MAX_COMPOSITIONS);
  const size = fullySyntheticDenseSize(n, k);
  if (size > limit || size * compositions > MAX_BUILD_PAIRS) {
    throw new RangeError(
      `n: the exact chain for n = ${n} and ${k} tokens needs a dense system of ${size} lumped states over ${compositions} compositions (limits ${limit} states, ${MAX_BUILD_PAIRS.toExponential(0)} pairs)`,
    );
  }
  return size;
}
