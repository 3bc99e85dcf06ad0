/** Test support: a generator that returns the given uniforms in turn, to probe inversions exactly. */
import type { Rng } from "./index.ts";

/**
 * An `Rng` whose uniform() returns `values` in order (undefined after the last); the other methods are inert.
 * @example fixedUniforms([0.25, 0.5]).uniform(); // => 0.25
 */
export function fixedUniforms(values: number[]): Rng {
  let i = 0;
  const rng: Rng = {
    uniform: () => values[i++],
    uint32: () => 0,
    clone: () => rng,
    jump: () => {},
    state: () => [],
  };
  return rng;
}
