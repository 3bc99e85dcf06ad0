// Monte Carlo checks at a false-alarm rate of 1e-8 each (Clopper-Pearson / empirical Bernstein,
// fixed seed 1); exact ones compare to 1e-9 relative.
import { describe, expect, it } from "vitest";
import { reference } from "../implementation.ts";
import { tokenSegregationBounds } from "../../theory/index.ts";
import { exactMeasurement } from "../exactMeasurement.ts";
import { decideVerdict } from "../decide.ts";
import { expectStatementPoint } from "./statementCheck.testkit.ts";
import { tokenLossStatements } from "./tokenLossBounds.ts";

describe("token-loss-bounds", () => {
  it("every statement holds at its first point", () => {
    for (const st of tokenLossStatements(reference)) expectStatementPoint(st);
  });
  it("the upper bound is attained at n = 2, p_k = 1/2, so exponent m in place of m - 1 would be refuted", () => {
    const pairs = [1, 2, 3, 4].map((m) => ({ label: `m = ${m}`, exact: 0.5 ** m, predicted: 2 * 0.5 ** m * 0.25 }));
    const meas = exactMeasurement("atMost", pairs);
    expect(decideVerdict("atMost", meas.predicted, meas.interval)).toBe("refuted");
    expect(tokenSegregationBounds({ n: 2, pk: 0.5, m: 3 }).upper).toBeCloseTo(0.125, 15);
  });
});
