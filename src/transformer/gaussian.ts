/**
 * Standard normal draws from the project's generator (Box-Muller), so that initial weights are
 * the same on every backend and governed by the run's seed.
 */
import type { Rng } from "../rng/index.ts";

/**
 * `count` independent N(0, std^2) draws as float32.
 * Box-Muller: sqrt(-2 ln u1) (cos, sin)(2 pi u2), with u1 in (0, 1].
 * @example gaussianArray(createRng(1), 4, 0.02).length; // => 4
 */
export function gaussianArray(rng: Rng, count: number, std: number): Float32Array {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - rng.uniform())) * std;
    const theta = 2 * Math.PI * rng.uniform();
    out[i] = r * Math.cos(theta);
    if (i + 1 < count) out[i + 1] = r * Math.sin(theta);
  }
  return out;
}
