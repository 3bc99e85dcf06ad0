/**
 * P(X = x) for the counts X of a uniformly random subset of n = sum x of a population with K_i
 * items of kind i (sampling without replacement; N = sum K):
 * prod_i C(K_i, x_i) / C(N, n), 0 when some x_i > K_i. By log factorials (lgamma, ~1 ulp each),
 * so the relative error is about (2 k + 2) ulp times the size of the logarithms (< 1e-12 for N <= 1e4).
 * Source: e.g. Johnson, Kotz & Balakrishnan (1997), Discrete Multivariate Distributions, Ch. 39.
 * @example multivariateHypergeometricPmf([1, 1], [2, 2]); // => 2/3 (C(2,1) C(2,1) / C(4,2))
 */
import { logFactorials } from "./logFactorials.ts";

export function multivariateHypergeometricPmf(x: ArrayLike<number>, K: ArrayLike<number>, logFact?: Float64Array): number {
  if (x.length !== K.length) throw new RangeError(`x and K must have the same length, got ${x.length} and ${K.length}`);
  let N = 0;
  let n = 0;
  for (let i = 0; i < K.length; i++) {
    if (!(Number.isInteger(K[i]) && K[i] >= 0)) throw new RangeError(`K[${i}] must be a non-negative integer, got ${K[i]}`);
    if (!(Number.isInteger(x[i]) && x[i] >= 0)) throw new RangeError(`x[${i}] must be a non-negative integer, got ${x[i]}`);
    N += K[i];
    n += x[i];
  }
  if (n > N) throw new RangeError(`sum x = ${n} exceeds the population size ${N}`);
  for (let i = 0; i < K.length; i++) if (x[i] > K[i]) return 0;
  const lf = logFact !== undefined && logFact.length > N ? logFact : logFactorials(N);
  // log C(N, n) subtracted from sum_i log C(K_i, x_i)
  let log = -(lf[N] - lf[n] - lf[N - n]);
  for (let i = 0; i < K.length; i++) log += lf[K[i]] - lf[x[i]] - lf[K[i] - x[i]];
  return Math.exp(log);
}
