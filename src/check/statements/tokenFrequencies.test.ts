import { describe, expect, it } from "vitest";
import { createRng } from "../../rng/index.ts";
import { reference } from "../implementation.ts";
import { tokenFrequency, topTokens, withTokenFrequencies } from "./tokenFrequencies.ts";

describe("tokenFrequencies", () => {
  it("records p_i^(m) for the chosen tokens, consistent with the run's sigma on two tokens", () => {
    const p0 = [0.3, 0.7];
    const impl = withTokenFrequencies(reference, [1, 0], p0);
    const rec = impl.simulateRun(createRng(3), { setting: "fully-synthetic", p0, n: 7, generations: 5 });
    expect(tokenFrequency(rec, 0, 0)).toBe(0.7);
    for (let m = 1; m <= 5; m++) {
      const a = tokenFrequency(rec, m, 0);
      const b = tokenFrequency(rec, m, 1);
      expect(a + b).toBeCloseTo(1, 12);
      expect(a * a + b * b).toBeCloseTo(rec.sigma[m], 12);
    }
  });
  it("throws when the simulator never reports to the observer", () => {
    const rec = reference.simulateRun(createRng(1), { setting: "fully-synthetic", p0: [0.5, 0.5], n: 3, generations: 2 });
    expect(() => tokenFrequency(rec, 1, 0)).toThrow(/observer/);
  });
  it("topTokens sorts by probability, ties by index", () => {
    expect(topTokens([0.2, 0.5, 0.2, 0.1], 3)).toEqual([1, 0, 2]);
  });
});
