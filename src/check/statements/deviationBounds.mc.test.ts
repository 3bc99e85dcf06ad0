// Theorem 3, Theorem 4, Eq (11) and the deviation probabilities: Monte Carlo checks at a
// false-alarm rate of 1e-8 each (empirical Bernstein / Clopper-Pearson, fixed seed 1).
import { describe, expect, it } from "vitest";
import { reference } from "../implementation.ts";
import { deviationProbabilityStatements } from "./deviationProbability.ts";
import { eq11Statement } from "./eq11MaxSynthetic.ts";
import { expectStatementPoint } from "./statementCheck.testkit.ts";
import { thm3Statement } from "./thm3DeviationBound.ts";
import { expectedLambdaOfEmpirical, thm4Statements } from "./thm4GeneralBound.ts";

describe("deviation bounds (Theorems 3, 4, Eq (11))", () => {
  it("Theorem 3 holds, vacuously at the paper's point (tightness < 1e-4)", () => {
    expect(expectStatementPoint(thm3Statement(reference)).tightness).toBeLessThan(1e-4);
    expectStatementPoint(thm3Statement(reference), 1);
  });
  it("Theorem 4 holds with both zetas at a point where phi(zeta) > 2", () => {
    for (const st of thm4Statements(reference)) expectStatementPoint(st, 2);
  });
  it("Eq (11)'s certified n keeps the drift below eps", () => {
    expectStatementPoint(eq11Statement(reference), 1);
  });
  it("both deviation-probability bounds hold", () => {
    for (const st of deviationProbabilityStatements(reference)) expectStatementPoint(st, 1);
  });
  it("E[lambda(p^(1))] by enumeration: N = 2, p = (1/2, 1/2) gives 1/8", () => {
    expect(expectedLambdaOfEmpirical(Float64Array.of(0.5, 0.5), 2)).toBeCloseTo(0.125, 15);
    expect(expectedLambdaOfEmpirical(new Float64Array(52).fill(1 / 52), 100)).toBeNull();
  });
});
