import { describe, expect, it } from "vitest";
import { collapseTimeOf } from "./collapseTimeOf.ts";

describe("collapseTimeOf", () => {
  it("is the first m >= 1 with sup norm 1", () => {
    expect(collapseTimeOf([0.5, 0.8, 1, 1])).toBe(2);
    expect(collapseTimeOf([0.5, 1])).toBe(1);
  });
  it("ignores m = 0 and gives null when the horizon ends first", () => {
    expect(collapseTimeOf([1, 0.9, 0.99])).toBeNull();
    expect(collapseTimeOf([0.3])).toBeNull();
  });
});
