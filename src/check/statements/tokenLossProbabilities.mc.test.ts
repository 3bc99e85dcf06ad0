// Monte Carlo checks at a false-alarm rate of 1e-8 each (Clopper-Pearson, Bonferroni over the
// tokens, fixed seed 1).
import { describe, expect, it } from "vitest";
import { simulateRun } from "../../loops/index.ts";
import { reference, type Implementation } from "../implementation.ts";
import { expectStatementPoint, verdictAt } from "./statementCheck.testkit.ts";
import { proportionSampleSize, tokenLostFirstGenerationStatement, tokensOf } from "./tokenLossProbabilities.ts";

describe("token-lost-first-generation", () => {
  it("holds at the paper's p (s = 600, support 52, S_0 = 0.1, n = 10)", () => {
    const rec = expectStatementPoint(tokenLostFirstGenerationStatement(reference));
    expect((rec.details?.rows as unknown[]).length).toBe(3);
  });
  it("refutes a simulator that trains on n - 1 samples ((1 - p_k)^(n-1) instead of (1 - p_k)^n)", () => {
    // As the catalogue's "n-minus-one", but passing the observer on (that entry drops it, which
    // makes this check inconclusive rather than refuted).
    const nMinusOne: Implementation = { ...reference, simulateRun: (rng, c, observe) => simulateRun(rng, { ...c, n: c.n - 1 }, observe) };
    const st = tokenLostFirstGenerationStatement(nMinusOne);
    expect(verdictAt(st, st.points[1])).toBe("refuted");
  });
  it("sizes runs from (delta, epsilon) by Bernstein's inequality at the predicted variance", () => {
    const R = proportionSampleSize([0.5], 0.02, 1e-8);
    const l = Math.log(2e8);
    const h = (r: number) => Math.sqrt((0.5 * l) / r) + (2 * l) / (3 * r);
    expect(h(R)).toBeLessThanOrEqual(0.01);
    expect(h(R - 2)).toBeGreaterThan(0.01);
    expect(proportionSampleSize([0], 0.5, 0.1)).toBe(1000);
  });
  it("rejects tokens outside the support", () => {
    expect(() => tokensOf({ tokens: [2] }, [0.5, 0.5, 0])).toThrow(/^tokens/);
    expect(() => tokensOf({ tokens: [] }, [1])).toThrow(/^tokens/);
    expect(tokensOf({ tokens: [1, 0] }, [0.5, 0.5])).toEqual([1, 0]);
  });
});
