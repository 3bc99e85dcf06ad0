/**
 * The lean Fully Synthetic path for collapse-time studies (Figure 2): only T, no measures.
 * p^(m) | p^(m-1) ~ Multinomial(n, p^(m-1)) / n, with the live counts compacted in place after
 * every generation, so a generation costs O(live tokens) and allocates nothing.
 */
import { rngStreams, type Rng } from "../rng/index.ts";
import { BINOMIAL_MAX_N } from "../sample/binomial.ts";
import { multinomialOnSupport } from "../sample/multinomial.ts";
import { checkDistribution, checkIntegerAtLeast } from "../validate.ts";

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
  return (rng) => {
    multinomialOnSupport(rng, n, weights0, identity, k0, current);
    let k = compact(current, current, k0);
    for (let m = 1; ; m++) {
      if (k === 1) return m;
      if (m === maxGenerations) return null;
      multinomialOnSupport(rng, n, current, identity, k, next);
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
