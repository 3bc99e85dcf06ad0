/**
 * Monte Carlo estimation with a guaranteed error rate. A study draws a pilot on its own streams,
 * sizes the main sample from the pilot's variance so that the empirical Bernstein half-width is
 * about epsilon / 2 (then any discrepancy larger than epsilon is detected with probability at least
 * 1 - delta), and builds the interval from the main sample only (so the sizing does not bias it).
 */
import { empiricalBernsteinInterval, type Interval } from "./intervals.ts";

/** Mean and unbiased variance (Welford). */
export function meanAndVariance(values: ArrayLike<number>): { mean: number; variance: number } {
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i] - mean;
    mean += d / (i + 1);
    m2 += d * (values[i] - mean);
  }
  return { mean, variance: values.length > 1 ? m2 / (values.length - 1) : 0 };
}

/**
 * Replicates so that the empirical Bernstein half-width with variance V is at most h:
 * sqrt(2 V L / R) + 7 range L / (3 R) <= h with L = ln(4/delta) (solved as a quadratic in 1/sqrt(R)),
 * clamped to [minimum, maximum].
 * @example bernsteinSampleSize(0.01, 1, 0.005, 1e-8); // => about 1.3e5
 */
export function bernsteinSampleSize(variance: number, range: number, h: number, delta: number, minimum = 1000, maximum = 2_000_000): number {
  const L = Math.log(4 / delta);
  // x = 1/sqrt(R): (7 range L / 3) x^2 + sqrt(2 V L) x - h = 0
  const a = (7 * range * L) / 3;
  const b = Math.sqrt(2 * Math.max(variance, 0) * L);
  const x = (-b + Math.sqrt(b * b + 4 * a * h)) / (2 * a);
  const R = Math.ceil(1 / (x * x)) + 1;
  return Math.min(maximum, Math.max(minimum, R));
}

/** Interval for the mean of values known to lie in a range of width `range`. */
export function meanInterval(values: ArrayLike<number>, range: number, delta: number): Interval & { variance: number; replicates: number } {
  const { mean, variance } = meanAndVariance(values);
  const iv = empiricalBernsteinInterval(mean, variance, range, values.length, delta);
  return { ...iv, variance, replicates: values.length };
}

/** Standard error of a mean (for the evidence line: "off by z standard errors"). */
export function standardError(variance: number, replicates: number): number {
  return Math.sqrt(variance / replicates);
}
