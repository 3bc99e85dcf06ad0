import type { SparseCounts } from "./sparseCounts.ts";

/**
 * sigma = ||p||_2^2 = sum_i p_i^2, the collision probability; 1 exactly at a Dirac mass.
 * Source: Sect. 3, sigma_m := ||p^(m)||_2^2 (S_m = E[sigma_m]).
 * @example sigma([0.5, 0.5]); // => 0.5
 */
export function sigma(p: ArrayLike<number>): number {
  let t = 0;
  for (let i = 0; i < p.length; i++) t += p[i] * p[i];
  return t;
}

/**
 * sigma of counts / total: (sum_j c_j^2) / total^2, O(k). The integer sum is exact while
 * total < 2^26, so a Dirac gives exactly 1.
 * @example sigmaOfCounts(sparseFromDense([3, 1])); // => 0.625
 */
export function sigmaOfCounts(model: SparseCounts): number {
  const c = model.counts;
  let t = 0;
  for (let j = 0; j < model.k; j++) t += c[j] * c[j];
  return t / (model.total * model.total);
}
