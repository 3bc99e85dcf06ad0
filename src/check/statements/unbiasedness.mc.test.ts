// Monte Carlo checks at a false-alarm rate of 1e-8 each (empirical Bernstein, fixed seed 1).
import { describe, expect, it } from "vitest";
import { reference } from "../implementation.ts";
import { bugImplementation, expectStatementPoint, verdictAt } from "./statementCheck.testkit.ts";
import { unbiasednessStatement } from "./unbiasedness.ts";

describe("unbiasedness", () => {
  it("E p^(m) = p in every setting", () => {
    const st = unbiasednessStatement(reference);
    st.points.forEach((_, i) => expectStatementPoint(st, i));
  });
  it("refutes synthetic data sampled at temperature 0.8", () => {
    expect(verdictAt(unbiasednessStatement(bugImplementation("sampling-temperature")))).toBe("refuted");
  });
  it("is inconclusive, never 'holds', when the simulator ignores the observer", () => {
    const blind = { ...reference, simulateRun: (rng: Parameters<typeof reference.simulateRun>[0], c: Parameters<typeof reference.simulateRun>[1]) => reference.simulateRun(rng, c) };
    expect(verdictAt(unbiasednessStatement(blind))).toBe("inconclusive");
  });
});
