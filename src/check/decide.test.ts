import { describe, expect, it } from "vitest";
import { decideVerdict, isVacuous, tightness, trivialBound } from "./decide.ts";

describe("decideVerdict", () => {
  it("equals", () => {
    expect(decideVerdict("equals", 1, [0.9, 1.1])).toBe("holds");
    expect(decideVerdict("equals", 1.2, [0.9, 1.1])).toBe("refuted");
    expect(decideVerdict("equals", 0.8, [0.9, 1.1])).toBe("refuted");
  });
  it("bounds", () => {
    expect(decideVerdict("atMost", 2, [1, 1.5])).toBe("holds");
    expect(decideVerdict("atMost", 2, [1, 2.5])).toBe("inconclusive");
    expect(decideVerdict("atMost", 2, [2.1, 2.5])).toBe("refuted");
    expect(decideVerdict("atLeast", 2, [2.1, 2.5])).toBe("holds");
    expect(decideVerdict("atLeast", 2, [1.5, 2.5])).toBe("inconclusive");
    expect(decideVerdict("atLeast", 2, [1, 1.9])).toBe("refuted");
    expect(decideVerdict("equals", Number.NaN, [1, 1.9])).toBe("inconclusive");
  });
  it("a bound at or beyond the a priori range is vacuous, unless the interval refutes it", () => {
    expect(decideVerdict("atMost", 1, [0.1, 0.2], [0, 1])).toBe("vacuous");
    expect(decideVerdict("atMost", 0.99, [0.1, 0.2], [0, 1])).toBe("holds");
    expect(decideVerdict("atLeast", 0, [0.1, 0.2], [0, 1])).toBe("vacuous");
    expect(decideVerdict("atLeast", 0.01, [0.1, 0.2], [0, 1])).toBe("holds");
    expect(decideVerdict("atMost", 2, [2.5, 3], [0, 2])).toBe("refuted");
    expect(decideVerdict("equals", 5, [4, 6], [0, 1])).toBe("holds");
    expect(trivialBound("atMost", [0, 2])).toBe(2);
    expect(trivialBound("atLeast", [1, Infinity])).toBe(1);
    expect(trivialBound("equals", [0, 1])).toBeNull();
    expect(isVacuous("atMost", 3, [0, 2])).toBe(true);
  });
  it("tightness is measured / bound for upper bounds and bound / measured for lower bounds", () => {
    expect(tightness("atMost", 200, 50)).toBe(0.25);
    expect(tightness("atLeast", 20, 40)).toBe(0.5);
    expect(tightness("atLeast", -3, 40)).toBeNull();
  });
});
