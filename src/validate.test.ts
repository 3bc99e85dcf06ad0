import { describe, expect, it } from "vitest";
import { checkChoice, checkDistribution, checkIntegerAtLeast, checkProbability } from "./validate.ts";

describe("validate", () => {
  it("accepts a distribution and copies it", () => {
    const src = [0.25, 0.75];
    const p = checkDistribution(src, "p");
    expect(Array.from(p)).toEqual(src);
    p[0] = 9;
    expect(src[0]).toBe(0.25);
  });
  it("rejects bad distributions naming the parameter", () => {
    expect(() => checkDistribution([0.5, 0.6], "p")).toThrow(RangeError);
    expect(() => checkDistribution([0.5, 0.6], "p")).toThrow(/^p must sum to 1/);
    expect(() => checkDistribution([1.5, -0.5], "p0")).toThrow(/p0\[1\]/);
    expect(() => checkDistribution([Number.NaN, 1], "p")).toThrow(TypeError);
    expect(() => checkDistribution([], "p")).toThrow(RangeError);
    expect(() => checkDistribution("x", "p")).toThrow(TypeError);
    expect(() => checkDistribution([0.5, 0.5 + 2e-12], "p")).toThrow(RangeError);
    expect(checkDistribution([0.5, 0.5 + 5e-13], "p").length).toBe(2);
    // A naive sum of 1e5 entries of 1e-5 is off by ~2e-12; the compensated sum is exact enough.
    expect(checkDistribution(new Float64Array(100_000).fill(1e-5), "p").length).toBe(100_000);
  });
  it("checks integers and probabilities", () => {
    expect(() => checkIntegerAtLeast(0, "n")).toThrow(/^n must be an integer >= 1/);
    expect(() => checkIntegerAtLeast(2.5, "n")).toThrow(TypeError);
    expect(() => checkIntegerAtLeast(Number.NaN, "n")).toThrow(TypeError);
    expect(checkIntegerAtLeast(0, "N", 0)).toBe(0);
    expect(() => checkProbability(1.1, "alpha")).toThrow(RangeError);
    expect(() => checkChoice("x", "setting", ["a", "b"])).toThrow(/^setting must be one of a, b/);
  });
});
