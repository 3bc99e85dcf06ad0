/** fast-check arbitraries shared by the property files. */
import fc from "fast-check";

/**
 * A probability vector over minTokens..maxTokens tokens, some of them zero: integer weights in
 * 1..maxWeight (or 0) normalised, the last positive entry set to 1 minus the others so the sum is
 * 1 in floating point. Not on any 1/n grid in general.
 * @example fc.sample(distributionArbitrary({ minTokens: 2, maxTokens: 4, maxWeight: 1000 }), 1)[0]; // => e.g. [0.3, 0, 0.7]
 */
export function distributionArbitrary(o: { minTokens: number; maxTokens: number; maxWeight: number }): fc.Arbitrary<number[]> {
  return fc
    .array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: o.maxWeight })), { minLength: o.minTokens, maxLength: o.maxTokens })
    .filter((w) => w.some((x) => x > 0))
    .map((w) => {
      const sum = w.reduce((a, b) => a + b, 0);
      const p = w.map((x) => x / sum);
      let last = p.length - 1;
      while (p[last] === 0) last--;
      p[last] = 0;
      p[last] = 1 - p.reduce((a, b) => a + b, 0);
      return p;
    });
}
