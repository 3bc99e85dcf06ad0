import { describe, expect, it } from "vitest";
import { compositionCount, createCompositionIndex } from "./compositions.ts";

function listOf(n: number, k: number): string[] {
  const idx = createCompositionIndex(n, k);
  const out: string[] = [];
  for (let j = 0; j < idx.count; j++) out.push(Array.from(idx.states.subarray(j * k, j * k + k)).join(","));
  return out;
}

describe("compositions", () => {
  it("counts C(n+k-1, k-1)", () => {
    expect(compositionCount(4, 3)).toBe(15);
    expect(compositionCount(60, 3)).toBe(1891);
    expect(compositionCount(2000, 2)).toBe(2001);
    expect(compositionCount(0, 3)).toBe(1);
    expect(compositionCount(5, 1)).toBe(1);
    expect(compositionCount(0, 0)).toBe(1);
    expect(compositionCount(3, 0)).toBe(0);
    expect(compositionCount(30, 10)).toBe(211915132);
  });

  it("lists the compositions of 2 into 2 parts in lexicographic order", () => {
    expect(listOf(2, 2)).toEqual(["0,2", "1,1", "2,0"]);
    expect(listOf(3, 3).slice(0, 4)).toEqual(["0,0,3", "0,1,2", "0,2,1", "0,3,0"]);
  });

  it("enumerates every composition once, sorted, and rank inverts the listing", () => {
    for (const [n, k] of [[0, 1], [0, 4], [1, 1], [5, 1], [6, 2], [7, 3], [5, 4], [4, 6]]) {
      const idx = createCompositionIndex(n, k);
      expect(idx.count).toBe(compositionCount(n, k));
      const rows = listOf(n, k);
      expect(new Set(rows).size).toBe(rows.length);
      const key = (r: string) => r.split(",").map((v) => String(v).padStart(3, "0")).join(",");
      expect([...rows].sort((a, b) => (key(a) < key(b) ? -1 : 1))).toEqual(rows);
      for (let j = 0; j < idx.count; j++) {
        const x = idx.states.subarray(j * k, j * k + k);
        expect(x.reduce((a, b) => a + b, 0)).toBe(n);
        expect(idx.rank(x)).toBe(j);
        expect(idx.rank(idx.states, j * k)).toBe(j);
      }
    }
  });
});
