/** Table of ln k! for k = 0..n. */
import gammaln from "@stdlib/math-base-special-gammaln";

/**
 * ln k! = lgamma(k + 1) for k = 0..n, as a Float64Array of length n + 1.
 * @example logFactorials(3)[3]; // => 1.791759469228055 (ln 6)
 */
export function logFactorials(n: number): Float64Array {
  const t = new Float64Array(n + 1);
  for (let k = 2; k <= n; k++) t[k] = gammaln(k + 1);
  return t;
}
