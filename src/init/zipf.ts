import { checkFinite } from "../validate.ts";
import { accurateSum, checkSupport } from "./withSupport.ts";

/** Unchecked Zipf law: p_i = (i+1)^-a / sum_{j<k} (j+1)^-a for i < k, 0 for k <= i < s. */
export function zipfUnchecked(s: number, k: number, a: number): Float64Array {
  const p = new Float64Array(s);
  for (let i = 0; i < k; i++) p[i] = Math.exp(-a * Math.log(i + 1));
  const z = accurateSum(p, k);
  for (let i = 0; i < k; i++) p[i] /= z;
  return p;
}

/**
 * The Zipf law with exponent a > 0 on the first `support` of s tokens (support defaults to s).
 * Formula: p_i = (i+1)^-a / H_{support,a}, H_{k,a} = sum_{j=1}^{k} j^-a, for i < support; 0 beyond.
 * @example zipf(3, 1); // => Float64Array [6/11, 3/11, 2/11]
 */
export function zipf(s: number, a: number, support?: number): Float64Array {
  const k = checkSupport(s, support);
  checkFinite(a, "a");
  if (!(a > 0)) throw new RangeError(`a must be > 0, got ${a}`);
  return zipfUnchecked(s, k, a);
}
