import { describe, expect, it } from "vitest";
import { firstStepExpectations, supportOf } from "./firstStepExpectations.ts";
import { absorptionProbabilities } from "./absorptionProbabilities.ts";
import { expectedFirstLossTime } from "./expectedFirstLossTime.ts";
import { expectedCollapseTime } from "./expectedCollapseTime.ts";

describe("first-step expectations from a real p", () => {
  it("supportOf lists the positive entries", () => {
    expect(supportOf([0.5, 0, 0.5])).toEqual([0, 2]);
  });

  it("absorption probabilities are p_i also off the 1/n grid and with zeros (Proposition 1)", () => {
    const p = [0.123, 0, 0.5, 0.377];
    const a = absorptionProbabilities(p, 9);
    expect(a[1]).toBe(0);
    a.forEach((v, i) => expect(v).toBeCloseTo(p[i], 13));
    expect(absorptionProbabilities([0, 1], 3)).toEqual([0, 1]);
  });

  it("with two tokens the first loss is the collapse: E[L] = E[T]", () => {
    expect(expectedFirstLossTime([0.3, 0.7], 25)).toBeCloseTo(expectedCollapseTime([0.3, 0.7], 25), 11);
    expect(expectedFirstLossTime([0.5, 0.5], 2)).toBeCloseTo(2, 14);
  });

  it("with three tokens the first loss comes before the collapse, and n = 2 < 3 tokens loses one at once", () => {
    const r = firstStepExpectations([0.5, 0.3, 0.2], 20);
    expect(r.expectedFirstLossTime).toBeLessThan(r.expectedCollapseTime);
    expect(r.expectedFirstLossTime).toBeGreaterThan(1);
    expect(expectedFirstLossTime([0.5, 0.3, 0.2], 2)).toBe(1);
    expect(expectedFirstLossTime([1, 0], 4)).toBe(Infinity);
  });
});
