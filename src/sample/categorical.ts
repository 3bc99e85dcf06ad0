/**
 * Categorical(p) variates: P(X = i) = p_i. `categorical` draws once by inversion (O(s));
 * `categoricalSampler` builds Walker's alias table (Vose's O(s) construction) once and then draws
 * in O(1) from one uniform. Sources: Walker (1977); Vose (1991), IEEE TSE 17(9).
 * @example categorical(createRng(1), [0, 1, 0]); // => 1
 */
import type { Rng } from "../rng/index.ts";
import { checkDistribution } from "../validate.ts";

/**
 * One draw from the probability vector p (validated: entries >= 0, sum 1 within 1e-12).
 * @example categorical(createRng(1), [0.5, 0.5]); // => 0 or 1
 */
export function categorical(rng: Rng, p: ArrayLike<number>): number {
  const probs = checkDistribution(p, "p");
  const s = probs.length;
  let last = s - 1;
  while (probs[last] === 0) last--;
  const u = rng.uniform();
  let cum = 0;
  for (let i = 0; i < last; i++) {
    cum += probs[i];
    if (u < cum) return i;
  }
  return last;
}

/**
 * A Categorical(p) sampler with an alias table: i = floor(U s), return i if frac(U s) < prob_i,
 * else alias_i. Zero-probability entries are never returned.
 * @example const draw = categoricalSampler([0.2, 0.8]); draw(createRng(1)); // => 0 or 1
 */
export function categoricalSampler(p: ArrayLike<number>): (rng: Rng) => number {
  const probs = checkDistribution(p, "p");
  const { prob, alias } = aliasTable(probs);
  const s = probs.length;
  return (rng) => {
    const x = rng.uniform() * s;
    const i = Math.floor(x);
    return x - i < prob[i] ? i : alias[i];
  };
}

/** Vose's alias table for a probability vector (entries >= 0, positive sum). */
export function aliasTable(probs: Float64Array): { prob: Float64Array; alias: Int32Array } {
  const s = probs.length;
  let total = 0;
  let best = 0;
  for (let i = 0; i < s; i++) {
    total += probs[i];
    if (probs[i] > probs[best]) best = i;
  }
  const prob = new Float64Array(s);
  const alias = new Int32Array(s);
  const scaled = new Float64Array(s);
  const small = new Int32Array(s);
  const large = new Int32Array(s);
  let ns = 0;
  let nl = 0;
  for (let i = 0; i < s; i++) {
    scaled[i] = (probs[i] * s) / total;
    if (scaled[i] < 1) small[ns++] = i;
    else large[nl++] = i;
  }
  while (ns > 0 && nl > 0) {
    const l = small[--ns];
    const g = large[nl - 1];
    prob[l] = scaled[l];
    alias[l] = g;
    scaled[g] = scaled[g] + scaled[l] - 1;
    if (scaled[g] < 1) {
      nl--;
      small[ns++] = g;
    }
  }
  while (nl > 0) {
    const g = large[--nl];
    prob[g] = 1;
    alias[g] = g;
  }
  // Left over only through rounding: keep true zeros unreachable.
  while (ns > 0) {
    const l = small[--ns];
    prob[l] = probs[l] > 0 ? 1 : 0;
    alias[l] = probs[l] > 0 ? l : best;
  }
  return { prob, alias };
}
