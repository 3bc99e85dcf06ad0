// Property checks: fast-check with a fixed seed (deterministic).
import { describe, expect, it } from "vitest";
import { correctedLambdaStepBound, lambdaOfMixture, lambdaP, printedLambdaStepBound } from "../../theory/index.ts";
import { expectStatementPoint } from "./statementCheck.testkit.ts";
import { thm4CorrectedStepStatement, thm4PrintedStepStatement } from "./thm4PrintedStep.ts";

describe("thm4-printed-step", () => {
  it("the printed step is refuted by a counterexample that really violates it (and obeys the corrected step)", () => {
    const rec = expectStatementPoint(thm4PrintedStepStatement());
    const x = (rec.details as { input: { N: number; n: number; p1: number[]; pHat: number[] } }).input;
    const lambda1 = lambdaP({ p: x.p1 }).value;
    expect(lambdaOfMixture(x)).toBeGreaterThan(printedLambdaStepBound({ N: x.N, n: x.n, lambda1 }));
    expect(lambdaOfMixture(x)).toBeLessThanOrEqual(correctedLambdaStepBound({ N: x.N, n: x.n, lambda1 }));
  });
  it("the corrected step holds over the same search", () => {
    expect(expectStatementPoint(thm4CorrectedStepStatement()).estimate).toBeLessThan(0);
  });
});
