import { describe, expect, it } from "vitest";
import { createCompositionIndex } from "./compositions.ts";
import { multivariateHypergeometricPmf } from "./multivariateHypergeometricPmf.ts";

/** C(a, b) in exact integer arithmetic (BigInt). */
function choose(a: number, b: number): bigint {
  if (b < 0 || b > a) return 0n;
  let c = 1n;
  for (let i = 1; i <= b; i++) c = (c * BigInt(a - b + i)) / BigInt(i);
  return c;
}

describe("multivariateHypergeometricPmf", () => {
  it("equals prod C(K_i, x_i) / C(N, n) computed in integers", () => {
    const K = [5, 0, 3, 2];
    const n = 4;
    const idx = createCompositionIndex(n, K.length);
    let total = 0;
    for (let c = 0; c < idx.count; c++) {
      const x = Array.from(idx.states.subarray(c * K.length, (c + 1) * K.length));
      let num = 1n;
      for (let i = 0; i < K.length; i++) num *= choose(K[i], x[i]);
      const exact = Number(num) / Number(choose(10, n));
      const got = multivariateHypergeometricPmf(x, K);
      expect(Math.abs(got - exact)).toBeLessThanOrEqual(1e-14 * Math.max(exact, 1e-300));
      total += got;
    }
    expect(total).toBeCloseTo(1, 13);
  });

  it("has the simple values and rejects bad input", () => {
    expect(multivariateHypergeometricPmf([1, 1], [2, 2])).toBeCloseTo(2 / 3, 15);
    expect(multivariateHypergeometricPmf([3, 0], [2, 2])).toBe(0);
    expect(() => multivariateHypergeometricPmf([5, 0], [2, 2])).toThrow(RangeError);
    expect(() => multivariateHypergeometricPmf([1], [2, 2])).toThrow(RangeError);
  });
});
