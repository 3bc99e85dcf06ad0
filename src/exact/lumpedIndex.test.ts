import { describe, expect, it } from "vitest";
import { createLumpedIndex } from "./lumpedIndex.ts";
import { partitionCount } from "./stateSpaceLimit.ts";

describe("createLumpedIndex", () => {
  it("fixed = 0 over all compositions gives the partitions of n into at most k parts", () => {
    const idx = createLumpedIndex(4, 3, 0, false);
    expect(idx.count).toBe(4);
    const reps = [];
    for (let c = 0; c < idx.count; c++) reps.push(Array.from(idx.representatives.subarray(c * 3, c * 3 + 3)).join(""));
    expect(reps.sort()).toEqual(["211", "220", "310", "400"]);
    for (const [n, k] of [[10, 3], [12, 4], [7, 7]]) {
      let expected = 0;
      for (let j = 1; j <= k; j++) expected += partitionCount(n, j);
      expect(createLumpedIndex(n, k, 0, false).count).toBe(expected);
    }
  });

  it("fixed = 1 over positive compositions keeps the first count and sorts the rest", () => {
    const n = 9;
    const k = 3;
    const idx = createLumpedIndex(n, k, 1, true);
    let expected = 0;
    for (let y1 = 1; y1 <= n - 2; y1++) expected += partitionCount(n - y1, 2);
    expect(idx.count).toBe(expected);
    for (let c = 0; c < idx.count; c++) {
      const r = Array.from(idx.representatives.subarray(c * k, c * k + k));
      expect(r.every((v) => v >= 1)).toBe(true);
      expect(r[1]).toBeGreaterThanOrEqual(r[2]);
      expect(idx.classOf(r)).toBe(c);
    }
    expect(idx.classOf([2, 3, 4])).toBe(idx.classOf([2, 4, 3]));
    expect(idx.classOf([2, 3, 4])).not.toBe(idx.classOf([3, 2, 4]));
  });

  it("maps every composition to the class of its canonical form", () => {
    const idx = createLumpedIndex(8, 4, 1, false);
    const base = idx.base;
    for (let j = 0; j < base.count; j++) {
      const x = Array.from(base.states.subarray(j * 4, j * 4 + 4));
      const canon = [x[0], ...x.slice(1).sort((a, b) => b - a)];
      expect(idx.classOf(x)).toBe(idx.classOf(canon));
      expect(idx.classOfBase[j]).toBe(idx.classOf(x));
    }
  });
});
