// Monte Carlo checks at a false-alarm rate of 1e-8 each (fixed seed 1).
import { describe, expect, it } from "vitest";
import { reference } from "../implementation.ts";
import { multiContextStatements } from "./multiContext.ts";
import { expectStatementPoint } from "./statementCheck.testkit.ts";

describe("multi-context", () => {
  it("fixed-count bounds hold (two contexts, s = 3)", () => {
    for (const st of multiContextStatements(reference).filter((s) => s.id.startsWith("multi-context"))) {
      const rec = expectStatementPoint(st, 1);
      expect(rec.range).toEqual(st.id.includes("all-collapsed") ? [0, 1] : [1, expect.any(Number)]);
    }
  });
  it("random-count bounds hold where their premise does (restart text: i.i.d. counts independent of the models), with a priori ranges", () => {
    for (const st of multiContextStatements(reference).filter((s) => s.id.startsWith("random-count"))) {
      const rec = expectStatementPoint(st);
      expect(rec.range).toEqual(st.id.includes("rho") ? [0, 1] : [1, expect.any(Number)]);
      // Every bound is informative: strictly inside the range on its side.
      if (rec.relation === "atMost") expect(rec.predicted).toBeLessThan(rec.range![1]);
      else expect(rec.predicted).toBeGreaterThan(rec.range![0]);
    }
  });
});
