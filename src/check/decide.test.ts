import { describe, expect, it } from "vitest";
import { decideVerdict, tightness } from "./decide.ts";

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
  it("tightness is measured / bound for upper bounds and bound / measured for lower bounds", () => {
    expect(tightness("atMost", 200, 50)).toBe(0.25);
    expect(tightness("atLeast", 20, 40)).toBe(0.5);
    expect(tightness("atLeast", -3, 40)).toBeNull();
  });
});
