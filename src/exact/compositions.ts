/**
 * Compositions of n into k non-negative parts (the count states of the resampling chain), listed
 * in lexicographic order of (x_1, ..., x_k) and ranked in O(k) with a binomial table.
 */

/** The compositions of `n` into `k` parts, flat (`states[j * k + i]` = part i of state j), with ranks. */
export interface CompositionIndex {
  readonly n: number;
  readonly k: number;
  /** C(n + k - 1, k - 1). */
  readonly count: number;
  /** Flat row-major list, `count * k` entries, in lexicographic order. */
  readonly states: Int32Array;
  /** Position of composition `x` (read from `x[offset .. offset + k - 1]`) in `states`. */
  rank(x: ArrayLike<number>, offset?: number): number;
}

/**
 * Number of compositions of n into k non-negative parts: C(n + k - 1, k - 1).
 * Exact while the result is below 2^53 (each partial product is itself a binomial coefficient).
 * @example compositionCount(4, 3); // => 15
 */
export function compositionCount(n: number, k: number): number {
  if (k === 0) return n === 0 ? 1 : 0;
  return binomial(n + k - 1, k - 1);
}

function binomial(a: number, b: number): number {
  if (b < 0 || b > a) return 0;
  const j = Math.min(b, a - b);
  let c = 1;
  for (let i = 1; i <= j; i++) c = (c * (a - j + i)) / i;
  return Math.round(c);
}

/**
 * Lists and ranks the compositions of n into k parts. Rank of x in lexicographic order:
 * sum_{i<k} [C(R_i + k - i, k - i) - C(R_i - x_i + k - i, k - i)], R_i = n - x_1 - ... - x_{i-1}
 * (hockey-stick identity). The caller bounds `count` (the list takes count * k int32 entries).
 * @example createCompositionIndex(2, 2).states; // => Int32Array [0, 2, 1, 1, 2, 0]
 */
export function createCompositionIndex(n: number, k: number): CompositionIndex {
  // table[j * (n + 1) + r] = number of compositions of r into j parts = C(r + j - 1, j - 1)
  const stride = n + 1;
  const table = new Float64Array((k + 1) * stride);
  table[0] = 1;
  for (let j = 1; j <= k; j++) {
    let acc = 0;
    for (let r = 0; r <= n; r++) {
      acc += table[(j - 1) * stride + r];
      table[j * stride + r] = acc;
    }
  }
  const count = table[k * stride + n];
  const states = new Int32Array(count * k);
  if (k > 0 && count > 0) {
    const x = new Int32Array(k);
    x[k - 1] = n;
    for (let j = 0; j < count; j++) {
      states.set(x, j * k);
      nextComposition(x);
    }
  }
  // below(j, R, a) = number of compositions of R into j parts whose first part is < a
  //                = C(R + j - 1, j - 1) - C(R - a + j - 1, j - 1)
  const rank = (x: ArrayLike<number>, offset = 0): number => {
    let r = n;
    let idx = 0;
    for (let i = 0; i < k - 1; i++) {
      const xi = x[offset + i];
      const j = k - i;
      idx += table[j * stride + r] - table[j * stride + r - xi];
      r -= xi;
    }
    return idx;
  };
  return { n, k, count, states, rank };
}

/** Advances x to the next composition in lexicographic order (no-op past the last one). */
function nextComposition(x: Int32Array): void {
  const k = x.length;
  // rightmost i < k - 1 with a positive part after it: raise x_i, put the rest of the tail last
  let tail = x[k - 1];
  let i = k - 2;
  while (i >= 0 && tail === 0) {
    tail += x[i];
    i--;
  }
  if (i < 0) return;
  x[i] += 1;
  for (let t = i + 1; t < k - 1; t++) x[t] = 0;
  x[k - 1] = tail - 1;
}
