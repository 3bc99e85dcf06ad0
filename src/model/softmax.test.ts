import { describe, expect, it } from "vitest";
import { logSumExp, softmax } from "./softmax.ts";

describe("softmax", () => {
  it("is exp(v)/sum exp(v), stable for large entries", () => {
    const p = softmax(Float64Array.of(0, Math.log(3)));
    expect(p[0]).toBeCloseTo(0.25, 15);
    expect(p[1]).toBeCloseTo(0.75, 15);
    const q = softmax([1000, 1000, -Infinity]);
    expect(Array.from(q)).toEqual([0.5, 0.5, 0]);
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.LN2, 12);
  });
});
