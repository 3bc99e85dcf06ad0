// Monte Carlo checks at a false-alarm rate of 1e-8 each (empirical Bernstein, fixed seed 1);
// exact ones compare to 1e-9 relative.
import { describe, expect, it } from "vitest";
import { reference } from "../implementation.ts";
import {
  psDistanceFromStartStatement,
  psDriftExactStatement,
  psDriftStatement,
  psFreshRealStatement,
  psLimitExactStatement,
  psLimitStatement,
} from "./psSecondMoments.ts";
import { bugImplementation, expectStatementPoint, verdictAt } from "./statementCheck.testkit.ts";

describe("ps-second-moments", () => {
  it("D_m holds by Monte Carlo at the paper's point and exactly", () => {
    expectStatementPoint(psDriftStatement(reference));
    expectStatementPoint(psDriftExactStatement(reference));
  });
  it("S_m <= 1 - gamma by Monte Carlo and exactly", () => {
    expectStatementPoint(psLimitStatement(reference));
    expectStatementPoint(psLimitExactStatement());
  });
  it("E||p^(m) - p^(0)||^2 = (1 - S_0)/N + D_m, and the fresh-real-data variant V_m, hold", () => {
    expectStatementPoint(psDistanceFromStartStatement(reference));
    expectStatementPoint(psFreshRealStatement(reference));
  });
  it("the fixed-real formula is refuted on a simulator that redraws the real data", () => {
    const fresh = { ...reference, simulateRun: (rng: Parameters<typeof reference.simulateRun>[0], c: Parameters<typeof reference.simulateRun>[1]) => reference.simulateRun(rng, { ...c, setting: "partially-synthetic-fresh" }) };
    expect(verdictAt(psDistanceFromStartStatement(fresh))).toBe("refuted");
  });
  it("D_m with b^m in place of b^(m-1) is refuted exactly", () => {
    expect(verdictAt(psDriftExactStatement(bugImplementation("ps-drift-exponent")))).toBe("refuted");
  });
});
