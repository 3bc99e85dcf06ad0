import { describe, expect, it } from "vitest";
import { expectedCollapseTime, expectedCollapseTimeFromCounts } from "./expectedCollapseTime.ts";
import { solveFullySyntheticLevels } from "./fullySyntheticLevels.ts";

describe("expectedCollapseTime", () => {
  it("hand cases: n = 2 from (1/2, 1/2) is 2; from (0.3, 0.7) it is 1 + 2 (0.3)(0.7) 2 = 1.84; n = 3 from (1, 2) is 3", () => {
    expect(expectedCollapseTime([0.5, 0.5], 2)).toBeCloseTo(2, 14);
    expect(expectedCollapseTime([0.3, 0.7], 2)).toBeCloseTo(1.84, 14);
    expect(expectedCollapseTimeFromCounts([1, 2])).toBeCloseTo(3, 14);
  });

  it("T >= 1: a Dirac start and n = 1 both give E[T] = 1", () => {
    expect(expectedCollapseTime([0, 1], 7)).toBe(1);
    expect(expectedCollapseTimeFromCounts([0, 4, 0])).toBe(1);
    expect(expectedCollapseTime([0.2, 0.3, 0.5], 1)).toBe(1);
  });

  it("from counts x equals the real-p version at p = x / n; zero entries of p change nothing", () => {
    const levels = solveFullySyntheticLevels(10, 3);
    for (const x of [[1, 2, 7], [5, 5, 0], [3, 3, 4]]) {
      const fromCounts = expectedCollapseTimeFromCounts(x, levels);
      expect(expectedCollapseTime(x.map((v) => v / 10), 10, levels)).toBeCloseTo(fromCounts, 11);
    }
    expect(expectedCollapseTime([0.3, 0, 0.7, 0], 10)).toBeCloseTo(expectedCollapseTime([0.3, 0.7], 10), 12);
  });

  it("rejects bad input", () => {
    expect(() => expectedCollapseTime([0.5, 0.6], 3)).toThrow(RangeError);
    expect(() => expectedCollapseTime([0.5, 0.5], 1.5)).toThrow(TypeError);
    expect(() => expectedCollapseTimeFromCounts([1, -1])).toThrow(/^x\[1\]/);
    expect(() => expectedCollapseTimeFromCounts([0, 0])).toThrow(/^n \(sum of x\)/);
    expect(() => expectedCollapseTime([0.5, 0.5], 5, solveFullySyntheticLevels(4, 2))).toThrow(/^levels/);
  });
});
