import type { DenseReference } from "./reference.ts";
import type { SparseCounts } from "./sparseCounts.ts";

/**
 * ||mu - nu||_2^2 = sum_i (mu_i - nu_i)^2, the quantity of the paper's second-moment identities
 * (e.g. E||p^(m) - p||_2^2 = S_m - S_0). Source: Sect. 3 and the proofs of Theorems 2-3.
 * @example l2SquaredDistance([1, 0], [0.5, 0.5]); // => 0.5
 */
export function l2SquaredDistance(mu: ArrayLike<number>, nu: ArrayLike<number>): number {
  if (mu.length !== nu.length) throw new RangeError(`nu must have the length of mu (${mu.length}), got ${nu.length}`);
  let d = 0;
  for (let i = 0; i < mu.length; i++) {
    const e = mu[i] - nu[i];
    d += e * e;
  }
  return d;
}

/**
 * ||mu - nu||_2 = sqrt(sum_i (mu_i - nu_i)^2).
 * @example l2Distance([1, 0], [0, 1]); // => 1.4142135623730951
 */
export function l2Distance(mu: ArrayLike<number>, nu: ArrayLike<number>): number {
  return Math.sqrt(l2SquaredDistance(mu, nu));
}

/**
 * ||counts/total - r||_2^2 in O(k): sum_{j<k} (c_j/total - r_{ids_j})^2 + (sum of r_i^2 off the
 * support), the second term from the reference's precomputed sum of squares (clamped at 0).
 * @example l2SquaredDistanceToReference(sparseFromDense([2, 0]), probabilityReference([0.5, 0.5])); // => 0.5
 */
export function l2SquaredDistanceToReference(model: SparseCounts, ref: DenseReference): number {
  const v = ref.values;
  const scale = ref.scale;
  let d = 0;
  let inside = 0;
  for (let j = 0; j < model.k; j++) {
    const r = v[model.ids[j]];
    inside += r * r;
    const e = model.counts[j] / model.total - r / scale;
    d += e * e;
  }
  const outside = ref.sumSquares - inside;
  return outside > 0 ? d + outside / (scale * scale) : d;
}

/**
 * ||counts/total - r||_2 in O(k).
 * @example l2DistanceToReference(sparseFromDense([0, 2]), probabilityReference([1, 0])); // => 1.4142135623730951
 */
export function l2DistanceToReference(model: SparseCounts, ref: DenseReference): number {
  return Math.sqrt(l2SquaredDistanceToReference(model, ref));
}
