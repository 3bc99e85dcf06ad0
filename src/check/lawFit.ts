/**
 * Goodness of fit of a sampler's draws to an exact law, with a stated false-alarm rate and no
 * asymptotic approximation: observed counts over a list of cells against the exact cell
 * probabilities. Four kinds of test, each a `FitTest` that rejects when its score exceeds 1:
 * - `cdfTest` (ordered cells): sup_x |F_R(x) - F(x)| <= sqrt(ln(2/delta) / (2R)) (DKW with
 *   Massart's constant; valid for discrete laws);
 * - `cellTests`: each bin of adjacent cells (merged until it expects `minExpected` draws) by an
 *   exact binomial test (the Clopper-Pearson interval of its count, Bonferroni over the bins);
 *   cells of probability 0 form one bin that must stay empty;
 * - `l1Test`: ||p_R - p||_1 over at most `maxBins` coarser bins, P(||p_R - p||_1 >= eps) <=
 *   (2^B - 2) exp(-R eps^2 / 2) (Weissman et al. 2003, the inequality of Lemma 1);
 * - `momentTest`: E[g(X)] for a bounded g (e.g. the clipped squared z-score, for the variance),
 *   empirical Bernstein interval against sum_x g(x) P(X = x).
 * `fitMeasurement` reports the test with the largest score (a rejecting one if any).
 * @example cdfTest("X", [0.5, 0.5], [5000, 5000], 1e-6).score; // => 0 (the draws fit exactly)
 */
import { formatEvidenceNumber } from "./evidence.ts";
import { incompleteBeta } from "./incompleteBeta.ts";
import { clopperPearson, dkwHalfWidth, empiricalBernsteinInterval } from "./intervals.ts";
import type { Measurement } from "./types.ts";

/** One test of a fit: the quantity compared, its exact value, estimate and interval (coverage >= 1 - delta). */
export interface FitTest {
  label: string;
  predicted: number;
  estimate: number;
  interval: [number, number];
  /** |estimate - predicted| in units of what the test allows: it rejects above 1. */
  score: number;
  /** Smallest discrepancy of the compared quantity the test detects with probability >= 1 - delta. */
  epsilon: number;
}

function total(counts: ArrayLike<number>): number {
  let R = 0;
  for (let i = 0; i < counts.length; i++) R += counts[i];
  return R;
}

/**
 * DKW test of the cdf over ordered cells: estimate sup_x |F_R(x) - F(x)| (predicted 0).
 * @example cdfTest("X", [0.5, 0.5], [6000, 4000], 1e-6).score; // => 0.1 / 0.0269 > 1 (rejects)
 */
export function cdfTest(label: string, pmf: ArrayLike<number>, counts: ArrayLike<number>, delta: number): FitTest {
  const R = total(counts);
  let F = 0;
  let Fr = 0;
  let sup = 0;
  for (let i = 0; i < pmf.length; i++) {
    F += pmf[i];
    Fr += counts[i] / R;
    sup = Math.max(sup, Math.abs(Fr - Math.min(F, 1)));
  }
  const h = dkwHalfWidth(R, delta);
  return {
    label: `${label}: sup |F_R - F| (DKW)`,
    predicted: 0,
    estimate: sup,
    interval: [Math.max(0, sup - h), Math.min(1, sup + h)],
    score: sup / h,
    epsilon: 2 * h,
  };
}

/** Bins of adjacent positive-probability cells: bin[i] for cell i (-1 for cells of probability 0). */
function binsOf(pmf: ArrayLike<number>, minMass: number): { bin: Int32Array; count: number } {
  const bin = new Int32Array(pmf.length).fill(-1);
  let b = 0;
  let mass = 0;
  let last = -1;
  for (let i = 0; i < pmf.length; i++) {
    if (!(pmf[i] > 0)) continue;
    bin[i] = b;
    last = i;
    mass += pmf[i];
    if (mass >= minMass) {
      b++;
      mass = 0;
    }
  }
  // A last partial bin joins the one before it.
  if (mass > 0 && b > 0) for (let i = last; i >= 0; i--) if (bin[i] === b) bin[i] = b - 1;
  return { bin, count: mass > 0 && b === 0 ? 1 : b };
}

function binned(pmf: ArrayLike<number>, counts: ArrayLike<number>, minMass: number) {
  const { bin, count } = binsOf(pmf, minMass);
  const p = new Float64Array(count);
  const k = new Float64Array(count);
  const first = new Int32Array(count).fill(-1);
  const lastCell = new Int32Array(count);
  let impossible = 0;
  for (let i = 0; i < pmf.length; i++) {
    const b = bin[i];
    if (b < 0) {
      impossible += counts[i];
      continue;
    }
    p[b] += pmf[i];
    k[b] += counts[i];
    if (first[b] < 0) first[b] = i;
    lastCell[b] = i;
  }
  return { p, k, first, lastCell, impossible };
}

/** Tail probability of the observed count k of R draws at cell probability p, on the side of k. */
function tailProbability(k: number, R: number, p: number): number {
  if (p >= 1) return k === R ? 1 : 0;
  if (k >= R * p) return k === 0 ? 1 : incompleteBeta(p, k, R - k + 1); // P(X >= k)
  return incompleteBeta(1 - p, R - k, k + 1); // P(X <= k)
}

/**
 * Exact binomial tests of every bin (adjacent cells merged until they expect `minExpected` draws),
 * each at level delta / (bins + 1), plus the bin of the cells of probability 0, which must be
 * empty. Returns the bin with the largest score (score sqrt(ln P / ln(delta_bin / 2)), P the
 * tail probability of its count: above 1 exactly when the bin's probability lies outside the
 * Clopper-Pearson interval of its count) and the number of bins.
 * @example cellTests("X", [0.5, 0.5], [5000, 5000], 1e-6).test.score; // => 0
 */
export function cellTests(
  label: string,
  pmf: ArrayLike<number>,
  counts: ArrayLike<number>,
  delta: number,
  minExpected = 50,
  cellName: (cell: number) => string = String,
): { test: FitTest; bins: number } {
  const R = total(counts);
  const { p, k, first, lastCell, impossible } = binned(pmf, counts, minExpected / R);
  const perBin = delta / (p.length + 1);
  if (impossible > 0) {
    const ci = clopperPearson(impossible, R, perBin);
    return {
      test: {
        label: `${label}: ${impossible} draws on outcomes of probability 0`,
        predicted: 0,
        estimate: ci.estimate,
        interval: [ci.lo, ci.hi],
        score: Infinity,
        epsilon: 1 / R,
      },
      bins: p.length + 1,
    };
  }
  let worst = -1;
  let worstScore = -1;
  const logLevel = Math.log(perBin / 2);
  for (let b = 0; b < p.length; b++) {
    const tail = tailProbability(k[b], R, p[b]);
    const score = tail >= 1 ? 0 : tail <= 0 ? Infinity : Math.sqrt(Math.log(tail) / logLevel);
    if (score > worstScore) {
      worstScore = score;
      worst = b;
    }
  }
  const ci = clopperPearson(k[worst], R, perBin);
  const cells = first[worst] === lastCell[worst] ? cellName(first[worst]) : `${cellName(first[worst])} .. ${cellName(lastCell[worst])}`;
  // Detectable: the Clopper-Pearson width at the bin's own probability (the bin reported).
  const width = ci.hi - ci.lo;
  return {
    test: {
      label: `${label}: P(${cells}) (exact binomial test, ${p.length} bins)`,
      predicted: p[worst],
      estimate: ci.estimate,
      interval: [ci.lo, ci.hi],
      score: worstScore,
      epsilon: width,
    },
    bins: p.length,
  };
}

/**
 * L1 test over at most `maxBins` bins of adjacent cells: estimate ||p_R - p||_1 (predicted 0),
 * eps = sqrt(2 (ln(2^B - 2) + ln(1/delta)) / R) (Weissman et al. 2003).
 * @example l1Test("X", [0.5, 0.5], [5000, 5000], 1e-6).score; // => 0
 */
export function l1Test(label: string, pmf: ArrayLike<number>, counts: ArrayLike<number>, delta: number, maxBins = 32): FitTest {
  const R = total(counts);
  const { p, k, impossible } = binned(pmf, counts, 1 / maxBins);
  let l1 = impossible / R;
  for (let b = 0; b < p.length; b++) l1 += Math.abs(k[b] / R - p[b]);
  const B = p.length + (impossible > 0 ? 1 : 0);
  if (B <= 1) {
    // One bin (a point mass): nothing to compare; its mass differs from 1 by rounding only.
    return { label: `${label}: ||p_R - p||_1 over 1 bin`, predicted: 0, estimate: l1, interval: [0, l1], score: 0, epsilon: 0 };
  }
  // ln(2^B - 2)
  const logCells = B * Math.LN2 + Math.log1p(-(2 ** (1 - B)));
  const h = Math.sqrt((2 * (logCells + Math.log(1 / delta))) / R);
  return {
    label: `${label}: ||p_R - p||_1 over ${B} bins (Weissman)`,
    predicted: 0,
    estimate: l1,
    interval: [Math.max(0, l1 - h), l1 + h],
    score: l1 / h,
    epsilon: 2 * h,
  };
}

/**
 * E[g(X)] for g with values in [lo, hi] (g given per cell) against sum_x g(x) P(X = x), by the
 * empirical Bernstein interval of the draws' mean (computed from the counts).
 * @example momentTest("E[X]", [0.5, 0.5], [5000, 5000], [0, 1], [0, 1], 1e-6).estimate; // => 0.5
 */
export function momentTest(
  label: string,
  pmf: ArrayLike<number>,
  counts: ArrayLike<number>,
  g: ArrayLike<number>,
  range: [number, number],
  delta: number,
): FitTest {
  const R = total(counts);
  let predicted = 0;
  let mean = 0;
  for (let i = 0; i < pmf.length; i++) {
    predicted += pmf[i] * g[i];
    mean += (counts[i] * g[i]) / R;
  }
  let ss = 0;
  for (let i = 0; i < pmf.length; i++) if (counts[i] > 0) ss += counts[i] * (g[i] - mean) ** 2;
  const iv = empiricalBernsteinInterval(mean, ss / (R - 1), range[1] - range[0], R, delta);
  const h = iv.hi - mean;
  return {
    label,
    predicted,
    estimate: mean,
    interval: [iv.lo, iv.hi],
    score: Math.abs(mean - predicted) / h,
    epsilon: 2 * h,
  };
}

/** Largest |z| kept by the variance test: z^2 is clipped at 16 (4 standard deviations). */
export const VARIANCE_CLIP = 16;

/**
 * The variance test of a scalar law over the values x[i] of its cells: E[min(((X - mu) / sd)^2, 16)]
 * against its exact value (mu, sd the exact mean and standard deviation; 1 - a little for a law
 * near the normal), so a variance off by a factor 1 + eta moves it by about eta. Null when sd = 0.
 * @example varianceTest("X", [0.5, 0.5], [5000, 5000], [0, 1], 1e-6)?.predicted; // => 1
 */
export function varianceTest(label: string, pmf: ArrayLike<number>, counts: ArrayLike<number>, x: ArrayLike<number>, delta: number): FitTest | null {
  let mu = 0;
  for (let i = 0; i < pmf.length; i++) mu += pmf[i] * x[i];
  let v = 0;
  for (let i = 0; i < pmf.length; i++) v += pmf[i] * (x[i] - mu) ** 2;
  if (!(v > 0)) return null;
  const g = Float64Array.from(x, (xi) => Math.min((xi - mu) ** 2 / v, VARIANCE_CLIP));
  return momentTest(`${label}: E[min(z^2, ${VARIANCE_CLIP})], z = (X - ${formatEvidenceNumber(mu)}) / ${formatEvidenceNumber(Math.sqrt(v))} (variance)`, pmf, counts, g, [0, VARIANCE_CLIP], delta);
}

/**
 * All tests of one scalar law, delta split evenly over them: cdf (DKW), bins (exact), L1, and the
 * variance (if `x` is given and the law is not a point mass) or the moments given.
 */
export function scalarLawTests(
  label: string,
  pmf: ArrayLike<number>,
  counts: ArrayLike<number>,
  delta: number,
  options: { x?: ArrayLike<number>; moments?: Array<{ label: string; g: ArrayLike<number>; range: [number, number] }>; cellName?: (cell: number) => string } = {},
): FitTest[] {
  const moments = options.moments ?? [];
  const variance = options.x !== undefined ? 1 : 0;
  const share = delta / (3 + variance + moments.length);
  const tests = [cdfTest(label, pmf, counts, share), cellTests(label, pmf, counts, share, 50, options.cellName).test, l1Test(label, pmf, counts, share)];
  if (options.x !== undefined) {
    const v = varianceTest(label, pmf, counts, options.x, share);
    if (v) tests.push(v);
  }
  for (const m of moments) tests.push(momentTest(`${label}: ${m.label}`, pmf, counts, m.g, m.range, share));
  return tests;
}

/**
 * The measurement of a fit: the test with the largest score (relation equals; refuted exactly
 * when some test rejects), its epsilon, and every test in `details.tests`.
 */
export function fitMeasurement(tests: readonly FitTest[], replicates: number, what: string, details: Record<string, unknown> = {}): Measurement {
  if (tests.length === 0) throw new RangeError("tests must not be empty");
  let w = tests[0];
  for (const t of tests) if (t.score > w.score || Number.isNaN(t.score)) w = t;
  const rejected = tests.filter((t) => !(t.score <= 1)).length;
  const head = rejected > 0 ? `${rejected} of ${tests.length} tests reject; worst` : `all ${tests.length} tests fit; least slack`;
  return {
    relation: "equals",
    predicted: w.predicted,
    estimate: w.estimate,
    interval: w.interval,
    replicates,
    epsilon: w.epsilon,
    evidence:
      `${head}: ${w.label} = ${formatEvidenceNumber(w.estimate)} vs ${formatEvidenceNumber(w.predicted)}, ` +
      `in [${formatEvidenceNumber(w.interval[0])}, ${formatEvidenceNumber(w.interval[1])}] (score ${w.score.toFixed(2)}; ${what})`,
    details: {
      ...details,
      tests: tests.map((t) => ({ label: t.label, predicted: t.predicted, estimate: t.estimate, interval: t.interval, score: t.score, epsilon: t.epsilon })),
    },
  };
}

/**
 * All tests of a law of count vectors over cells `states` (flat, k entries a cell, e.g. the
 * compositions of n): the cells (exact bins, L1), then for each coordinate x_i and, when `pairs`,
 * each sum x_i + x_j (i < j; with the coordinates these fix the covariance matrix) the cdf (DKW)
 * and the variance of its law, summed from the cells. delta is split evenly over all of them.
 */
export function vectorLawTests(
  label: string,
  states: Int32Array,
  k: number,
  pmf: ArrayLike<number>,
  counts: ArrayLike<number>,
  delta: number,
  options: { names?: readonly string[]; pairs?: boolean } = {},
): FitTest[] {
  const cells = pmf.length;
  let n = 0;
  for (let i = 0; i < k; i++) n += states[i];
  const names = options.names ?? Array.from({ length: k }, (_, i) => `x${i}`);
  const projections: Array<{ name: string; parts: number[] }> = names.map((name, i) => ({ name, parts: [i] }));
  if (options.pairs) for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) projections.push({ name: `${names[i]} + ${names[j]}`, parts: [i, j] });
  const share = delta / (2 + 2 * projections.length);
  const cellName = (c: number): string => `(${Array.from(states.subarray(c * k, (c + 1) * k)).join(", ")})`;
  const tests = [cellTests(label, pmf, counts, share, 50, cellName).test, l1Test(label, pmf, counts, share)];
  const values = Float64Array.from({ length: n + 1 }, (_, v) => v);
  for (const { name, parts } of projections) {
    const ppmf = new Float64Array(n + 1);
    const pcounts = new Float64Array(n + 1);
    for (let c = 0; c < cells; c++) {
      let v = 0;
      for (const i of parts) v += states[c * k + i];
      ppmf[v] += pmf[c];
      pcounts[v] += counts[c];
    }
    tests.push(cdfTest(`${label} ${name}`, ppmf, pcounts, share));
    const variance = varianceTest(`${label} ${name}`, ppmf, pcounts, values, share);
    if (variance) tests.push(variance);
  }
  return tests;
}
