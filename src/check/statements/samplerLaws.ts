/**
 * sampler-*-law: every sampler path the engine draws through (SAMPLER_PATHS in simulationPaths.ts)
 * has exactly its law. Predicted: the exact pmf (binomialPmf; multinomialPmf over the
 * compositions of n; multivariateHypergeometricPmf for a subset of the real corpus). Estimated:
 * R draws through the Implementation, held by the fit tests of lawFit.ts with ctx.delta split
 * evenly over them: for a scalar law the cdf (DKW), exact binomial tests of the binned pmf, L1
 * over bins and the variance (E[min(z^2, 16)], z the exactly standardised draw); for count vectors
 * the binned cells, L1, and the cdf and variance of every coordinate and every sum of two
 * coordinates (hence the covariance matrix). A sampler right in the mean but wrong in the
 * variance or the shape (which `sampler-binomial-mean` cannot see) is refuted here.
 *
 * Each sampler is drawn through its Implementation field (binomial, multinomialOnSupport,
 * countBinomialSampler, countRatioBinomial, realCorpusAddTo), so a planted bug can replace it.
 * Each point names the branch it must reach; the check throws (an inconclusive verdict, which
 * fails verify) when the dispatch rule no longer sends the point there.
 * @example samplerBinomialLawStatement(reference).measure({ n: 1000, p: 0.3, regime: "btrd", runs: 1e6 }, ctx).verdict; // => fits
 */
import { binomialPmf } from "../../exact/binomialPmf.ts";
import { createCompositionIndex } from "../../exact/compositions.ts";
import { logFactorials } from "../../exact/logFactorials.ts";
import { multinomialPmf } from "../../exact/multinomialPmf.ts";
import { multivariateHypergeometricPmf } from "../../exact/multivariateHypergeometricPmf.ts";
import { CountAccumulator } from "../../loops/countAccumulator.ts";
import { RealCorpus } from "../../loops/realCorpus.ts";
import type { SparseCounts } from "../../measure/sparseCounts.ts";
import { rngStreams, type Rng } from "../../rng/index.ts";
import { INVERSION_MAX_MEAN } from "../../sample/binomial.ts";
import { chooseMultinomialMethod } from "../../sample/multinomial.ts";
import type { Implementation } from "../implementation.ts";
import { fitMeasurement, scalarLawTests, vectorLawTests } from "../lawFit.ts";
import type { Statement } from "../statement.ts";
import type { Measurement, Parameters } from "../types.ts";

/** Half-width of the window of outcomes kept for a scalar law, in standard deviations (plus 5). */
const WINDOW_SD = 12;

/**
 * Draws of a scalar sampler against its exact pmf: outcomes x in [lo, hi] (the whole range, or
 * mean +- 12 sd + 5, outside which Binomial mass is below 1e-30 by Chernoff's bound, so that a
 * draw there counts as impossible), cells x - lo, plus one cell of probability 0 for any other value.
 */
function scalarMeasure(
  label: string,
  lo: number,
  hi: number,
  pmfAt: (x: number) => number,
  draw: (rng: Rng) => number,
  R: number,
  ctx: { seed: number; delta: number },
  what: string,
  details: Record<string, unknown>,
): Measurement {
  const cells = hi - lo + 1;
  const pmf = new Float64Array(cells + 1);
  for (let x = lo; x <= hi; x++) pmf[x - lo] = pmfAt(x);
  const counts = new Float64Array(cells + 1);
  const [rng] = rngStreams(ctx.seed, 1);
  for (let r = 0; r < R; r++) {
    const x = draw(rng);
    if (Number.isInteger(x) && x >= lo && x <= hi) counts[x - lo]++;
    else counts[cells]++;
  }
  const values = Float64Array.from({ length: cells + 1 }, (_, i) => (i < cells ? lo + i : 0));
  const tests = scalarLawTests(label, pmf, counts, ctx.delta, {
    x: values,
    cellName: (i) => (i < cells ? `${label} = ${lo + i}` : `${label} outside [${lo}, ${hi}]`),
  });
  return fitMeasurement(tests, R, what, details);
}

/** The window [lo, hi] of a Binomial(n, p) law (the whole range when it is small). */
function binomialWindow(n: number, p: number): [number, number] {
  if (n <= 2000) return [0, n];
  const sd = Math.sqrt(n * p * (1 - p));
  return [Math.max(0, Math.floor(n * p - WINDOW_SD * sd - 5)), Math.min(n, Math.ceil(n * p + WINDOW_SD * sd + 5))];
}

function runsOf(point: Parameters, extended: boolean): number {
  return Number(point.runs) * (extended ? 4 : 1);
}

function expectBranch(name: string, got: string, point: Parameters): void {
  if (got !== String(point.regime ?? point.method)) {
    throw new Error(`${name}: the point ${JSON.stringify(point)} now reaches the ${got} branch, not ${String(point.regime ?? point.method)}`);
  }
}

/**
 * sampler-binomial-law: impl.binomial (binomialUnchecked) against Binomial(n, p), in the
 * inversion regime (n min(p, 1 - p) < INVERSION_MAX_MEAN) and the BTRD regime, each also with
 * p > 1/2 (drawn as n - Bin(n, 1 - p)); n = 1e5 puts most BTRD draws past |k - m| > 30
 * (Stirling's series), n = 2^31 - 1 is the largest n.
 */
export function samplerBinomialLawStatement(impl: Implementation): Statement {
  return {
    id: "sampler-binomial-law",
    title: "Binomial sampler: the law of X is Binomial(n, p) (inversion and BTRD)",
    where: "Sect. 2.2 (p^(m) | p^(m-1) ~ Mult(n, p^(m-1)) / n); src/sample/binomial.ts",
    kind: "extension",
    expected: "holds",
    method: "monte-carlo",
    description: "draws of impl.binomial vs the exact Binomial(n, p) pmf: DKW cdf, binned exact tests, L1, variance",
    covers: ["sampler:binomial-inversion", "sampler:binomial-btrd"],
    points: [
      { n: 20, p: 0.3, regime: "inversion", runs: 500_000 },
      { n: 30, p: 0.8, regime: "inversion", runs: 500_000 },
      { n: 40, p: 0.6, regime: "btrd", runs: 500_000 },
      { n: 1000, p: 0.3, regime: "btrd", runs: 1_000_000 },
      { n: 100_000, p: 0.3, regime: "btrd", runs: 500_000 },
      { n: 2_147_483_647, p: 1e-8, regime: "btrd", runs: 200_000 },
    ],
    measure(point, ctx) {
      const n = Number(point.n);
      const p = Number(point.p);
      const q = Math.min(p, 1 - p);
      expectBranch("sampler-binomial-law", n * q < INVERSION_MAX_MEAN ? "inversion" : "btrd", point);
      const R = runsOf(point, ctx.extended);
      const [lo, hi] = binomialWindow(n, p);
      return scalarMeasure("X", lo, hi, (x) => binomialPmf(x, n, p, 1 - p), (rng) => impl.binomial(rng, n, p), R, ctx, `Bin(${n}, ${p}), ${R} draws`, {});
    },
  };
}

/**
 * sampler-count-binomial-law: impl.countBinomialSampler(trials, n).draw(rng, c) (the tabulated
 * cdf with a guide table of the collapse-time chains) against Binomial(trials, c / n): trials = n
 * ("chain") and n - 1 ("fixing-token"), c at both ends (where the table is cut at 2^-64 of the
 * mode) and in the middle, n up to COUNT_BINOMIAL_MAX_N = 1024.
 */
export function samplerCountBinomialLawStatement(impl: Implementation): Statement {
  return {
    id: "sampler-count-binomial-law",
    title: "Count binomial table: the law of X is Binomial(trials, c / n)",
    where: "Figure 2's sampler (src/loops/countBinomialSampler.ts)",
    kind: "extension",
    expected: "holds",
    method: "monte-carlo",
    description: "draws of impl.countBinomialSampler(trials, n).draw(c) vs the exact Binomial(trials, c / n) pmf: DKW cdf, binned exact tests, L1, variance",
    covers: ["sampler:count-binomial-table"],
    points: [
      { trials: 10, n: 10, c: 3, runs: 500_000 },
      { trials: 400, n: 400, c: 1, runs: 500_000 },
      { trials: 400, n: 400, c: 200, runs: 500_000 },
      { trials: 59, n: 60, c: 59, runs: 500_000 },
      { trials: 1024, n: 1024, c: 700, runs: 500_000 },
    ],
    measure(point, ctx) {
      const trials = Number(point.trials);
      const n = Number(point.n);
      const c = Number(point.c);
      const R = runsOf(point, ctx.extended);
      const sampler = impl.countBinomialSampler(trials, n);
      return scalarMeasure(
        "X",
        0,
        trials,
        (x) => binomialPmf(x, trials, c / n, (n - c) / n),
        (rng) => sampler.draw(rng, c),
        R,
        ctx,
        `Bin(${trials}, ${c}/${n}), ${R} draws`,
        {},
      );
    },
  };
}

/** The branch of countRatioBinomial for (trials, c, w) (mirrors the thresholds of countRatioBinomial.ts: mean 20, variance 100). */
export function countRatioRegime(trials: number, c: number, w: number): "trivial" | "from-zero" | "from-mode" | "btrd" {
  const a = Math.min(c, w - c);
  if (a === 0 || trials === 0) return "trivial";
  if (trials * a < 20 * w) return "from-zero";
  if (trials * a * (w - a) < 100 * w * w) return "from-mode";
  return "btrd";
}

/**
 * sampler-count-ratio-law: impl.countRatioBinomial(rng, trials, c, w) against Binomial(trials,
 * c / w), in each of its branches (inversion from 0 below a mean of 20, inversion from the mode
 * below a variance of 100, BTRD above; each also with c > w / 2, drawn as trials - X) and c = 0.
 */
export function samplerCountRatioLawStatement(impl: Implementation): Statement {
  return {
    id: "sampler-count-ratio-law",
    title: "Count-ratio binomial: the law of X is Binomial(trials, c / w) in every branch",
    where: "Figure 2's sampler (src/loops/countRatioBinomial.ts)",
    kind: "extension",
    expected: "holds",
    method: "monte-carlo",
    description: "draws of impl.countRatioBinomial vs the exact Binomial(trials, c / w) pmf: DKW cdf, binned exact tests, L1, variance",
    covers: ["sampler:count-ratio-binomial"],
    points: [
      { trials: 30, c: 5, w: 17, regime: "from-zero", runs: 500_000 },
      { trials: 30, c: 12, w: 17, regime: "from-zero", runs: 500_000 },
      { trials: 60, c: 20, w: 40, regime: "from-mode", runs: 500_000 },
      { trials: 400, c: 10, w: 200, regime: "from-mode", runs: 500_000 },
      { trials: 60, c: 25, w: 40, regime: "from-mode", runs: 500_000 },
      { trials: 1000, c: 300, w: 1000, regime: "btrd", runs: 500_000 },
      { trials: 1024, c: 700, w: 1024, regime: "btrd", runs: 500_000 },
      { trials: 10, c: 0, w: 7, regime: "trivial", runs: 10_000 },
    ],
    measure(point, ctx) {
      const trials = Number(point.trials);
      const c = Number(point.c);
      const w = Number(point.w);
      expectBranch("sampler-count-ratio-law", countRatioRegime(trials, c, w), point);
      const R = runsOf(point, ctx.extended);
      return scalarMeasure(
        "X",
        0,
        trials,
        (x) => binomialPmf(x, trials, c / w, (w - c) / w),
        (rng) => impl.countRatioBinomial(rng, trials, c, w),
        R,
        ctx,
        `Bin(${trials}, ${c}/${w}), ${R} draws`,
        {},
      );
    },
  };
}

/** Cell counts of R draws of a count vector over the compositions of n into k parts. */
function vectorCounts(n: number, k: number, R: number, seed: number, draw: (rng: Rng, x: Int32Array) => void) {
  const index = createCompositionIndex(n, k);
  const counts = new Float64Array(index.count + 1);
  const x = new Int32Array(k);
  const [rng] = rngStreams(seed, 1);
  for (let r = 0; r < R; r++) {
    draw(rng, x);
    let sum = 0;
    let valid = true;
    for (let i = 0; i < k; i++) {
      sum += x[i];
      if (!(x[i] >= 0)) valid = false;
    }
    if (valid && sum === n) counts[index.rank(x)]++;
    else counts[index.count]++;
  }
  return { index, counts };
}

/** The tests and measurement of a vector law given the exact pmf of each composition. */
function vectorMeasure(
  n: number,
  k: number,
  pmfOf: (x: Int32Array) => number,
  draw: (rng: Rng, x: Int32Array) => void,
  R: number,
  ctx: { seed: number; delta: number },
  names: string[],
  what: string,
): Measurement {
  const { index, counts } = vectorCounts(n, k, R, ctx.seed, draw);
  // The last cell (probability 0) takes draws that are not compositions of n.
  const pmf = new Float64Array(index.count + 1);
  for (let c = 0; c < index.count; c++) pmf[c] = pmfOf(index.states.subarray(c * k, (c + 1) * k));
  const states = new Int32Array((index.count + 1) * k);
  states.set(index.states);
  // The extra cell's state is never read by a projection (its probability and, unless refuted, count are 0).
  const tests = vectorLawTests("X", states, k, pmf, counts, ctx.delta, { names, pairs: k <= 6 });
  return fitMeasurement(tests, R, what, { cells: index.count });
}

/**
 * sampler-multinomial-law: impl.multinomialOnSupport (the engine's entry: the method chosen by
 * chooseMultinomialMethod(n, k)) against Multinomial(n, w_S / sum w_S) over the support S: by
 * categorical draws with a guide table and with a binary search (8 n < k), and by conditional
 * binomials in the inversion and the inline-BTRD regimes (with a standard deviation of 145, where
 * a wrong BTRD constant shows), with zero weights inside the support and a support that is a
 * permuted subset of the weights' indices.
 */
export function samplerMultinomialLawStatement(impl: Implementation): Statement {
  return {
    id: "sampler-multinomial-law",
    title: "Multinomial sampler: the law of the counts is Multinomial(n, w / sum w) (both methods)",
    where: "Sect. 2.2 (Eq 5: Mult(n, p^(m-1))); src/sample/multinomial.ts",
    kind: "extension",
    expected: "holds",
    method: "monte-carlo",
    description:
      "draws of impl.multinomialOnSupport vs the exact multinomial pmf over the compositions of n: binned exact tests, L1, and the cdf and variance of each count and each sum of two",
    covers: ["sampler:multinomial-categorical", "sampler:multinomial-binomials"],
    points: [
      { n: 6, w: [0.4, 0.3, 0.2, 0.1], support: [0, 1, 2, 3], method: "categorical", runs: 300_000 },
      { n: 2, w: [3, 0, 1, 2, 1, 1, 1, 4, 1, 1, 2, 1, 1, 1, 5, 1, 1, 1, 2, 1], support: [19, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18], method: "categorical", runs: 300_000 },
      { n: 12, w: [0.7, 0.2, 0.1], support: [0, 1, 2], method: "binomial", runs: 300_000 },
      { n: 40, w: [0.3, 0.5, 0.2, 0, 9], support: [1, 3, 0, 2], method: "binomial", runs: 300_000 },
      { n: 200, w: [5, 3, 2], support: [0, 1, 2], method: "binomial", runs: 300_000 },
      // sd 145: most inline-BTRD draws past step 1's box and |k - m| > 30 (Stirling's series).
      { n: 100_000, w: [0.3, 0.7], support: [0, 1], method: "binomial", runs: 300_000 },
    ],
    measure(point, ctx) {
      const n = Number(point.n);
      const w = (point.w as number[]).map(Number);
      const support = Int32Array.from(point.support as number[]);
      const k = support.length;
      expectBranch("sampler-multinomial-law", chooseMultinomialMethod(n, k), point);
      const R = runsOf(point, ctx.extended);
      const ws = Array.from(support, (i) => w[i]);
      const out = new Int32Array(w.length);
      return vectorMeasure(
        n,
        k,
        (x) => multinomialPmf(x, ws),
        (rng, x) => {
          impl.multinomialOnSupport(rng, n, w, support, k, out);
          for (let j = 0; j < k; j++) x[j] = out[support[j]];
        },
        R,
        ctx,
        Array.from(support, (i) => `x${i}`),
        `Mult(${n}, w over ${k} tokens), ${String(point.method)}, ${R} draws`,
      );
    },
  };
}

/**
 * sampler-real-corpus-law: impl.realCorpusAddTo with count below the corpus size (a uniformly
 * random subset of the corpus's samples, without replacement) against the multivariate
 * hypergeometric law of the per-token counts; the corpus is reused across draws, as the engine
 * reuses it across generations (its internal order changes by swaps; each subset is still uniform).
 */
export function samplerRealCorpusLawStatement(impl: Implementation): Statement {
  return {
    id: "sampler-real-corpus-law",
    title: "Real corpus subset: the per-token counts are multivariate hypergeometric",
    where: "Sect. 2.2 (the real corpus of Eq 5); src/loops/realCorpus.ts",
    kind: "extension",
    expected: "holds",
    method: "monte-carlo",
    description:
      "per-token counts of impl.realCorpusAddTo(count < size) vs the exact multivariate hypergeometric pmf: binned exact tests, L1, and the cdf and variance of each count and each sum of two",
    covers: ["sampler:real-corpus-subset"],
    points: [
      { corpus: [5, 3, 2], count: 4, runs: 200_000 },
      { corpus: [0, 20, 12, 0, 8], count: 15, runs: 200_000 },
    ],
    measure(point, ctx) {
      const dense = (point.corpus as number[]).map(Number);
      const count = Number(point.count);
      const ids: number[] = [];
      for (let i = 0; i < dense.length; i++) if (dense[i] > 0) ids.push(i);
      const K = ids.map((i) => dense[i]);
      const size = K.reduce((a, b) => a + b, 0);
      if (!(count < size)) throw new RangeError(`count must be below the corpus size ${size}, got ${count}`);
      const corpus = new RealCorpus({ ids: Int32Array.from(ids), counts: Int32Array.from(K), k: ids.length, total: size });
      const acc = new CountAccumulator(dense.length);
      const into: SparseCounts = { ids: new Int32Array(dense.length), counts: new Int32Array(dense.length), k: 0, total: 0 };
      const position = new Int32Array(dense.length).fill(-1);
      ids.forEach((id, j) => (position[id] = j));
      const logFact = logFactorials(size);
      const R = runsOf(point, ctx.extended);
      return vectorMeasure(
        count,
        K.length,
        (x) => multivariateHypergeometricPmf(x, K, logFact),
        (rng, x) => {
          impl.realCorpusAddTo(corpus, acc, count, rng);
          const got = acc.take(into);
          x.fill(0);
          let outside = false;
          for (let j = 0; j < got.k; j++) {
            const at = position[got.ids[j]];
            if (at < 0) outside = true;
            else x[at] += got.counts[j];
          }
          // A token outside the corpus: not a composition over its tokens (counted in the impossible cell).
          if (outside) x[0] = -1;
        },
        R,
        ctx,
        ids.map((i) => `x${i}`),
        `corpus of ${size} samples over ${K.length} tokens, subsets of ${count}, ${R} draws`,
      );
    },
  };
}

/** The sampler-law statements, in the order of SAMPLER_PATHS. */
export function samplerLawStatements(impl: Implementation): Statement[] {
  return [
    samplerBinomialLawStatement(impl),
    samplerMultinomialLawStatement(impl),
    samplerCountBinomialLawStatement(impl),
    samplerCountRatioLawStatement(impl),
    samplerRealCorpusLawStatement(impl),
  ];
}
