import { describe, expect, it } from "vitest";
import { createRng } from "../../rng/index.ts";
import { thinIndices } from "./thinIndices.ts";

describe("thinIndices", () => {
  it("keeps every point of a short line", () => {
    expect(thinIndices([0, 1, 2], [5, 6, 7], 3)).toEqual([0, 1, 2]);
    expect(thinIndices([], [], 10)).toEqual([]);
  });

  it("returns exactly maxPoints increasing indices with both ends, and keeps a lone spike", () => {
    const n = 10_000;
    const x = Array.from({ length: n }, (_, i) => i);
    const y = x.map((i) => (i === 6_543 ? 100 : Math.sin(i / 300)));
    const idx = thinIndices(x, y, 500);
    expect(idx).toHaveLength(500);
    expect(idx[0]).toBe(0);
    expect(idx[499]).toBe(n - 1);
    for (let j = 1; j < idx.length; j++) expect(idx[j]).toBeGreaterThan(idx[j - 1]);
    expect(idx).toContain(6_543);
  });

  it("is deterministic and keeps the extremes of a random walk", () => {
    const rng = createRng(11);
    const y = [0];
    for (let i = 1; i < 5000; i++) y.push(y[i - 1] + rng.uniform() - 0.5);
    const x = y.map((_, i) => i);
    const a = thinIndices(x, y, 200);
    expect(thinIndices(x, y, 200)).toEqual(a);
    const kept = a.map((i) => y[i]);
    expect(Math.max(...kept)).toBe(Math.max(...y));
    expect(Math.min(...kept)).toBe(Math.min(...y));
  });

  it("matches the example of its doc comment", () => {
    expect(thinIndices([0, 1, 2, 3, 4], [0, 5, 0, 0, 0], 3)).toEqual([0, 1, 4]);
  });

  it("rejects bad input", () => {
    expect(() => thinIndices([0, 1], [0], 3)).toThrow(/^y/);
    expect(() => thinIndices([0], [0], 2)).toThrow(/^maxPoints/);
  });
});
