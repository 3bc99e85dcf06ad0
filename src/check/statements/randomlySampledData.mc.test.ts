// Monte Carlo checks at a false-alarm rate of 1e-8 each (fixed seed 1). The points are reduced
// (fewer runs, shorter horizon) to keep the test fast; verify runs the full ones.
import { describe, it } from "vitest";
import { reference } from "../implementation.ts";
import { rsdPlateauStatement, rsdRareCollapseStatement } from "./randomlySampledData.ts";
import { expectStatementPoint } from "./statementCheck.testkit.ts";

describe("randomly sampled data", () => {
  it("Dirac masses are rare and the deviation plateaus", () => {
    const rare = rsdRareCollapseStatement(reference);
    expectStatementPoint({ ...rare, points: [{ ...rare.points[0], H: 200, bound: 0.2, runs: 250 }] });
    const plateau = rsdPlateauStatement(reference);
    expectStatementPoint({ ...plateau, points: [{ ...plateau.points[0], m1: 10, m2: 20, tolerance: 0.3, runs: 1200 }] });
  });
});
