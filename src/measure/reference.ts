import type { SparseCounts } from "./sparseCounts.ts";

/**
 * A dense reference law r = values / scale (p^(0), or p^(1) as integer counts), with its mass
 * and squared norm precomputed once so that distances from a sparse model cost O(k), not O(s):
 * the mass of r outside the model's support is (mass - sum_{i in supp} values_i) / scale.
 * With integer counts as values every such sum is exact (below 2^53).
 */
export interface DenseReference {
  /** Dense, length s: probabilities (scale 1) or counts (scale = their total). */
  values: ArrayLike<number>;
  scale: number;
  /** sum_i values_i. */
  mass: number;
  /** sum_i values_i^2. */
  sumSquares: number;
}

/**
 * A reference from a dense probability vector, O(s) once.
 * @example probabilityReference([0.5, 0.5]); // => { values, scale: 1, mass: 1, sumSquares: 0.5 }
 */
export function probabilityReference(p: ArrayLike<number>): DenseReference {
  let mass = 0;
  let sumSquares = 0;
  for (let i = 0; i < p.length; i++) {
    mass += p[i];
    sumSquares += p[i] * p[i];
  }
  return { values: p, scale: 1, mass, sumSquares };
}

/**
 * A reference from a sparse count model over a vocabulary of size s, exact in integers; O(s) once.
 * @example countReference(sparseFromDense([3, 1]), 2); // => { values: [3, 1], scale: 4, mass: 4, sumSquares: 10 }
 */
export function countReference(model: SparseCounts, s: number): DenseReference {
  const values = new Float64Array(s);
  let sumSquares = 0;
  for (let j = 0; j < model.k; j++) {
    values[model.ids[j]] = model.counts[j];
    sumSquares += model.counts[j] * model.counts[j];
  }
  return { values, scale: model.total, mass: model.total, sumSquares };
}
