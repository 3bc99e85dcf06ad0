import { describe, expect, it } from "vitest";
import { fsChainFloat } from "./oracle-kit.ts";
import { absorptionProbabilities, absorptionProbability, id } from "./prop1-absorption.ts";

describe(id, () => {
  it("returns p as the absorption law", () => {
    expect(absorptionProbabilities({ p: [0.5, 0.3, 0.2] })).toEqual([0.5, 0.3, 0.2]);
    expect(absorptionProbability({ p: [0.5, 0.3, 0.2], i: 2 })).toBe(0.2);
  });

  it("matches the absorption probabilities of the chain computed by iterating its transition matrix", () => {
    for (const [p, n, K] of [
      [[0.5, 0.3, 0.2], 6, 600],
      [[0.05, 0.95], 9, 800],
      [[0.25, 0.25, 0.5], 4, 400],
    ] as const) {
      const { tail, atVertex } = fsChainFloat(p, n, K);
      expect(tail[K]).toBeLessThan(1e-13);
      const expected = absorptionProbabilities({ p });
      atVertex.forEach((x, i) => expect(Math.abs(x - expected[i]), `p=${p} i=${i}`).toBeLessThan(1e-12));
    }
  });

  it("rejects bad parameters naming them", () => {
    expect(() => absorptionProbabilities({ p: [0.5, 0.6] })).toThrow(/^p must sum to 1/);
    expect(() => absorptionProbability({ p: [0.5, 0.5], i: 2 })).toThrow(/^i must be an integer in \[0, 1\]/);
    expect(() => absorptionProbability({ p: [0.5, 0.5], i: 0.5 })).toThrow(TypeError);
  });
});
