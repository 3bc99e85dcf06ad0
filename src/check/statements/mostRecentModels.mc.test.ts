// Monte Carlo checks at a false-alarm rate of 1e-8 each (fixed seed 1).
import { describe, expect, it } from "vitest";
import type { RunRecord } from "../../loops/index.ts";
import { reference } from "../implementation.ts";
import { mrmCertainStatement, mrmDelayedStatement, windowCollapseTime } from "./mostRecentModels.ts";
import { expectStatementPoint } from "./statementCheck.testkit.ts";

describe("most recent models", () => {
  it("collapse is delayed by a window and still certain", () => {
    expectStatementPoint(mrmDelayedStatement(reference), 1);
    expectStatementPoint(mrmCertainStatement(reference), 1);
  });
  it("T_K needs K consecutive Dirac models", () => {
    const rec = { supNorm: [0.5, 1, 0.6, 1, 1, 1] } as RunRecord;
    expect(windowCollapseTime(rec, 1)).toBe(1);
    expect(windowCollapseTime(rec, 2)).toBe(4);
    expect(windowCollapseTime(rec, 3)).toBe(5);
    expect(windowCollapseTime(rec, 4)).toBeNull();
  });
});
