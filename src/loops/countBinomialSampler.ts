/**
 * Binomial(trials, c / n) for integer counts c in 1..n-1 (trials n or n - 1 in the collapse-time
 * chains), by inversion of a tabulated cdf with a guide table (Chen & Asau 1974), one table per c
 * built on first use. A draw costs one uniform and a few comparisons (no logarithm or exponential).
 *
 * The pmf is tabulated from the mode outward by the ratio of successive terms, in integers,
 * f(x + 1) / f(x) = (trials - x) c / ((x + 1) (n - c)), while the term stays above 2^-64 times
 * the modal one; the outcomes left out have a total probability below 2^-60, under the 2^-53
 * resolution of the uniform that every inversion sampler has. The kept terms (each with a
 * relative rounding error below about 2|x - mode| + 2 ulp) are summed into the cdf, which ends
 * at exactly 1 and is exact to a few ulps.
 * Source: Devroye (1986), Non-Uniform Random Variate Generation, Sec. III.2 (guide tables).
 */
import type { Rng } from "../rng/index.ts";

/** Largest n tabulated (the tables of all c then take 2 MB at n = 1024, 0.5 MB at n = 400). */
export const COUNT_BINOMIAL_MAX_N = 1024;

/** Terms below this fraction of the modal term are left out of a table. */
const TAIL = 2 ** -64;

/**
 * Guide buckets per table: a power of two, at most the number of outcomes, at most 64 (two cache
 * lines of Int16): the search from a bucket then takes ~1 + range / 128 steps on average.
 */
const MAX_BUCKETS = 64;

/**
 * Draws Binomial(trials, c / n) for integers 0 < c < n (unchecked in `draw`).
 * @example new CountBinomialSampler(10, 10).draw(createRng(1), 3); // => an integer in [0, 10], mean 3
 */
export class CountBinomialSampler {
  readonly trials: number;
  readonly n: number;
  /** cdfs[c] = [cdf(lo), ..., cdf(hi) = 1], lo = los[c]; undefined until first used. */
  private readonly cdfs: (Float64Array | undefined)[];
  /** guides[c][b] = the index of the first cdf entry above b / G, G = buckets[c]. */
  private readonly guides: (Int16Array | undefined)[];
  private readonly los: Int32Array;
  private readonly buckets: Int32Array;
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
    this.cdfs = new Array<Float64Array | undefined>(n).fill(undefined);
    this.guides = new Array<Int16Array | undefined>(n).fill(undefined);
    this.los = new Int32Array(n);
    this.buckets = new Int32Array(n);
    this.terms = new Float64Array(trials + 1);
  }

  /** One draw of Binomial(trials, c / n); c an integer in [1, n - 1]. */
  draw(rng: Rng, c: number): number {
    const cdf = this.cdfs[c] ?? this.build(c);
    const u = rng.uniform();
    let i = (this.guides[c] as Int16Array)[(u * this.buckets[c]) | 0];
    while (u >= cdf[i]) i++;
    return i + this.los[c];
  }

  /** The tabulated cdf P(X <= x) of Binomial(trials, c / n), x = 0..trials (for tests and reports). */
  cdf(c: number): Float64Array {
    const t = this.cdfs[c] ?? this.build(c);
    const lo = this.los[c];
    const out = new Float64Array(this.trials + 1);
    for (let x = lo; x <= this.trials; x++) out[x] = x - lo < t.length ? t[x - lo] : 1;
    return out;
  }

  private build(c: number): Float64Array {
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
    const cdf = new Float64Array(range);
    // Summed from the left tail up; the last entry is 1.
    let acc = 0;
    for (let x = lo; x < hi; x++) {
      acc += f[x];
      cdf[x - lo] = acc / total;
    }
    cdf[range - 1] = 1;
    let buckets = 1;
    while (buckets < range && buckets < MAX_BUCKETS) buckets *= 2;
    const guide = new Int16Array(buckets);
    let i = 0;
    for (let b = 0; b < buckets; b++) {
      const level = b / buckets;
      while (cdf[i] <= level) i++;
      guide[b] = i;
    }
    this.cdfs[c] = cdf;
    this.guides[c] = guide;
    this.los[c] = lo;
    this.buckets[c] = buckets;
    return cdf;
  }
}

/** The samplers of recently used (trials, n), shared: their tables depend on trials, n and c only. */
const shared = new Map<number, CountBinomialSampler>();
/** Most samplers kept in `shared` (at most 2 MB each, once every c is tabulated). */
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
