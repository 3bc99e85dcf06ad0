import { describe, expect, it } from "vitest";
import { formatParameters } from "./formatParameters.ts";

describe("formatParameters", () => {
  it("keeps key order and formats numbers, strings and short arrays", () => {
    expect(formatParameters({ s: 3, n: 1000, p: [0.5, 0.3, 0.2], loop: "fully-synthetic" })).toBe(
      "s = 3, n = 1000, p = (0.5, 0.3, 0.2), loop = fully-synthetic",
    );
  });
  it("shortens long arrays and typed arrays with their length", () => {
    expect(formatParameters({ p: new Float64Array([0.1, 0.2, 0.3, 0.2, 0.2]) })).toBe("p = (0.1, 0.2, 0.3, …; 5 values)");
  });
  it("gives an empty string for no parameters", () => {
    expect(formatParameters({})).toBe("");
  });
});
