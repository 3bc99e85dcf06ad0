import type { SparseCounts } from "./sparseCounts.ts";

/**
 * Shannon entropy in nats, H(p) = -sum_{p_i > 0} p_i ln p_i; 0 exactly at a Dirac mass, ln(s) for
 * the uniform law on s tokens.
 * @example entropy([0.5, 0.5]); // => 0.6931471805599453 (ln 2)
 */
export function entropy(p: ArrayLike<number>): number {
  let h = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) h -= p[i] * Math.log(p[i]);
  return h;
}

/**
 * Entropy (nats) of counts / total, O(k): -sum_j (c_j/total) ln(c_j/total).
 * @example entropyOfCounts(sparseFromDense([1, 1])); // => 0.6931471805599453
 */
export function entropyOfCounts(model: SparseCounts): number {
  let h = 0;
  for (let j = 0; j < model.k; j++) {
    const c = model.counts[j];
    if (c > 0) {
      const q = c / model.total;
      h -= q * Math.log(q);
    }
  }
  return h;
}
