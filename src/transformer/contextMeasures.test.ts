import { describe, expect, it } from "vitest";
import { contextMeasures, impliedSampleCount, suffixCounts, theorem1S } from "./contextMeasures.ts";
import { logSpacedIterations } from "./train.ts";
import { windowSampler } from "./textWindows.ts";
import { createRng } from "../rng/index.ts";

describe("per-context measures", () => {
  it("L1 to p^(0) and p^(1), sigma, entropy, support above the threshold", () => {
    const m = contextMeasures([[0.5, 0.5, 0]], [[1, 0, 0]], [[0.5, 0.25, 0.25]], 1e-6);
    expect(m.l1FromGroundTruth).toEqual([1]);
    expect(m.l1FromFirst).toEqual([0.5]);
    expect(m.sigma).toEqual([0.5]);
    expect(m.entropy[0]).toBeCloseTo(Math.log(2), 15);
    expect(m.support).toEqual([2]);
    expect(contextMeasures([[1 - 1e-7, 1e-7]], [[1, 0]], null, 1e-6).support).toEqual([1]);
  });

  it("Theorem 1's S_m with constant n is Eq (6), and the implied n inverts it", () => {
    for (const [s0, n, m] of [[0.1, 10, 5], [0.3, 100, 20], [0.05, 3, 1]]) {
      const eq6 = 1 - (1 - 1 / n) ** m * (1 - s0);
      expect(theorem1S(s0, new Array(m).fill(n))).toBeCloseTo(eq6, 12);
      expect(impliedSampleCount(s0, eq6, m)).toBeCloseTo(n, 6);
    }
    expect(theorem1S(0.2, [1])).toBe(1);
    expect(theorem1S(0.2, [0, 0])).toBeCloseTo(0.2, 15);
    expect(impliedSampleCount(0.2, 0.1, 3)).toBeNull();
  });

  it("counts suffix occurrences that have a next token", () => {
    const docs = [Int32Array.from([1, 2, 1, 2, 3]), Int32Array.from([1, 2])];
    expect(suffixCounts(docs, [Int32Array.from([0, 1, 2]), Int32Array.from([2, 3, 3])], 2, 4)).toEqual([2, 0]);
    expect(suffixCounts(docs, [Int32Array.from([2])], 1, 4)).toEqual([2]);
  });
});

describe("training helpers", () => {
  it("log-spaced checkpoints end at the last iteration", () => {
    expect(logSpacedIterations(100, 4)).toEqual([1, 3, 10, 32, 100]);
    expect(logSpacedIterations(1, 8)).toEqual([1]);
  });

  it("windows stay inside one document and targets are inputs shifted by one", () => {
    const docs = [Int32Array.from([0, 1, 2, 3]), Int32Array.from([10, 11, 12]), Int32Array.from([20])];
    const sampler = windowSampler(docs, 2, 500);
    expect(sampler.windows).toBe(3);
    const { inputs, targets } = sampler.next(createRng(3));
    const seen = new Set<string>();
    for (let b = 0; b < 500; b++) {
      const x = [inputs[2 * b], inputs[2 * b + 1]];
      expect(targets[2 * b]).toBe(x[1]);
      expect(targets[2 * b + 1]).toBe(x[1] + 1);
      expect(Math.floor(x[0] / 10)).toBe(Math.floor(targets[2 * b + 1] / 10));
      seen.add(x.join(","));
    }
    // 3 windows, 500 draws: each is missed with probability (2/3)^500.
    expect([...seen].sort()).toEqual(["0,1", "1,2", "10,11"]);
    expect(() => windowSampler([Int32Array.from([1])], 2, 1)).toThrow(RangeError);
  });
});
