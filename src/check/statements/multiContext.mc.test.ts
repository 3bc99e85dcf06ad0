// Monte Carlo checks at a false-alarm rate of 1e-8 each (fixed seed 1).
import { describe, it } from "vitest";
import { reference } from "../implementation.ts";
import { multiContextStatements } from "./multiContext.ts";
import { expectStatementPoint } from "./statementCheck.testkit.ts";

describe("multi-context", () => {
  it("fixed-count bounds hold (two contexts, s = 3)", () => {
    for (const st of multiContextStatements(reference).filter((s) => s.id.startsWith("multi-context"))) expectStatementPoint(st, 1);
  });
  it("random-count bounds hold for autoregressive counts with i.i.d. visits", () => {
    for (const st of multiContextStatements(reference).filter((s) => s.id.startsWith("random-count"))) expectStatementPoint(st);
  });
});
