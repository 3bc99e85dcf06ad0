import { describe, expect, it } from "vitest";
import { zipf } from "./zipf.ts";

describe("zipf", () => {
  it("is normalised and proportional to (i+1)^-a on its support", () => {
    const p = zipf(3, 1);
    expect(p[0]).toBeCloseTo(6 / 11, 15);
    expect(p[1]).toBeCloseTo(3 / 11, 15);
    expect(p[2]).toBeCloseTo(2 / 11, 15);
    for (const [s, a, k] of [[600, 1.2, 52], [65, 0.5, 65], [10000, 2, 10000]]) {
      const q = zipf(s, a, k);
      expect(q.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 13);
      expect(q[1] / q[0]).toBeCloseTo(2 ** -a, 13);
      expect(q.filter((v) => v > 0).length).toBe(k);
    }
  });
  it("rejects bad input naming the parameter", () => {
    expect(() => zipf(10, 0)).toThrow(RangeError);
    expect(() => zipf(10, 0)).toThrow(/^a /);
    expect(() => zipf(10, -1)).toThrow(/^a /);
    expect(() => zipf(10, Number.NaN)).toThrow(TypeError);
    expect(() => zipf(10, 1, 11)).toThrow(/^support/);
  });
});
