// Monte Carlo checks at a false-alarm rate of 1e-8 each (statementCheck.testkit: seed 1).
import { describe, expect, it } from "vitest";
import { COLLAPSE_TIME_METHODS } from "../../loops/collapseTime.ts";
import { reference } from "../implementation.ts";
import { COLLAPSE_TIME_LAW_POINTS, collapseTimeLawStatement } from "./collapseTimeLaw.ts";
import { bugImplementation, expectStatementPoint, verdictAt } from "./statementCheck.testkit.ts";

describe("collapse-time-law", () => {
  const st = collapseTimeLawStatement(reference);

  it("both methods draw T with the exact law at every point", () => {
    st.points.forEach((point, i) => {
      const rec = expectStatementPoint(st, i);
      expect(rec.replicates, JSON.stringify(point)).toBe(Number(point.runs));
      const tests = (rec.details as { tests: Array<{ label: string; epsilon: number }> }).tests;
      // DKW, exact bins, L1, truncated mean
      expect(tests).toHaveLength(4);
      // the cdf band detects a Kolmogorov distance of 0.07 or less at every point
      expect(tests[0].epsilon).toBeLessThan(0.07);
    });
  });

  it("runs every base point with each method, the sharp point (p = (1/2, 1/2), n = 2) first, and covers both methods", () => {
    const bases = new Set(COLLAPSE_TIME_LAW_POINTS.map(({ method: _m, ...rest }) => JSON.stringify(rest)));
    expect(COLLAPSE_TIME_LAW_POINTS).toHaveLength(bases.size * COLLAPSE_TIME_METHODS.length);
    for (const method of COLLAPSE_TIME_METHODS) expect(COLLAPSE_TIME_LAW_POINTS.filter((p) => p.method === method)).toHaveLength(bases.size);
    expect(COLLAPSE_TIME_LAW_POINTS[0]).toMatchObject({ p: [0.5, 0.5], n: 2 });
    expect(st.covers).toEqual(COLLAPSE_TIME_METHODS.map((m) => `collapse-time:${m}`));
    // a zero inside the support, 4 live tokens, and n > 1024 are among the points
    expect(COLLAPSE_TIME_LAW_POINTS.some((p) => (p.p as number[]).indexOf(0) > 0)).toBe(true);
    expect(COLLAPSE_TIME_LAW_POINTS.some((p) => (p.p as number[]).filter((v) => v > 0).length === 4 && Number(p.n) >= 8)).toBe(true);
    expect(COLLAPSE_TIME_LAW_POINTS.some((p) => Number(p.n) > 1024)).toBe(true);
  });

  it("at the sharp point E[T] = 2 = Eq (8)'s lower bound, and the truncated mean is within the tail mass of it", () => {
    const rec = expectStatementPoint(st, 0);
    const d = rec.details as { expectedCollapseTime: number; truncatedMean: number; survivalAtHorizon: number };
    expect(d.expectedCollapseTime).toBeCloseTo(2, 12);
    expect(d.survivalAtHorizon).toBeLessThan(1e-8);
    expect(Math.abs(d.truncatedMean - 2)).toBeLessThan(2 * d.survivalAtHorizon + 1e-12);
  });

  it("refutes planted bugs: the unconditioned fixing-token step, and T counted from 0", () => {
    const unconditioned = collapseTimeLawStatement(bugImplementation("fixing-token-unconditioned"));
    // the bug leaves "chain" alone
    expect(verdictAt(unconditioned, st.points[0])).toBe("holds");
    expect(verdictAt(unconditioned, st.points[1])).toBe("refuted");
    expect(verdictAt(collapseTimeLawStatement(bugImplementation("collapse-time-from-zero")), st.points[0])).toBe("refuted");
  });
});
