import type { DenseReference } from "./reference.ts";
import type { SparseCounts } from "./sparseCounts.ts";

/**
 * ||mu - nu||_1 = sum_i |mu_i - nu_i| (twice the total-variation distance). Source: Sect. 3.
 * @example l1Distance([1, 0], [0.5, 0.5]); // => 1
 */
export function l1Distance(mu: ArrayLike<number>, nu: ArrayLike<number>): number {
  if (mu.length !== nu.length) throw new RangeError(`nu must have the length of mu (${mu.length}), got ${nu.length}`);
  let d = 0;
  for (let i = 0; i < mu.length; i++) d += Math.abs(mu[i] - nu[i]);
  return d;
}

/**
 * ||counts/total - r||_1 in O(k): sum_{j<k} |c_j/total - r_{ids_j}| + (mass of r off the support),
 * the second term from the reference's precomputed mass (clamped at 0 against rounding).
 * @example l1DistanceToReference(sparseFromDense([2, 0]), probabilityReference([0.5, 0.5])); // => 1
 */
export function l1DistanceToReference(model: SparseCounts, ref: DenseReference): number {
  const v = ref.values;
  const scale = ref.scale;
  let d = 0;
  let inside = 0;
  for (let j = 0; j < model.k; j++) {
    const r = v[model.ids[j]];
    inside += r;
    d += Math.abs(model.counts[j] / model.total - r / scale);
  }
  const outside = ref.mass - inside;
  return outside > 0 ? d + outside / scale : d;
}
