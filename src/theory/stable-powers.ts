/**
 * Float64 building blocks shared by the theory files: powers of (1 - 1/n) and of other numbers
 * in (0, 1) written through log1p/expm1 so that neither tiny probabilities nor huge exponents
 * lose digits. `(1 - 1e-30)^1e6` is 1 - 1e-24 here, not 1.
 */

/**
 * log((1 - 1/n)^m) = m log1p(-1/n), with 0 at m = 0 and -Infinity for n = 1, m >= 1.
 * @example logPowOneMinusInverse(2, 3); // => -2.0794415416798357 (= 3 log(1/2))
 */
export function logPowOneMinusInverse(n: number, m: number): number {
  if (m === 0) return 0;
  return m * Math.log1p(-1 / n);
}

/**
 * (1 - 1/n)^m as exp(m log1p(-1/n)); 1 at m = 0, 0 for n = 1 and m >= 1.
 * @example powOneMinusInverse(2, 3); // => 0.125
 */
export function powOneMinusInverse(n: number, m: number): number {
  return Math.exp(logPowOneMinusInverse(n, m));
}

/**
 * 1 - (1 - 1/n)^m as -expm1(m log1p(-1/n)): full relative precision when the power is near 1.
 * @example oneMinusPowOneMinusInverse(1e9, 1); // => 1e-9
 */
export function oneMinusPowOneMinusInverse(n: number, m: number): number {
  return oneMinusExp(logPowOneMinusInverse(n, m));
}

/**
 * 1 - e^x as -expm1(x), returning +0 (not -0) at x = 0.
 * @example oneMinusExp(-1e-20); // => 1e-20
 */
export function oneMinusExp(x: number): number {
  return 0 - Math.expm1(x);
}

/**
 * x^m for x in [0, 1] given log x (so 0^0 = 1 and 0^m = 0 for m > 0).
 * @example powFromLog(Math.log(0.5), 2); // => 0.25
 */
export function powFromLog(logX: number, m: number): number {
  if (m === 0) return 1;
  return Math.exp(m * logX);
}

/**
 * log(sum_i exp(a_i)), robust to overflow; -Infinity for an empty list or all -Infinity.
 * @example logSumExp([0, 0]); // => 0.6931471805599453
 */
export function logSumExp(terms: readonly number[]): number {
  let max = -Infinity;
  for (const t of terms) if (t > max) max = t;
  if (max === -Infinity) return -Infinity;
  if (max === Infinity) return Infinity;
  let sum = 0;
  for (const t of terms) sum += Math.exp(t - max);
  return max + Math.log(sum);
}
