import { describe, expect, it } from "vitest";
import { reference } from "./implementation.ts";
import { implementationMemo } from "./implementationMemo.ts";

describe("implementationMemo", () => {
  it("draws once per implementation and key; another implementation or key draws again", () => {
    const memo = implementationMemo<number[]>();
    let draws = 0;
    const draw = () => [++draws];
    const first = memo(reference, "a", draw);
    expect(memo(reference, "a", draw)).toBe(first);
    expect(draws).toBe(1);
    expect(memo(reference, "b", draw)).toEqual([2]);
    const planted = { ...reference };
    expect(memo(planted, "a", draw)).toEqual([3]);
    // A cached falsy value is a hit too.
    const zero = implementationMemo<number>();
    zero(reference, "z", () => 0);
    expect(zero(reference, "z", () => 1)).toBe(0);
  });
});
