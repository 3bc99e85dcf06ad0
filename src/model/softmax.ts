/**
 * The softmax sigma(v)_k = exp(v_k) / sum_i exp(v_i), computed with the maximum subtracted.
 * Source: Eq (1).
 * @example softmax(Float64Array.of(0, Math.log(3))); // => Float64Array [0.25, 0.75]
 */
export function softmax(v: ArrayLike<number>, out: Float64Array = new Float64Array(v.length)): Float64Array {
  let max = -Infinity;
  for (let k = 0; k < v.length; k++) if (v[k] > max) max = v[k];
  let z = 0;
  for (let k = 0; k < v.length; k++) {
    out[k] = Math.exp(v[k] - max);
    z += out[k];
  }
  for (let k = 0; k < v.length; k++) out[k] /= z;
  return out;
}

/** log sum_i exp(v_i), stable. */
export function logSumExp(v: ArrayLike<number>): number {
  let max = -Infinity;
  for (let k = 0; k < v.length; k++) if (v[k] > max) max = v[k];
  if (max === -Infinity) return -Infinity;
  let z = 0;
  for (let k = 0; k < v.length; k++) z += Math.exp(v[k] - max);
  return max + Math.log(z);
}
