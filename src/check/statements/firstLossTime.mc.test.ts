// Monte Carlo check at a false-alarm rate of 1e-8 (empirical Bernstein, fixed seed 1).
import { describe, expect, it } from "vitest";
import { fullySyntheticExact } from "../../exact/index.ts";
import type { RunRecord } from "../../loops/index.ts";
import { reference } from "../implementation.ts";
import { firstLossHorizon, firstLossTailSum, firstLossTimeStatement, truncatedFirstLoss } from "./firstLossTime.ts";
import { bugImplementation, expectStatementPoint, verdictAt } from "./statementCheck.testkit.ts";

describe("first-loss-time", () => {
  it("the simulator's mean first-loss time matches the exact chain (p = (.5, .3, .2), n = 20)", () => {
    const rec = expectStatementPoint(firstLossTimeStatement(reference));
    expect(rec.predicted).toBeCloseTo(9.1314, 3);
  });
  it("refutes a simulator whose support size lags one generation", () => {
    expect(verdictAt(firstLossTimeStatement(bugImplementation("support-size-lagged")))).toBe("refuted");
  });
});

describe("firstLossTailSum", () => {
  it("is tight for p = (1/2, 1/2), n = 2 (P(L > m) = 2^-m)", () => {
    expect(firstLossTailSum([0.5, 0.5], 2, 10)).toBeCloseTo(2 ** -9, 15);
  });
  it("bounds the exact tail sum of P(L > m) from above", () => {
    const p = [0.5, 0.3, 0.2];
    const surv = fullySyntheticExact(p, 20, { M: 400 }).lossSurvival;
    for (const H of [0, 5, 20, 46, 100]) {
      let exact = 0;
      for (let m = H; m < surv.length; m++) exact += surv[m];
      expect(firstLossTailSum(p, 20, H)).toBeGreaterThanOrEqual(exact);
    }
    // the geometric rate lambda = (1 - 1/n)(1 - 2/n) is the true one: the ratio stays bounded
    expect(firstLossTailSum(p, 20, 100) / surv.slice(100).reduce((a, b) => a + b, 0)).toBeLessThan(1e3);
  });
  it("is 0 when the support exceeds n, and rejects a single-token support", () => {
    expect(firstLossTailSum([0.25, 0.25, 0.25, 0.25], 3, 1)).toBe(0);
    expect(() => firstLossTailSum([1, 0], 5, 1)).toThrow(/^p/);
  });
  it("firstLossHorizon is the smallest H meeting the tail", () => {
    const p = [0.5, 0.3, 0.2];
    const H = firstLossHorizon(p, 20, 0.075);
    expect(firstLossTailSum(p, 20, H)).toBeLessThanOrEqual(0.075);
    expect(firstLossTailSum(p, 20, H - 1)).toBeGreaterThan(0.075);
  });
});

describe("truncatedFirstLoss", () => {
  it("returns the first generation with fewer tokens, else the horizon", () => {
    const rec = (supportSize: number[]) => ({ generations: supportSize.length - 1, supportSize }) as unknown as RunRecord;
    expect(truncatedFirstLoss(rec([3, 3, 2, 1]), 3, 10)).toBe(2);
    expect(truncatedFirstLoss(rec([3, 3, 3]), 3, 10)).toBe(10);
    expect(truncatedFirstLoss(rec([3, 3, 3, 2]), 3, 2)).toBe(2);
  });
});
