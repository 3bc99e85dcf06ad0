// Monte Carlo checks at a false-alarm rate of 1e-8 each (TEST_DELTA, fixed seed 1).
import { describe, expect, it } from "vitest";
import { reference } from "../implementation.ts";
import { contextsFixedCountsExactStatement, contextsMarkovTextExactStatement, MARKOV_EXACT_POINTS } from "./multiContextExact.ts";
import { bugImplementation, expectStatementPoint, verdictAt } from "./statementCheck.testkit.ts";

describe("multi-context simulators against their exact laws", () => {
  it("simulateContexts has the exact fixed-count law", () => {
    const rec = expectStatementPoint(contextsFixedCountsExactStatement(reference));
    expect((rec.details!.rows as unknown[]).length).toBe(2 * 4 * 2 + 4);
  });

  it("simulateMarkovText has the exact text-writing law, with and without restarts", () => {
    const st = contextsMarkovTextExactStatement(reference);
    expect(st.covers).toEqual(["contexts:markov-text"]);
    st.points.forEach((_, i) => expectStatementPoint(st, i));
  });

  it("catches the planted bug that reads the (context, token) pairs off by one position", () => {
    const st = contextsMarkovTextExactStatement(bugImplementation("markov-text-contexts-off-by-one"));
    expect(verdictAt(st, { ...MARKOV_EXACT_POINTS[0], runs: 3000 })).toBe("refuted");
  });
});
