import { describe, expect, it } from "vitest";
import { isCollapsed, isCollapsedCounts } from "./isCollapsed.ts";
import { sparseFromDense } from "./sparseCounts.ts";

describe("isCollapsed", () => {
  it("is true exactly at a Dirac mass", () => {
    expect(isCollapsed([0, 1, 0])).toBe(true);
    expect(isCollapsed([1e-15, 1 - 1e-15])).toBe(false);
    expect(isCollapsedCounts(sparseFromDense([0, 0, 9]))).toBe(true);
    expect(isCollapsedCounts(sparseFromDense([1, 9]))).toBe(false);
  });
});
