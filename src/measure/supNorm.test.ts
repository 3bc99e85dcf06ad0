import { describe, expect, it } from "vitest";
import { sparseFromDense } from "./sparseCounts.ts";
import { supNorm, supNormOfCounts } from "./supNorm.ts";

describe("supNorm", () => {
  it("is the largest entry", () => {
    expect(supNorm([0.2, 0.7, 0.1])).toBe(0.7);
    expect(supNormOfCounts(sparseFromDense([3, 1]))).toBe(0.75);
  });
  it("is exactly 1 for a Dirac of counts and below 1 otherwise", () => {
    expect(supNormOfCounts(sparseFromDense([0, 13]))).toBe(1);
    expect(supNormOfCounts(sparseFromDense([1, 1e6]))).toBeLessThan(1);
  });
});
