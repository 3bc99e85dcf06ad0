import { describe, expect, it } from "vitest";
import { expectedCollapseTime } from "../../exact/index.ts";
import { twoTokenConditionalTimes } from "./twoTokenConditionalTimes.ts";

describe("twoTokenConditionalTimes", () => {
  it("n = 2: E[T | lost] = 1 + 2 p, E[T | fixed] = 3 - 2 p (one step from p, then T geometric(1/2) from (1, 1))", () => {
    const t = twoTokenConditionalTimes(2, 0.3);
    expect(t.lossGivenLoss).toBeCloseTo(1.6, 13);
    expect(t.fixationGivenFixation).toBeCloseTo(2.4, 13);
    expect(t.lossProbability).toBeCloseTo(0.7, 14);
  });
  it("agrees with src/exact on E[T] and with Proposition 1 on P(lost), off the 1/n grid", () => {
    for (const [n, pk] of [[20, 0.3], [37, 0.123], [100, 0.5]]) {
      const t = twoTokenConditionalTimes(n, pk);
      const eT = expectedCollapseTime([pk, 1 - pk], n);
      expect(Math.abs(t.absorption - eT) / eT).toBeLessThan(1e-11);
      expect(t.lossProbability).toBeCloseTo(1 - pk, 12);
      expect(t.fixationProbability).toBeCloseTo(pk, 12);
      expect(t.lossProbability * t.lossGivenLoss + t.fixationProbability * t.fixationGivenFixation).toBeCloseTo(t.absorption, 10);
    }
  });
  it("is symmetric: E[T | token 1 lost] at p = E[T | token 1 fixed] at 1 - p", () => {
    const a = twoTokenConditionalTimes(30, 0.2);
    const b = twoTokenConditionalTimes(30, 0.8);
    expect(a.lossGivenLoss).toBeCloseTo(b.fixationGivenFixation, 10);
  });
  it("validates n and pk", () => {
    expect(() => twoTokenConditionalTimes(1, 0.5)).toThrow(/^n/);
    expect(() => twoTokenConditionalTimes(10, 0)).toThrow(/^pk/);
    expect(() => twoTokenConditionalTimes(10, 1)).toThrow(/^pk/);
    expect(() => twoTokenConditionalTimes(2000, 0.5)).toThrow(/^n/);
  });
});
