import { describe, expect, it } from "vitest";
import { uniform } from "./uniform.ts";
import { withSupport } from "./withSupport.ts";

describe("uniform", () => {
  it("is normalised on its support", () => {
    const p = uniform(600, 52);
    expect(p.length).toBe(600);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    expect(p[51]).toBe(1 / 52);
    expect(p[52]).toBe(0);
    expect(Array.from(uniform(3))).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });
  it("rejects bad input naming the parameter", () => {
    expect(() => uniform(3, 4)).toThrow(/^support/);
    expect(() => uniform(3, 0)).toThrow(/^support/);
    expect(() => uniform(Number.NaN)).toThrow(TypeError);
    expect(() => uniform(Number.NaN)).toThrow(/^s /);
  });
});

describe("withSupport", () => {
  it("pads with zeros", () => {
    expect(Array.from(withSupport([0.5, 0.5], 4))).toEqual([0.5, 0.5, 0, 0]);
    expect(() => withSupport([0.5, 0.5], 1)).toThrow(/^support/);
  });
});
