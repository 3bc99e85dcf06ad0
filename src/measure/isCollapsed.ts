import type { SparseCounts } from "./sparseCounts.ts";
import { supportSize, supportSizeOfCounts } from "./supportSize.ts";

/**
 * Total collapse: p is a Dirac mass delta_i, i.e. exactly one p_i > 0 (for a probability vector
 * this is ||p||_inf = 1 = sigma). Source: Definition 1 and Sect. 3.
 * @example isCollapsed([0, 1, 0]); // => true
 */
export function isCollapsed(p: ArrayLike<number>): boolean {
  return supportSize(p) === 1;
}

/**
 * Total collapse of counts / total: exactly one positive count, O(k).
 * @example isCollapsedCounts(sparseFromDense([0, 5])); // => true
 */
export function isCollapsedCounts(model: SparseCounts): boolean {
  return supportSizeOfCounts(model) === 1;
}
