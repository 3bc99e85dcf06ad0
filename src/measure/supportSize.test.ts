import { describe, expect, it } from "vitest";
import { sparseFromDense } from "./sparseCounts.ts";
import { supportSize, supportSizeOfCounts } from "./supportSize.ts";

describe("supportSize", () => {
  it("counts positive entries", () => {
    expect(supportSize([0, 0.3, 0.7, 0])).toBe(2);
    expect(supportSize([1e-300, 1 - 1e-300])).toBe(2);
  });
  it("on counts ignores zero entries left inside k", () => {
    const m = { ids: new Int32Array([0, 1, 2]), counts: new Int32Array([2, 0, 1]), k: 3, total: 3 };
    expect(supportSizeOfCounts(m)).toBe(2);
    expect(supportSizeOfCounts(sparseFromDense([0, 3, 0, 1]))).toBe(2);
  });
});
