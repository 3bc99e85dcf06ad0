// Monte Carlo checks at a false-alarm rate of 1e-8 each (empirical Bernstein, fixed seed 1).
import { describe, expect, it } from "vitest";
import { SETTINGS } from "../../loops/index.ts";
import { reference } from "../implementation.ts";
import { plantedBugs } from "../plantedBugs.ts";
import { simulationPaths } from "../simulationPaths.ts";
import { SIMULATE_EXACT_POINTS, simulateExactStatement } from "./simulateExact.ts";
import { bugImplementation, expectStatementPoint, verdictAt } from "./statementCheck.testkit.ts";

describe("simulate-exact", () => {
  it("the simulator's means equal the exact law at every point (every setting, fixed and fresh real data)", () => {
    const st = simulateExactStatement(reference);
    st.points.forEach((_, i) => {
      const rec = expectStatementPoint(st, i);
      expect(rec.replicates).toBeGreaterThanOrEqual(1000);
      expect(rec.epsilon).toBeLessThan(0.05); // detects 5% of each measure's range
    });
  });

  it("covers every setting x every RunRecord measure (including T and collapsedTo)", () => {
    const covers = new Set(simulateExactStatement(reference).covers);
    const wanted = simulationPaths().filter((p) => p.startsWith("setting:"));
    expect(wanted).toHaveLength(SETTINGS.length * 13);
    for (const p of wanted) expect(covers.has(p), p).toBe(true);
  });

  it("every point's p^(0) has a zero inside its support or before it, and fresh real data is tried for most-recent and randomly-sampled", () => {
    for (const point of SIMULATE_EXACT_POINTS) {
      const p = point.p as number[];
      const first = p.findIndex((v) => v > 0);
      expect(p.slice(first).some((v) => v === 0) || first > 0, JSON.stringify(p)).toBe(true);
    }
    for (const setting of ["most-recent", "randomly-sampled"]) {
      expect(SIMULATE_EXACT_POINTS.some((q) => q.setting === setting && q.realData === "fresh")).toBe(true);
    }
  });

  it("refutes each planted bug it is the catcher of, at its catalogue point", () => {
    const mine = plantedBugs().filter((b) => b.caughtBy.some((c) => c.statement === "simulate-exact"));
    expect(mine.map((b) => b.id).sort()).toEqual(["accumulate-drops-real-data", "entropy-in-bits", "most-recent-window-off-by-one", "randomly-sampled-no-real-data"]);
    for (const bug of mine) {
      const at = bug.caughtBy.find((c) => c.statement === "simulate-exact")!;
      expect(verdictAt(simulateExactStatement(bugImplementation(bug.id)), at.point), bug.id).toBe("refuted");
    }
  });

  it("refutes a simulator whose collapsedTo is the position within the support instead of the token", () => {
    const sparseIndex = {
      ...reference,
      simulateRun: (...a: Parameters<typeof reference.simulateRun>) => {
        const rec = reference.simulateRun(...a);
        const support = Array.from(a[1].p0, (v, i) => (v > 0 ? i : -1)).filter((i) => i >= 0);
        return { ...rec, collapsedTo: rec.collapsedTo === null ? null : support.indexOf(rec.collapsedTo) };
      },
    };
    expect(verdictAt(simulateExactStatement(sparseIndex), { ...SIMULATE_EXACT_POINTS[1], runs: 5000 })).toBe("refuted");
  });
});
