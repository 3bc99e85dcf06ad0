// Monte Carlo checks at a false-alarm rate of 1e-8 each (empirical Bernstein, fixed seed 1).
import { describe, it } from "vitest";
import { reference } from "../implementation.ts";
import { fsCovarianceStatement, fsSecondMomentsStatement } from "./fsSecondMoments.ts";
import { expectStatementPoint } from "./statementCheck.testkit.ts";

describe("fs-second-moments", () => {
  it("E||p^(m) - p^(0)||^2 = S_m - S_0 at the paper's point", () => {
    expectStatementPoint(fsSecondMomentsStatement(reference));
  });
  it("E[p_i^(m) p_j^(m)] = (1 - 1/n)^m p_i p_j on a small p", () => {
    expectStatementPoint(fsCovarianceStatement(reference), 1);
  });
});
