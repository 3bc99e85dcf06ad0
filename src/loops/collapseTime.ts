/**
 * The lean Fully Synthetic path for collapse-time studies (Figure 2): only T, no measures, nothing
 * allocated per generation. Two exact methods, the same law of T, different draws:
 *
 * "chain" (default) simulates p^(m) | p^(m-1) ~ Multinomial(n, p^(m-1)) / n on the live counts,
 * compacted after every generation (dead tokens are never visited again). Generation 1 is
 * `multinomialOnSupport` on p0. Afterwards, while `chooseMultinomialMethod(n, k)` says
 * "categorical" (n < 2k for k < 128 live tokens, n < 4k above) a generation is
 * `multinomialOnSupport` on the counts; otherwise conditional binomials on the counts with the
 * largest first, X_0 ~ Binomial(n, c_0 / n) from a tabulated `CountBinomialSampler` (n <= 1024),
 * then X_j ~ Binomial(rest, c_j / (c_j + ... + c_{k-1})) by `countRatioBinomial` (integer
 * parameters: tabulated logarithms, inversion up to a mean of 20; `binomialAt` for n > 1024), the
 * second largest last taking what is left. With two live tokens a generation is one table draw
 * c <- Binomial(n, c / n).
 *
 * "fixing-token" follows only the token that takes over. Exactly one token fixes, token i with
 * probability p0_i (c_i(m) / n is a bounded martingale), and collapse is the moment its count
 * reaches n. Given that i fixes, its count is the Wright-Fisher chain conditioned on fixation,
 * P(c -> c') = Bin(n, c / n)(c') c' / c = Bin(n - 1, c / n)(c' - 1) (Doob h-transform with
 * h(c) = c / n; the size-biased binomial), and c_i(1) = 1 + Bin(n - 1, p0_i). So
 * T = inf{m >= 1 : c_m = n} for I ~ p0, c_1 = 1 + Bin(n - 1, p0_I), c_{m+1} = 1 + Bin(n - 1, c_m / n):
 * one table draw per generation whatever the support. Check: P(T = 1) = sum_i p0_i p0_i^(n-1).
 * Source: the Wright-Fisher chain conditioned on fixation (Doob h-transform; e.g. Ewens 2004,
 * Mathematical Population Genetics I, Ch. 3); checked against the exact law of T (collapseLaw).
 */
import { eachRngStream, type Rng } from "../rng/index.ts";
import { BINOMIAL_MAX_N, binomialAt } from "../sample/binomial.ts";
import { chooseMultinomialMethod, multinomialOnSupport } from "../sample/multinomial.ts";
import { checkChoice, checkDistribution, checkIntegerAtLeast } from "../validate.ts";
import { COUNT_RATIO_MAX, countRatioBinomial } from "./countRatioBinomial.ts";
import { COUNT_BINOMIAL_MAX_N, countBinomialSampler, type CountBinomialSampler } from "./countBinomialSampler.ts";

/** How `collapseTimeSampler` draws T (the same law either way; see the module comment). */
export type CollapseTimeMethod = "chain" | "fixing-token";

/** The methods of `collapseTimeSampler`. */
export const COLLAPSE_TIME_METHODS: readonly CollapseTimeMethod[] = ["chain", "fixing-token"];

/**
 * A sampler of the Fully Synthetic collapse time T = inf{m >= 1 : ||p^(m)||_inf = 1} (Sect. 3,
 * Theorem 1), capped: it returns null if T > maxGenerations. Validates once; the binomial tables
 * are shared by the samplers of the same n (not reentrant: one sampler per thread).
 * @example const draw = collapseTimeSampler([0.5, 0.5], 10, 1e5); draw(createRng(1)); // => e.g. 9
 */
export function collapseTimeSampler(
  p0: ArrayLike<number>,
  n: number,
  maxGenerations: number,
  method: CollapseTimeMethod = "chain",
): (rng: Rng) => number | null {
  const p = checkDistribution(p0, "p0");
  checkIntegerAtLeast(n, "n", 1);
  if (n > BINOMIAL_MAX_N) throw new RangeError(`n must be <= ${BINOMIAL_MAX_N}, got ${n}`);
  checkIntegerAtLeast(maxGenerations, "maxGenerations", 1);
  checkChoice(method, "method", COLLAPSE_TIME_METHODS);
  let k0 = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) k0++;
  const weights0 = new Float64Array(k0);
  for (let i = 0, j = 0; i < p.length; i++) if (p[i] > 0) weights0[j++] = p[i];
  return method === "chain" ? chainSampler(weights0, n, maxGenerations) : fixingTokenSampler(weights0, n, maxGenerations);
}

/** Binomial(trials, c / n) for 0 < c < n: by the shared table when n is small enough. */
function countDraw(trials: number, n: number): (rng: Rng, c: number) => number {
  const table: CountBinomialSampler | null = n >= 2 && n <= COUNT_BINOMIAL_MAX_N ? countBinomialSampler(trials, n) : null;
  // The probability goes in an array: a double argument of a call V8 does not inline is boxed.
  const prob = new Float64Array(1);
  return (rng, c) => {
    if (table !== null) return table.draw(rng, c);
    prob[0] = c / n;
    return binomialAt(rng, trials, prob, 0);
  };
}

/** The "chain" method on the positive weights of p0. */
function chainSampler(weights0: Float64Array, n: number, maxGenerations: number): (rng: Rng) => number | null {
  const k0 = weights0.length;
  const identity = new Int32Array(k0);
  for (let j = 0; j < k0; j++) identity[j] = j;
  const counts = new Int32Array(k0);
  const next = new Int32Array(k0);
  const resampled = countDraw(n, n);
  const prob = new Float64Array(1);
  const integer = n <= COUNT_RATIO_MAX;

  /**
   * Multinomial(n, counts[0..k) / n) into next[0..k), for positive integer counts summing to n,
   * by conditional binomials (k >= 3).
   */
  const conditionalCounts = (rng: Rng, k: number): void => {
    let x = resampled(rng, counts[0]);
    next[0] = x;
    let rest = n - x;
    let weight = n - counts[0];
    const last = k - 1;
    let j = 1;
    for (; j < last && rest > 0; j++) {
      const c = counts[j];
      if (integer) {
        x = countRatioBinomial(rng, rest, c, weight);
      } else {
        prob[0] = c / weight;
        x = binomialAt(rng, rest, prob, 0);
      }
      next[j] = x;
      rest -= x;
      weight -= c;
    }
    if (j === last) next[j++] = rest;
    for (; j < k; j++) next[j] = 0;
  };

  return (rng) => {
    multinomialOnSupport(rng, n, weights0, identity, k0, counts);
    let k = compactLargestFirst(counts, counts, k0);
    for (let m = 1; ; m++) {
      if (k === 1) return m;
      if (m === maxGenerations) return null;
      if (k === 2) {
        // Generation m has two live tokens, c and n - c, and m < maxGenerations.
        let c = counts[0];
        for (;;) {
          c = resampled(rng, c);
          m++;
          if (c === 0 || c === n) return m;
          if (m === maxGenerations) return null;
        }
      }
      if (chooseMultinomialMethod(n, k) === "binomial") conditionalCounts(rng, k);
      else multinomialOnSupport(rng, n, counts, identity, k, next);
      k = compactLargestFirst(next, counts, k);
    }
  };
}

/** The "fixing-token" method on the positive weights of p0. */
function fixingTokenSampler(weights0: Float64Array, n: number, maxGenerations: number): (rng: Rng) => number | null {
  const k0 = weights0.length;
  const cumulative = new Float64Array(k0);
  let total = 0;
  for (let j = 0; j < k0; j++) cumulative[j] = total += weights0[j];
  const resampled = countDraw(n - 1, n);
  const prob = new Float64Array(1);
  return (rng) => {
    // I ~ p0 (the first j with u < cumulative[j]), then c_1 = 1 + Bin(n - 1, p0_I).
    const u = rng.uniform() * total;
    let lo = 0;
    let hi = k0 - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (u < cumulative[mid]) hi = mid;
      else lo = mid + 1;
    }
    prob[0] = weights0[lo] / total;
    let c = 1 + binomialAt(rng, n - 1, prob, 0);
    for (let m = 1; ; m++) {
      if (c === n) return m;
      if (m === maxGenerations) return null;
      c = 1 + resampled(rng, c);
    }
  };
}

/**
 * Copies the positive entries of from[0..k) to the front of to (from may be to), then moves the
 * largest to the front and the second largest to the back; returns how many. One pass.
 */
function compactLargestFirst(from: Int32Array, to: Int32Array, k: number): number {
  let w = 0;
  let top = -1;
  let second = -1;
  for (let j = 0; j < k; j++) {
    const c = from[j];
    if (c > 0) {
      to[w] = c;
      if (top < 0 || c > to[top]) {
        second = top;
        top = w;
      } else if (second < 0 || c > to[second]) {
        second = w;
      }
      w++;
    }
  }
  if (w < 2) return w;
  swap(to, 0, top);
  if (second === 0) second = top;
  if (w >= 3) swap(to, w - 1, second);
  return w;
}

function swap(a: Int32Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/**
 * One Fully Synthetic collapse time T, or null if T > maxGenerations.
 * @example collapseTime(createRng(1), [0.5, 0.5], 10, 1e5); // => e.g. 9
 */
export function collapseTime(
  rng: Rng,
  p0: ArrayLike<number>,
  n: number,
  maxGenerations: number,
  method: CollapseTimeMethod = "chain",
): number | null {
  return collapseTimeSampler(p0, n, maxGenerations, method)(rng);
}

/**
 * T for `runs` independent runs, run r on stream r of seed (as simulateRuns), so the Figure 2
 * workload is `collapseTimes(seed, p, n, 100, cap)` per n.
 * @example collapseTimes(1, [0.5, 0.5], 10, 3, 1e5, "fixing-token"); // => e.g. [9, 14, 6]
 */
export function collapseTimes(
  seed: number,
  p0: ArrayLike<number>,
  n: number,
  runs: number,
  maxGenerations: number,
  method: CollapseTimeMethod = "chain",
): (number | null)[] {
  const draw = collapseTimeSampler(p0, n, maxGenerations, method);
  return Array.from(eachRngStream(seed, runs), (rng) => draw(rng));
}
