// Property checks: fast-check with a fixed seed (deterministic).
import { describe, expect, it } from "vitest";
import { correctedLambdaStepBound, lambdaOfMixture, lambdaP, printedLambdaStepBound } from "../../theory/index.ts";
import { expectStatementPoint } from "./statementCheck.testkit.ts";
import { thm4CorrectedStepStatement, thm4PrintedStepStatement } from "./thm4PrintedStep.ts";

describe("thm4-printed-step", () => {
  it("the printed step is refuted by a counterexample that really violates it (and obeys the corrected step)", () => {
    const rec = expectStatementPoint(thm4PrintedStepStatement());
    const x = (rec.details as { input: { N: number; n: number; r: number[]; y: number[]; p1: number[]; pHat: number[] } }).input;
    // realizable: p^(1) is the empirical distribution of N draws, p_hat that of n draws
    expect(x.r.every(Number.isInteger) && x.y.every(Number.isInteger)).toBe(true);
    expect([x.r.reduce((a, b) => a + b, 0), x.y.reduce((a, b) => a + b, 0)]).toEqual([x.N, x.n]);
    expect(x.p1).toEqual(x.r.map((c) => c / x.N));
    expect(x.pHat).toEqual(x.y.map((c) => c / x.n));
    const lambda1 = lambdaP({ p: x.p1 }).value;
    expect(lambdaOfMixture(x)).toBeGreaterThan(printedLambdaStepBound({ N: x.N, n: x.n, lambda1 }));
    expect(lambdaOfMixture(x)).toBeLessThanOrEqual(correctedLambdaStepBound({ N: x.N, n: x.n, lambda1 }));
  });
  it("shrinks to the smallest realizable counterexample: N = n = 1, p^(1) and p_hat two different point masses (1/4 against 3/16)", () => {
    const rec = expectStatementPoint(thm4PrintedStepStatement());
    const x = (rec.details as { input: { N: number; n: number; r: number[]; y: number[] } }).input;
    expect([x.N, x.n]).toEqual([1, 1]);
    expect(x.r.findIndex((c) => c === 1)).not.toBe(x.y.findIndex((c) => c === 1));
    expect([rec.estimate, rec.predicted]).toEqual([0.25, 0.1875]);
  });
  it("the corrected step holds over the same search", () => {
    const rec = expectStatementPoint(thm4CorrectedStepStatement());
    expect(rec.estimate).toBeLessThan(0);
    // reported over inputs where the corrected bound is below 1/4 (not vacuous), of which there are many
    expect((rec.details as { informative: number }).informative).toBeGreaterThan(50);
  });
});
