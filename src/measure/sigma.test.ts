import { describe, expect, it } from "vitest";
import { sigma, sigmaOfCounts } from "./sigma.ts";
import { sparseFromDense } from "./sparseCounts.ts";

describe("sigma", () => {
  it("is 1/s for uniform and 1 at a Dirac", () => {
    expect(sigma([0.25, 0.25, 0.25, 0.25])).toBe(0.25);
    expect(sigma([0, 1, 0])).toBe(1);
  });
  it("on counts equals sum c^2 / total^2, exactly 1 at a Dirac", () => {
    expect(sigmaOfCounts(sparseFromDense([3, 1]))).toBe(10 / 16);
    expect(sigmaOfCounts(sparseFromDense([0, 0, 7, 0]))).toBe(1);
    expect(sigmaOfCounts(sparseFromDense([1, 2, 3, 0, 4]))).toBeCloseTo(sigma([0.1, 0.2, 0.3, 0, 0.4]), 15);
  });
});
