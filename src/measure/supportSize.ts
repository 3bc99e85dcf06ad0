import type { SparseCounts } from "./sparseCounts.ts";

/**
 * |supp(p)| = #{i : p_i > 0}. Source: Sect. 3, s~ := |supp(p)|.
 * @example supportSize([0, 0.3, 0.7, 0]); // => 2
 */
export function supportSize(p: ArrayLike<number>): number {
  let k = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) k++;
  return k;
}

/**
 * Number of live entries with a positive count, O(k).
 * @example supportSizeOfCounts(sparseFromDense([0, 3, 0, 1])); // => 2
 */
export function supportSizeOfCounts(model: SparseCounts): number {
  let k = 0;
  for (let j = 0; j < model.k; j++) if (model.counts[j] > 0) k++;
  return k;
}
