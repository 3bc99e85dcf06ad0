import { describe, expect, it } from "vitest";
import { denseCountsFromSparse, denseFromSparse, sparseFromDense } from "./sparseCounts.ts";

describe("sparse counts", () => {
  it("drops zeros and keeps the order of tokens", () => {
    const m = sparseFromDense([0, 3, 0, 1]);
    expect(Array.from(m.ids)).toEqual([1, 3]);
    expect(Array.from(m.counts)).toEqual([3, 1]);
    expect(m.k).toBe(2);
    expect(m.total).toBe(4);
  });
  it("round-trips to dense counts and probabilities", () => {
    const m = sparseFromDense([0, 3, 0, 1]);
    expect(Array.from(denseCountsFromSparse(m, 4))).toEqual([0, 3, 0, 1]);
    expect(Array.from(denseFromSparse(m, 4))).toEqual([0, 0.75, 0, 0.25]);
  });
  it("ignores spare capacity beyond k", () => {
    const m = { ids: new Int32Array([2, 0, 1]), counts: new Int32Array([5, 9, 9]), k: 1, total: 5 };
    expect(Array.from(denseFromSparse(m, 3))).toEqual([0, 0, 1]);
  });
});
