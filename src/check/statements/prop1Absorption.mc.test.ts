// Monte Carlo checks at a false-alarm rate of 1e-8 each (Clopper-Pearson, fixed seed 1).
import { describe, expect, it } from "vitest";
import { reference } from "../implementation.ts";
import { collapseHorizon, prop1AbsorptionExactStatement, prop1AbsorptionStatement } from "./prop1Absorption.ts";
import { expectStatementPoint } from "./statementCheck.testkit.ts";

describe("prop1-absorption", () => {
  it("holds at the paper's point (Monte Carlo)", () => {
    expectStatementPoint(prop1AbsorptionStatement(reference));
  });
  it("holds exactly on small chains", () => {
    const st = prop1AbsorptionExactStatement();
    st.points.forEach((_, i) => expectStatementPoint(st, i));
  });
  it("refutes a simulator that always collapses onto the most probable token", () => {
    const biased = {
      ...reference,
      simulateRun: (rng: Parameters<typeof reference.simulateRun>[0], c: Parameters<typeof reference.simulateRun>[1]) => ({ ...reference.simulateRun(rng, c), collapsedTo: 0, T: 1 }),
    };
    const st = prop1AbsorptionStatement(biased);
    const rec = expectStatementPoint({ ...st, expected: "refuted" }, 1);
    expect(rec.verdict).toBe("refuted");
  });
  it("collapseHorizon makes the Eq (7) tail n (1 - S0)(1 - 1/n)^H small", () => {
    const H = collapseHorizon(10, 0.1, 1e-12);
    expect(10 * 0.9 * Math.pow(0.9, H)).toBeLessThanOrEqual(1e-12);
    expect(10 * 0.9 * Math.pow(0.9, H - 1)).toBeGreaterThan(1e-12);
  });
});
