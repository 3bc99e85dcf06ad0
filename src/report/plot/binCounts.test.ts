import { describe, expect, it } from "vitest";
import { createRng } from "../../rng/index.ts";
import { binCounts } from "./binCounts.ts";

describe("binCounts", () => {
  it("matches its doc example (last bin closed on the right)", () => {
    expect(binCounts([1, 2, 2, 3], { bins: 2 })).toEqual({ edges: [1, 2, 3], counts: [1, 3] });
  });

  it("counts every finite value exactly once, each in the bin that contains it", () => {
    const rng = createRng(3);
    const values = Array.from({ length: 2000 }, () => Math.floor(rng.uniform() * 500) / 7);
    values.push(NaN, Infinity);
    const { edges, counts } = binCounts(values, { bins: 17 });
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2000);
    for (let k = 0; k < counts.length; k++) {
      const inBin = values.filter((v) => v >= edges[k] && (k === counts.length - 1 ? v <= edges[k + 1] : v < edges[k + 1])).length;
      expect(counts[k]).toBe(inBin);
    }
  });

  it("steps by binWidth from the start of the extent and leaves out values outside it", () => {
    const { edges, counts } = binCounts([0, 1, 2, 3, 4, 5, 10], { binWidth: 2, extent: [0, 6] });
    expect(edges).toEqual([0, 2, 4, 6]);
    expect(counts).toEqual([2, 2, 2]);
  });

  it("handles equal values and no values", () => {
    expect(binCounts([7, 7, 7], { bins: 1 })).toEqual({ edges: [6.5, 7.5], counts: [3] });
    expect(binCounts([], {})).toEqual({ edges: [0, 1], counts: [0] });
  });

  it("rejects bad options", () => {
    expect(() => binCounts([1, 2], { bins: 0 })).toThrow(/^bins/);
    expect(() => binCounts([1, 2], { binWidth: -1 })).toThrow(/^binWidth/);
    expect(() => binCounts([1, 2], { extent: [2, 1] })).toThrow(/^extent/);
  });
});
