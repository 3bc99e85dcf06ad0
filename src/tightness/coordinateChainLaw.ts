/**
 * One coordinate of the Partially Synthetic chain, computed exactly. Token i's real count is
 * r ~ Binomial(N, p_i) (fixed for all generations), and for m >= 2 its synthetic count is
 * Y^(m) ~ Binomial(n, p_i^(m-1)) with p_i^(m) = (r + Y^(m))/(N + n), p_i^(1) = r/N: a Markov chain
 * of its own (the lumping of token i against the rest). So every per-coordinate expectation of the
 * s-token chain, e.g. E||p^(m) - p^(1)||_1 = sum_i E|p_i^(m) - p_i^(1)| and S_m = sum_i E[(p_i^(m))^2],
 * is a sum of these two-state laws, at cost O(N + n) binomial rows per (N, n) instead of a kernel
 * over compositions of n. Rows Binomial(n, j/(N+n)) depend on j = r + y only and are shared over r.
 * Real counts of weight below REAL_CUTOFF, states below STATE_CUTOFF and row entries beyond ~8 sd are
 * left out; the mass left out is accumulated in `dropped` (each probability is exact to within it).
 */
import { binomialPmf } from "../exact/index.ts";
import { checkFinite, checkIntegerAtLeast, checkProbability } from "../validate.ts";

/** Real counts r with P(r) below this are skipped (their mass goes to `dropped`). */
export const REAL_CUTOFF = 1e-16;

/** Binomial rows are kept on mean -/+ (WINDOW_SD sd + a few); the mass outside goes to `dropped`. */
const WINDOW_SD = 8;
const WINDOW_EXTRA = 8;
/** States of probability below this are dropped (their mass goes to `dropped`). */
export const STATE_CUTOFF = 1e-18;

/** Per-coordinate exact moments for m = 0..M (arrays of length M + 1). */
export interface CoordinateChainLaw {
  /** E|p_i^(m) - p_i^(1)| (m = 0: E|p_i - p_i^(1)|; m = 1: 0). */
  absDeviation: number[];
  /** E[(p_i^(m))^2] (m = 0: p_i^2). */
  secondMoment: number[];
  /** P(|p_i^(m) - p_i^(1)| >= threshold (1 - 1e-12)) for m >= 2 (0 at m = 0, 1), or null without a threshold. */
  tail: number[] | null;
  /** Probability mass left out (real counts below REAL_CUTOFF, binomial tails beyond the window). */
  dropped: number;
}

/** Binomial(n, q) on a window [lo, hi] around its mean: values and the window. */
interface Row {
  lo: number;
  values: Float64Array;
  mass: number;
}

function binomialRow(n: number, num: number, den: number): Row {
  const q = num / den;
  const mean = n * q;
  const sd = Math.sqrt(n * q * (1 - q));
  const lo = Math.max(0, Math.floor(mean - WINDOW_SD * sd - 1));
  const hi = Math.min(n, Math.ceil(mean + WINDOW_SD * sd + WINDOW_EXTRA));
  const values = new Float64Array(hi - lo + 1);
  // the mode from Loader's formula, the rest by the ratio P(x + 1)/P(x) = (n - x) q / ((x + 1)(1 - q))
  const qc = (den - num) / den;
  const mode = Math.min(hi, Math.max(lo, Math.floor((n + 1) * q)));
  values[mode - lo] = binomialPmf(mode, n, q, qc);
  const odds = q / qc;
  for (let x = mode; x < hi; x++) values[x + 1 - lo] = qc === 0 ? 0 : (values[x - lo] * (n - x) * odds) / (x + 1);
  for (let x = mode; x > lo; x--) values[x - 1 - lo] = q === 0 ? 0 : (values[x - lo] * x) / ((n - x + 1) * odds);
  let mass = 0;
  for (let k = 0; k < values.length; k++) mass += values[k];
  return { lo, values, mass };
}

/**
 * The exact law of coordinate i of the Partially Synthetic chain (real data N samples of p, n
 * synthetic samples per generation), averaged over the real count r ~ Binomial(N, pi).
 * `threshold` (optional) gives the tail P(|p_i^(m) - p_i^(1)| >= threshold); for s = 2 tokens,
 * ||p^(m) - p^(1)||_1 = 2 |p_1^(m) - p_1^(1)|, so threshold = eps/2 gives the deviation probability.
 * Source: Eq (17) of the paper, one coordinate at a time.
 * @example coordinateChainLaw(0.5, 1, 1, 2).absDeviation; // => [0, 0, 0.25] (r in {0, 1}: |(r + Y)/2 - r| = 1/2 w.p. 1/2 given r... averaged)
 */
export function coordinateChainLaw(pi: number, N: number, n: number, M: number, threshold?: number): CoordinateChainLaw {
  checkProbability(pi, "pi");
  checkIntegerAtLeast(N, "N", 1);
  checkIntegerAtLeast(n, "n", 1);
  checkIntegerAtLeast(M, "M", 0);
  if (threshold !== undefined && !(checkFinite(threshold, "threshold") > 0)) throw new RangeError(`threshold must be > 0, got ${threshold}`);
  const total = N + n;
  const absDeviation = new Array<number>(M + 1).fill(0);
  const secondMoment = new Array<number>(M + 1).fill(0);
  const tail = threshold === undefined ? null : new Array<number>(M + 1).fill(0);
  // |N y - n r| >= t N (N + n) (1 - 1e-12) <=> |p_i^(m) - p_i^(1)| >= t (up to rounding of grid values)
  const cut = threshold === undefined ? Infinity : threshold * N * total * (1 - 1e-12);
  secondMoment[0] = pi * pi;
  let dropped = 0;
  const rows: (Row | undefined)[] = new Array(total + 1);
  const rowOf = (j: number): Row => (rows[j] ??= binomialRow(n, j, total));
  let v = new Float64Array(n + 1);
  let next = new Float64Array(n + 1);
  for (let r = 0; r <= N; r++) {
    const w = binomialPmf(r, N, pi, 1 - pi);
    if (w < REAL_CUTOFF) {
      dropped += w;
      continue;
    }
    const q1 = r / N;
    absDeviation[0] += w * Math.abs(pi - q1);
    if (M >= 1) secondMoment[1] += w * q1 * q1;
    if (M < 2) continue;
    const first = binomialRow(n, r, N);
    dropped += w * Math.max(0, 1 - first.mass);
    v.fill(0);
    v.set(first.values, first.lo);
    let vlo = first.lo;
    let vhi = first.lo + first.values.length - 1;
    for (let m = 2; m <= M; m++) {
      if (m > 2) {
        next.fill(0);
        let nlo = n;
        let nhi = 0;
        for (let y = vlo; y <= vhi; y++) {
          const vy = v[y];
          if (vy < STATE_CUTOFF) {
            dropped += w * vy;
            continue;
          }
          const row = rowOf(r + y);
          dropped += w * vy * Math.max(0, 1 - row.mass);
          const vals = row.values;
          for (let k = 0; k < vals.length; k++) next[row.lo + k] += vy * vals[k];
          if (row.lo < nlo) nlo = row.lo;
          if (row.lo + vals.length - 1 > nhi) nhi = row.lo + vals.length - 1;
        }
        const tmp = v;
        v = next;
        next = tmp;
        vlo = nlo;
        vhi = nhi;
      }
      let a = 0;
      let b = 0;
      let c = 0;
      for (let y = vlo; y <= vhi; y++) {
        const vy = v[y];
        if (vy === 0) continue;
        const dev = Math.abs(N * y - n * r);
        const q = (r + y) / total;
        a += vy * dev;
        b += vy * q * q;
        if (dev >= cut) c += vy;
      }
      absDeviation[m] += (w * a) / (N * total);
      secondMoment[m] += w * b;
      if (tail !== null) tail[m] += w * c;
    }
  }
  return { absDeviation, secondMoment, tail, dropped };
}
