import type { SparseCounts } from "./sparseCounts.ts";

/**
 * ||p||_inf = max_i p_i. Source: Sect. 3; total collapse is ||p^(m)||_inf = 1.
 * @example supNorm([0.2, 0.7, 0.1]); // => 0.7
 */
export function supNorm(p: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > m) m = p[i];
  return m;
}

/**
 * ||counts / total||_inf = max_j c_j / total, O(k); exactly 1 iff one token has all the mass.
 * @example supNormOfCounts(sparseFromDense([3, 1])); // => 0.75
 */
export function supNormOfCounts(model: SparseCounts): number {
  let m = 0;
  for (let j = 0; j < model.k; j++) if (model.counts[j] > m) m = model.counts[j];
  return m / model.total;
}
