/**
 * The sparse count form of an empirical model p^(m) = counts / n^(m): only the live tokens are
 * stored, so measures and resampling cost O(k), never O(s). Entry j < k says that token ids[j]
 * was seen counts[j] times; the arrays may be longer than k (spare capacity).
 */
export interface SparseCounts {
  /** Token index (in [0, s)) of live entry j. */
  ids: Int32Array;
  /** Count of live entry j; p_{ids[j]} = counts[j] / total. */
  counts: Int32Array;
  /** Number of live entries. */
  k: number;
  /** n^(m) = sum of counts[0..k). */
  total: number;
}

/**
 * The sparse form of a dense count vector (zeros dropped), O(s).
 * @example sparseFromDense([0, 3, 0, 1]); // => { ids: [1, 3], counts: [3, 1], k: 2, total: 4 }
 */
export function sparseFromDense(counts: ArrayLike<number>): SparseCounts {
  let k = 0;
  for (let i = 0; i < counts.length; i++) if (counts[i] > 0) k++;
  const ids = new Int32Array(k);
  const values = new Int32Array(k);
  let total = 0;
  let j = 0;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] > 0) {
      ids[j] = i;
      values[j] = counts[i];
      total += counts[i];
      j++;
    }
  }
  return { ids, counts: values, k, total };
}

/**
 * The dense probability vector counts / total of length s, O(s).
 * @example denseFromSparse(sparseFromDense([0, 3, 0, 1]), 4); // => Float64Array [0, 0.75, 0, 0.25]
 */
export function denseFromSparse(model: SparseCounts, s: number): Float64Array {
  const p = new Float64Array(s);
  for (let j = 0; j < model.k; j++) p[model.ids[j]] += model.counts[j] / model.total;
  return p;
}

/**
 * The dense count vector of length s, O(s).
 * @example denseCountsFromSparse(sparseFromDense([0, 3, 0, 1]), 4); // => Int32Array [0, 3, 0, 1]
 */
export function denseCountsFromSparse(model: SparseCounts, s: number): Int32Array {
  const c = new Int32Array(s);
  for (let j = 0; j < model.k; j++) c[model.ids[j]] += model.counts[j];
  return c;
}
