// Oracle check: deterministic gradient descent.
import { describe, expect, it } from "vitest";
import { eq2SoftmaxStatement } from "./eq2SoftmaxOptimum.ts";
import { expectStatementPoint } from "./statementCheck.testkit.ts";

describe("eq2-softmax-optimum", () => {
  it("the trained softmax reaches the empirical frequencies", () => {
    const st = eq2SoftmaxStatement();
    st.points.forEach((_, i) => expectStatementPoint(st, i));
  });
  it("is refuted when training stops too early", () => {
    const st = eq2SoftmaxStatement();
    const rec = expectStatementPoint({ ...st, expected: "refuted", points: [{ ...st.points[0], iterations: 5 }] });
    expect(rec.estimate).toBeGreaterThan(1e-6);
  });
});
