/**
 * Confidence intervals with a guaranteed coverage of at least 1 - delta (no normal approximation):
 * each is what a Monte Carlo verdict uses to decide, and what its sample size is derived from.
 */
import { incompleteBeta } from "./incompleteBeta.ts";

/** A two-sided interval [lo, hi] around an estimate. */
export interface Interval {
  estimate: number;
  lo: number;
  hi: number;
}

/**
 * Hoeffding half-width for the mean of R i.i.d. values in a range of width `range`:
 * P(|mean - mu| >= h) <= delta with h = range sqrt(ln(2/delta) / (2R)).
 * @example hoeffdingHalfWidth(1, 20000, 1e-6); // => 0.0190...
 */
export function hoeffdingHalfWidth(range: number, replicates: number, delta: number): number {
  return range * Math.sqrt(Math.log(2 / delta) / (2 * replicates));
}

/**
 * Replicates needed so that Hoeffding's half-width is at most `epsilon`:
 * R = ceil(range^2 ln(2/delta) / (2 epsilon^2)).
 * @example hoeffdingSampleSize(1, 0.01, 1e-6); // => 72544
 */
export function hoeffdingSampleSize(range: number, epsilon: number, delta: number): number {
  return Math.ceil((range * range * Math.log(2 / delta)) / (2 * epsilon * epsilon));
}

/**
 * Empirical Bernstein interval for the mean of values in [a, a + range] (Maurer & Pontil 2009,
 * Theorem 4, applied to both tails with delta/2 each):
 * h = sqrt(2 V ln(4/delta) / R) + 7 range ln(4/delta) / (3 (R - 1)), V the unbiased sample variance.
 * Much narrower than Hoeffding when the variance is small.
 * @example empiricalBernsteinInterval(0.5, 0.01, 1, 10000, 1e-6).hi; // => 0.5 + 0.0087...
 */
export function empiricalBernsteinInterval(mean: number, variance: number, range: number, replicates: number, delta: number): Interval {
  if (replicates < 2) return { estimate: mean, lo: -Infinity, hi: Infinity };
  const l = Math.log(4 / delta);
  const h = Math.sqrt((2 * variance * l) / replicates) + (7 * range * l) / (3 * (replicates - 1));
  return { estimate: mean, lo: mean - h, hi: mean + h };
}

/**
 * Clopper-Pearson exact interval for a binomial proportion k / R at level 1 - delta:
 * lo = Beta^{-1}(delta/2; k, R - k + 1), hi = Beta^{-1}(1 - delta/2; k + 1, R - k).
 * @example clopperPearson(0, 100, 0.05).hi; // => 0.0362...
 */
export function clopperPearson(k: number, replicates: number, delta: number): Interval {
  const est = k / replicates;
  const lo = k === 0 ? 0 : betaQuantile(delta / 2, k, replicates - k + 1);
  const hi = k === replicates ? 1 : betaQuantile(1 - delta / 2, k + 1, replicates - k);
  return { estimate: est, lo, hi };
}

/**
 * Dvoretzky-Kiefer-Wolfowitz (Massart) band: sup_x |F_R(x) - F(x)| <= sqrt(ln(2/delta) / (2R))
 * with probability at least 1 - delta.
 * @example dkwHalfWidth(10000, 1e-6); // => 0.0269...
 */
export function dkwHalfWidth(replicates: number, delta: number): number {
  return Math.sqrt(Math.log(2 / delta) / (2 * replicates));
}

/** The q-quantile of Beta(a, b), by bisection on the regularised incomplete beta function. */
export function betaQuantile(q: number, a: number, b: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200 && hi - lo > 1e-16 * Math.max(lo, 1e-300); i++) {
    const mid = 0.5 * (lo + hi);
    if (incompleteBeta(mid, a, b) < q) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
