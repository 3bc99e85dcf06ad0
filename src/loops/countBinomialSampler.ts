/**
 * Binomial(trials, c / n) for integer counts c in 1..n-1 (trials n or n - 1 in the collapse-time
 * chains), by inversion of a tabulated cdf with a guide table (Chen & Asau 1974), one table per c
 * built on first use. A draw costs one uniform and about two comparisons (no logarithm or
 * exponential).
 *
 * The pmf is tabulated from the mode outward by the ratio of successive terms, in integers,
 * f(x + 1) / f(x) = (trials - x) c / ((x + 1) (n - c)), while the term stays above 2^-64 times
 * the modal one; the outcomes left out have a total probability below 2^-60, under the 2^-53
 * resolution of the uniform that every inversion sampler has. The kept terms (each with a
 * relative rounding error below about 2|x - mode| + 2 ulp) are summed into the cdf, which ends
 * at exactly 1 and is exact to a few ulps. The tables of all c live in one flat array (one
 * indirection less per draw than an array per c), with a guide of ~8 buckets per standard
 * deviation, so that the search from a bucket takes one or two steps.
 * Source: Devroye (1986), Non-Uniform Random Variate Generation, Sec. III.2 (guide tables).
 */
import type { Rng } from "../rng/index.ts";

/** Largest n tabulated (the tables of all c then take 2.4 MB at n = 1024, 0.6 MB at n = 400; up to 2x while grown). */
export const COUNT_BINOMIAL_MAX_N = 1024;

/** Terms below this fraction of the modal term are left out of a table. */
const TAIL = 2 ** -64;

/**
 * Guide buckets per table: the power of two at or above min(entries, 8 sd), at most 1024; a
 * central outcome (probability ~ 0.4 / sd) then spans ~3 buckets, and a draw takes ~1.3
 * comparisons. Measured on the two-token chain c <- Bin(n, c / n) (n = 100 to 1000): 8 sd beats
 * 1, 2 and 4 sd (fewer mispredicted branches) and, at n = 1000, a bucket per entry (larger tables).
 */
const GUIDE_PER_SD = 8;
const MAX_BUCKETS = 1024;

/**
 * Draws Binomial(trials, c / n) for integers 0 < c < n (unchecked in `draw`).
 * @example new CountBinomialSampler(10, 10).draw(createRng(1), 3); // => an integer in [0, 10], mean 3
 */
export class CountBinomialSampler {
  readonly trials: number;
  readonly n: number;
  /** The cdfs of every tabulated c, back to back: cdf(lo_c + i) at values[start_c + i], cdf(hi_c) = 1. */
  private values: Float64Array;
  private used: number;
  /** The guides, back to back: guideAt[guideStart_c + b] = the index in values of the first entry above b / G_c. */
  private guideAt: Int32Array;
  private guideUsed: number;
  /** guideStart[c], or -1 until c is tabulated. */
  private readonly guideStart: Int32Array;
  /** G_c, the number of buckets of c (a power of two). */
  private readonly buckets: Float64Array;
  /** start_c - lo_c: a draw returns its index in values minus this. */
  private readonly shift: Int32Array;
  /** lo_c and the number of entries of c's cdf (for `cdf`). */
  private readonly los: Int32Array;
  private readonly ranges: Int32Array;
  private readonly terms: Float64Array;

  constructor(trials: number, n: number) {
    if (!Number.isInteger(n) || n < 2 || n > COUNT_BINOMIAL_MAX_N) {
      throw new RangeError(`n must be an integer in [2, ${COUNT_BINOMIAL_MAX_N}], got ${n}`);
    }
    if (!Number.isInteger(trials) || trials < 1 || trials > n) {
      throw new RangeError(`trials must be an integer in [1, n = ${n}], got ${trials}`);
    }
    this.trials = trials;
    this.n = n;
    this.values = new Float64Array(1024);
    this.used = 0;
    this.guideAt = new Int32Array(1024);
    this.guideUsed = 0;
    this.guideStart = new Int32Array(n).fill(-1);
    this.buckets = new Float64Array(n);
    this.shift = new Int32Array(n);
    this.los = new Int32Array(n);
    this.ranges = new Int32Array(n);
    this.terms = new Float64Array(trials + 1);
  }

  /** One draw of Binomial(trials, c / n); c an integer in [1, n - 1]. */
  draw(rng: Rng, c: number): number {
    if (this.guideStart[c] < 0) this.build(c);
    const u = rng.uniform();
    const cdf = this.values;
    let i = this.guideAt[this.guideStart[c] + ((u * this.buckets[c]) | 0)];
    while (u >= cdf[i]) i++;
    return i - this.shift[c];
  }

  /** The tabulated cdf P(X <= x) of Binomial(trials, c / n), x = 0..trials (for tests and reports). */
  cdf(c: number): Float64Array {
    if (!(Number.isInteger(c) && c > 0 && c < this.n)) throw new RangeError(`c must be an integer in [1, ${this.n - 1}], got ${c}`);
    if (this.guideStart[c] < 0) this.build(c);
    const lo = this.los[c];
    const start = this.shift[c] + lo;
    const out = new Float64Array(this.trials + 1);
    for (let x = lo; x <= this.trials; x++) out[x] = x - lo < this.ranges[c] ? this.values[start + x - lo] : 1;
    return out;
  }

  private build(c: number): void {
    const n = this.n;
    const N = this.trials;
    if (!(Number.isInteger(c) && c > 0 && c < n)) throw new RangeError(`c must be an integer in [1, ${n - 1}], got ${c}`);
    // Terms relative to the mode floor((N + 1) c / n) (an exact integer quotient).
    const f = this.terms;
    const d = n - c;
    const mode = Math.floor(((N + 1) * c) / n);
    f[mode] = 1;
    let hi = mode;
    while (hi < N) {
      const next = f[hi] * (((N - hi) * c) / ((hi + 1) * d));
      if (next < TAIL) break;
      f[++hi] = next;
    }
    let lo = mode;
    while (lo > 0) {
      const next = f[lo] * ((lo * d) / ((N - lo + 1) * c));
      if (next < TAIL) break;
      f[--lo] = next;
    }
    let total = 0;
    for (let x = lo; x <= hi; x++) total += f[x];
    const range = hi - lo + 1;
    const start = this.used;
    if (start + range > this.values.length) {
      const grown = new Float64Array(Math.max(start + range, 2 * this.values.length));
      grown.set(this.values.subarray(0, start));
      this.values = grown;
    }
    const cdf = this.values;
    // Summed from the left tail up; the last entry is 1.
    let acc = 0;
    for (let x = lo; x < hi; x++) {
      acc += f[x];
      cdf[start + x - lo] = acc / total;
    }
    cdf[start + range - 1] = 1;
    this.used = start + range;
    const want = Math.min(range, GUIDE_PER_SD * Math.sqrt((N * c * d) / (n * n)));
    let buckets = 1;
    while (buckets < want && buckets < MAX_BUCKETS) buckets *= 2;
    const gStart = this.guideUsed;
    if (gStart + buckets > this.guideAt.length) {
      const grown = new Int32Array(Math.max(gStart + buckets, 2 * this.guideAt.length));
      grown.set(this.guideAt.subarray(0, gStart));
      this.guideAt = grown;
    }
    let i = start;
    for (let b = 0; b < buckets; b++) {
      const level = b / buckets;
      while (cdf[i] <= level) i++;
      this.guideAt[gStart + b] = i;
    }
    this.guideUsed = gStart + buckets;
    this.guideStart[c] = gStart;
    this.buckets[c] = buckets;
    this.shift[c] = start - lo;
    this.los[c] = lo;
    this.ranges[c] = range;
  }
}

/** The samplers of recently used (trials, n), shared: their tables depend on trials, n and c only. */
const shared = new Map<number, CountBinomialSampler>();
/** Most samplers kept in `shared` (at most ~3.5 MB each, once every c is tabulated). */
const SHARED_MAX = 16;

/**
 * The shared `CountBinomialSampler` of (trials, n), created on first use; beyond 16 the least
 * recently used is dropped. Shared so that the tables serve every sampler of the same n.
 * @example countBinomialSampler(400, 400) === countBinomialSampler(400, 400); // => true
 */
export function countBinomialSampler(trials: number, n: number): CountBinomialSampler {
  const key = trials * (COUNT_BINOMIAL_MAX_N + 1) + n;
  let s = shared.get(key);
  if (s !== undefined) {
    shared.delete(key);
  } else {
    s = new CountBinomialSampler(trials, n);
    if (shared.size >= SHARED_MAX) shared.delete(shared.keys().next().value as number);
  }
  shared.set(key, s);
  return s;
}
