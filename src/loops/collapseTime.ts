/**
 * The lean Fully Synthetic path for collapse-time studies (Figure 2): only T, no measures.
 * p^(m) | p^(m-1) ~ Multinomial(n, p^(m-1)) / n, with the live counts compacted in place after
 * every generation, so a generation costs O(live tokens) and allocates nothing.
 *
 * Stream-identical to `simulateRun` (same draws, same T): generations drawn by conditional
 * binomials (the method `multinomialOnSupport` picks for n >= 2 k) are done here on the compacted
 * integer counts without re-validating them, and the first binomial of such a generation,
 * Binomial(n, c_0 / n), uses a `binomialSampler` cached per c_0 (its setup done once per run
 * of a sampler instead of once per generation). Most generations of the Figure 2 workload have
 * 2 or 3 live tokens, so that first draw is most of the work.
 */
import { rngStreams, type Rng } from "../rng/index.ts";
import { BINOMIAL_MAX_N, binomialSampler, binomialUnchecked } from "../sample/binomial.ts";
import { chooseMultinomialMethod, multinomialOnSupport } from "../sample/multinomial.ts";
import { checkDistribution, checkIntegerAtLeast } from "../validate.ts";

/** Largest n for which the samplers of Binomial(n, c / n) are cached (one per c, built on first use). */
const FIRST_DRAW_CACHE_MAX_N = 1 << 16;

/**
 * A sampler of the Fully Synthetic collapse time T = inf{m >= 1 : ||p^(m)||_inf = 1} (Sect. 3,
 * Theorem 1), capped: it returns null if T > maxGenerations. Validates once.
 * @example const draw = collapseTimeSampler([0.5, 0.5], 10, 1e5); draw(createRng(1)); // => e.g. 9
 */
export function collapseTimeSampler(
  p0: ArrayLike<number>,
  n: number,
  maxGenerations: number,
): (rng: Rng) => number | null {
  const p = checkDistribution(p0, "p0");
  checkIntegerAtLeast(n, "n", 1);
  if (n > BINOMIAL_MAX_N) throw new RangeError(`n must be <= ${BINOMIAL_MAX_N}, got ${n}`);
  checkIntegerAtLeast(maxGenerations, "maxGenerations", 1);
  let k0 = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) k0++;
  const weights0 = new Float64Array(k0);
  for (let i = 0, j = 0; i < p.length; i++) if (p[i] > 0) weights0[j++] = p[i];
  const identity = new Int32Array(k0);
  for (let j = 0; j < k0; j++) identity[j] = j;
  const current = new Int32Array(k0);
  const next = new Int32Array(k0);
  const suffix = new Float64Array(k0);
  // firstDraw[c] draws Binomial(n, c / n), built on first use (for n <= FIRST_DRAW_CACHE_MAX_N).
  const firstDraw: Array<((rng: Rng) => number) | undefined> = new Array(n <= FIRST_DRAW_CACHE_MAX_N ? n + 1 : 0);

  /**
   * Multinomial(n, counts[0..k) / n) into out[0..k) by conditional binomials, for positive
   * integer counts summing to n: the arithmetic of multinomialOnSupport's binomial method.
   */
  const conditionalCounts = (rng: Rng, counts: Int32Array, k: number, out: Int32Array): void => {
    let sum = 0;
    for (let j = k - 1; j >= 0; j--) {
      sum += counts[j];
      suffix[j] = sum;
    }
    const last = k - 1;
    const c0 = counts[0];
    let x: number;
    if (n <= FIRST_DRAW_CACHE_MAX_N) x = (firstDraw[c0] ?? (firstDraw[c0] = binomialSampler(n, c0 / n)))(rng);
    else x = binomialUnchecked(rng, n, c0 / n);
    out[0] = x;
    let rest = n - x;
    let j = 1;
    for (; j < last && rest > 0; j++) {
      x = binomialUnchecked(rng, rest, counts[j] / suffix[j]);
      out[j] = x;
      rest -= x;
    }
    if (j === last) out[j++] = rest;
    for (; j < k; j++) out[j] = 0;
  };

  return (rng) => {
    multinomialOnSupport(rng, n, weights0, identity, k0, current);
    let k = compact(current, current, k0);
    for (let m = 1; ; m++) {
      if (k === 1) return m;
      if (m === maxGenerations) return null;
      if (chooseMultinomialMethod(n, k) === "binomial") conditionalCounts(rng, current, k, next);
      else multinomialOnSupport(rng, n, current, identity, k, next);
      k = compact(next, current, k);
    }
  };
}

/** Copies the positive entries of from[0..k) to the front of to, in order; returns how many. */
function compact(from: Int32Array, to: Int32Array, k: number): number {
  let w = 0;
  for (let j = 0; j < k; j++) {
    const c = from[j];
    if (c > 0) to[w++] = c;
  }
  return w;
}

/**
 * One Fully Synthetic collapse time T, or null if T > maxGenerations.
 * @example collapseTime(createRng(1), [0.5, 0.5], 10, 1e5); // => e.g. 9
 */
export function collapseTime(rng: Rng, p0: ArrayLike<number>, n: number, maxGenerations: number): number | null {
  return collapseTimeSampler(p0, n, maxGenerations)(rng);
}

/**
 * T for `runs` independent runs, run r on stream r of seed (as simulateRuns), so the Figure 2
 * workload is `collapseTimes(seed, p, n, 100, cap)` per n.
 * @example collapseTimes(1, [0.5, 0.5], 10, 3, 1e5); // => e.g. [9, 14, 6]
 */
export function collapseTimes(
  seed: number,
  p0: ArrayLike<number>,
  n: number,
  runs: number,
  maxGenerations: number,
): (number | null)[] {
  const draw = collapseTimeSampler(p0, n, maxGenerations);
  return rngStreams(seed, runs).map((rng) => draw(rng));
}
