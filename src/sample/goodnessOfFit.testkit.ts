/**
 * Test support for the sampler tests (not part of the library): chi-square goodness of fit of
 * observed cell counts against exact cell probabilities, with adjacent cells merged left to
 * right until each bin expects at least `minExpected` observations. When fewer than two bins
 * remain (all the mass in one cell, e.g. Binomial(2^31 - 1, 1e-15)), it falls back to an exact
 * two-sided binomial test of the number of draws outside the heaviest cell.
 */
import binomialPmf from "@stdlib/stats-base-dists-binomial-pmf";
import chi2gof from "@stdlib/stats-chi2gof";

export interface FitResult {
  pValue: number;
  statistic: number;
  bins: number;
  method: "chi-square" | "exact-binomial";
}

/**
 * observed[c] and probs[c] over the same cells; `outside` draws fell outside every cell (whose
 * mass is taken as 0, so any such draw rejects).
 */
export function chiSquareFit(
  observed: ArrayLike<number>,
  probs: ArrayLike<number>,
  outside = 0,
  minExpected = 5,
  maxBins = 200,
): FitResult {
  let total = outside;
  for (let c = 0; c < observed.length; c++) total += observed[c];
  if (outside > 0) return { pValue: 0, statistic: Infinity, bins: 0, method: "chi-square" };
  const threshold = Math.max(minExpected, total / maxBins);
  const obsBins: number[] = [];
  const expBins: number[] = [];
  let o = 0;
  let e = 0;
  for (let c = 0; c < observed.length; c++) {
    o += observed[c];
    e += probs[c] * total;
    if (e >= threshold) {
      obsBins.push(o);
      expBins.push(e);
      o = 0;
      e = 0;
    }
  }
  if (expBins.length === 0) {
    obsBins.push(o);
    expBins.push(e);
  } else {
    obsBins[obsBins.length - 1] += o;
    expBins[expBins.length - 1] += e;
  }
  if (expBins.length >= 2) {
    const r = chi2gof(obsBins, expBins).toJSON() as { pValue: number; statistic: number };
    return { pValue: r.pValue, statistic: r.statistic, bins: expBins.length, method: "chi-square" };
  }
  let heaviest = 0;
  for (let c = 1; c < probs.length; c++) if (probs[c] > probs[heaviest]) heaviest = c;
  let rest = 0;
  for (let c = 0; c < probs.length; c++) if (c !== heaviest) rest += probs[c];
  const k = total - observed[heaviest];
  return { pValue: exactBinomialTwoSided(k, total, rest), statistic: k, bins: 1, method: "exact-binomial" };
}

/** Two-sided exact p-value of k successes in N trials of probability pi: 2 min(P(X <= k), P(X >= k)). */
export function exactBinomialTwoSided(k: number, N: number, pi: number): number {
  if (pi <= 0) return k === 0 ? 1 : 0;
  let lower = 0;
  for (let x = 0; x <= k; x++) lower += binomialPmf(x, N, pi);
  let upper = 0;
  for (let x = k; x <= N; x++) {
    const f = binomialPmf(x, N, pi);
    upper += f;
    if (x > N * pi + 10 && f < 1e-20 * upper) break;
  }
  return Math.min(1, 2 * Math.min(lower, upper));
}

/**
 * Draws `draws` values from `draw` and tests them against Binomial(n, p): cells are the integers
 * within 12 standard deviations (+10) of the mean, where the outside mass is below 1e-30.
 */
export function binomialFit(draw: () => number, draws: number, n: number, p: number): FitResult & { lo: number } {
  const mean = n * p;
  const sd = Math.sqrt(n * p * (1 - p));
  const lo = Math.max(0, Math.floor(mean - 12 * sd - 10));
  const hi = Math.min(n, Math.ceil(mean + 12 * sd + 10));
  const observed = new Float64Array(hi - lo + 1);
  let outside = 0;
  for (let t = 0; t < draws; t++) {
    const x = draw();
    if (x >= lo && x <= hi && Number.isInteger(x)) observed[x - lo]++;
    else outside++;
  }
  const probs = new Float64Array(hi - lo + 1);
  for (let x = lo; x <= hi; x++) probs[x - lo] = binomialPmf(x, n, p);
  return { ...chiSquareFit(observed, probs, outside), lo };
}
