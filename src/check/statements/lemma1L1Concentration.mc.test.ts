// Monte Carlo checks at a false-alarm rate of 1e-8 each (Clopper-Pearson, fixed seed 1).
import { describe, expect, it } from "vitest";
import { reference } from "../implementation.ts";
import { lemma1Statements } from "./lemma1L1Concentration.ts";
import { bugImplementation, expectStatementPoint, verdictAt } from "./statementCheck.testkit.ts";

describe("lemma1-l1-concentration", () => {
  it("both forms hold where they are informative", () => {
    for (const st of lemma1Statements(reference)) expectStatementPoint(st);
  });
  it("is nearly tight for s = 2 (tightness above 0.15), so a bound with exponent /2 is refuted", () => {
    const [g] = lemma1Statements(reference);
    expect(expectStatementPoint(g).tightness).toBeGreaterThan(0.15);
    expect(verdictAt(lemma1Statements(bugImplementation("lemma1-exponent-halved"))[0])).toBe("refuted");
  });
});
