import { describe, expect, it } from "vitest";
import { countPairs } from "./countPairs.ts";

describe("countPairs", () => {
  it("counts (context, next-token) pairs", () => {
    const t = countPairs([0, 1, 0, 1, 1], 2, 1);
    expect(t.contexts).toEqual([0, 1]);
    expect(t.counts.map((r) => Array.from(r))).toEqual([[0, 2], [1, 1]]);
    const u = countPairs([2, 0, 2], 3, 0);
    expect(u.contexts).toEqual([0]);
    expect(Array.from(u.counts[0])).toEqual([1, 0, 2]);
  });
  it("matches a direct count for l = 2", () => {
    const tokens = [0, 1, 2, 0, 1, 0, 0, 1, 2, 2, 1, 0, 1, 2];
    const t = countPairs(Int32Array.from(tokens), 3, 2);
    const direct = new Map<number, number[]>();
    for (let i = 2; i < tokens.length; i++) {
      const id = tokens[i - 2] * 3 + tokens[i - 1];
      const row = direct.get(id) ?? [0, 0, 0];
      row[tokens[i]]++;
      direct.set(id, row);
    }
    expect(t.contexts).toEqual([...direct.keys()].sort((a, b) => a - b));
    t.contexts.forEach((id, i) => expect(Array.from(t.counts[i])).toEqual(direct.get(id)));
    expect(t.counts.reduce((m, r) => m + r.reduce((a, b) => a + b, 0), 0)).toBe(tokens.length - 2);
  });
  it("has no pairs when the sequence is not longer than l", () => {
    expect(countPairs([1, 0], 2, 2).contexts).toEqual([]);
  });
  it("rejects bad input naming the parameter", () => {
    expect(() => countPairs([0, 2], 2, 1)).toThrow(/^tokens\[1\]/);
    expect(() => countPairs([0, 1], 2, -1)).toThrow(/^contextLength/);
    expect(() => countPairs([0, 1], 2.5, 1)).toThrow(/^s /);
  });
});
