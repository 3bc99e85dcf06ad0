// Exact checks (the chain solved; no sampling error).
import { describe, expect, it } from "vitest";
import { reference } from "../implementation.ts";
import { kimuraOhtaStatement } from "./kimuraOhta.ts";
import { bugImplementation, expectStatementPoint, verdictAt } from "./statementCheck.testkit.ts";

describe("kimura-ohta", () => {
  it("is within 10% of the exact E[T] (s = 2, n = 200: within 1%)", () => {
    expect(expectStatementPoint(kimuraOhtaStatement(reference)).estimate).toBeLessThan(0.01);
  });
  it("refutes the approximation with n in place of 2n", () => {
    expect(verdictAt(kimuraOhtaStatement(bugImplementation("kimura-ohta-n")))).toBe("refuted");
  });
});
