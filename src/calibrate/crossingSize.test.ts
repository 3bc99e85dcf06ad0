import { describe, expect, it } from "vitest";
import { crossingSize } from "./crossingSize.ts";
import { oneSidedLowerBound, proportion } from "./proportion.ts";

describe("crossingSize", () => {
  it("interpolates between the grid points around the crossing", () => {
    expect(crossingSize([0, 1, 2], [0, 0.4, 0.8], 0.5)).toBeCloseTo(1.25, 12);
    expect(crossingSize([0, 1, 2], [0, 0.4, 0.8], 0.8)).toBe(2);
  });
  it("gives the first size when the curve starts above the level, null when it never reaches it", () => {
    expect(crossingSize([0.5, 1], [0.96, 1], 0.95)).toBe(0.5);
    expect(crossingSize([0, 1], [0, 0.4], 0.95)).toBeNull();
  });
  it("rejects sizes that do not increase", () => {
    expect(() => crossingSize([0, 0], [0, 1], 0.5)).toThrow(/increase/);
  });
});

describe("proportion and the one-sided test", () => {
  it("matches the Clopper-Pearson interval and its one-sided bound", () => {
    expect(proportion(0, 100).hi).toBeCloseTo(0.0362, 4);
    expect(oneSidedLowerBound(0, 50, 0.001)).toBe(0);
    // 20 of 50 at level 0.001: the rate is shown to exceed 0.2, not 0.3.
    const lb = oneSidedLowerBound(20, 50, 0.001);
    expect(lb).toBeGreaterThan(0.2);
    expect(lb).toBeLessThan(0.3);
  });
});
