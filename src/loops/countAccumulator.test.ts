import { describe, expect, it } from "vitest";
import { sparseFromDense } from "../measure/index.ts";
import { CountAccumulator } from "./countAccumulator.ts";

describe("CountAccumulator", () => {
  it("sums counts per token in order of first touch and resets on take", () => {
    const acc = new CountAccumulator(5);
    acc.add(3, 2);
    acc.add(1, 0);
    acc.addModel(sparseFromDense([0, 4, 0, 1]));
    const m = acc.take();
    expect(Array.from(m.ids)).toEqual([3, 1]);
    expect(Array.from(m.counts)).toEqual([3, 4]);
    expect(m.total).toBe(7);
    const empty = acc.take();
    expect(empty.k).toBe(0);
    expect(empty.total).toBe(0);
    acc.add(0, 1);
    expect(Array.from(acc.take().counts)).toEqual([1]);
  });
});
