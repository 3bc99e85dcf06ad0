import { describe, expect, it } from "vitest";
import { empiricalNextToken } from "./empiricalNextToken.ts";

describe("empiricalNextToken (Eq (2))", () => {
  it("is n_jk / N_j per context, from counts or from pairs", () => {
    const m = empiricalNextToken({ s: 3, contextLength: 1, contexts: [0, 2], counts: [Float64Array.of(1, 3, 0), Float64Array.of(0, 0, 5)] });
    expect(m.contexts).toEqual([0, 2]);
    expect(Array.from(m.tables[0])).toEqual([0.25, 0.75, 0]);
    expect(Array.from(m.tables[1])).toEqual([0, 0, 1]);
    const fromPairs = empiricalNextToken({ s: 3, contextLength: 1, x: [2, 0, 0, 0, 2, 0, 2, 2, 2], y: [2, 1, 0, 1, 2, 1, 2, 2, 2] });
    expect(fromPairs).toEqual(m);
  });
  it("rejects an empty context and bad counts", () => {
    expect(() => empiricalNextToken({ s: 2, contextLength: 0, contexts: [0], counts: [Float64Array.of(0, 0)] })).toThrow(/^counts\[0\]/);
    expect(() => empiricalNextToken({ s: 2, contextLength: 0, contexts: [0], counts: [Float64Array.of(-1, 2)] })).toThrow(RangeError);
    expect(() => empiricalNextToken({ s: 2, contextLength: 0, contexts: [0], counts: [Float64Array.of(0.5, 2)] })).toThrow(TypeError);
    expect(() => empiricalNextToken({ s: 2, contextLength: 1, contexts: [0, 0], counts: [Float64Array.of(1, 2), Float64Array.of(1, 1)] })).toThrow(/^contexts\[1\]/);
    expect(() => empiricalNextToken({ s: 2, contextLength: 1, contexts: [2], counts: [Float64Array.of(1, 2)] })).toThrow(/^contexts\[0\]/);
    expect(() => empiricalNextToken({ s: 2, contextLength: 1, x: [0, 1], y: [1] })).toThrow(/^data\.y/);
    expect(() => empiricalNextToken({ s: 2, contextLength: 1, x: [0], y: [2] })).toThrow(/^data\.y\[0\]/);
  });
});
