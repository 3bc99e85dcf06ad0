import { describe, expect, it } from "vitest";
import { entropy, entropyOfCounts } from "./entropy.ts";
import { sparseFromDense } from "./sparseCounts.ts";

describe("entropy", () => {
  it("is ln s for uniform, 0 at a Dirac, and skips zeros", () => {
    expect(entropy([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(Math.log(4), 15);
    expect(entropy([0, 1, 0])).toBe(0);
    expect(entropyOfCounts(sparseFromDense([0, 4]))).toBe(0);
  });
  it("on counts equals the dense value", () => {
    const h = -(0.1 * Math.log(0.1) + 0.2 * Math.log(0.2) + 0.3 * Math.log(0.3) + 0.4 * Math.log(0.4));
    expect(entropyOfCounts(sparseFromDense([1, 0, 2, 3, 4]))).toBeCloseTo(h, 14);
  });
});
