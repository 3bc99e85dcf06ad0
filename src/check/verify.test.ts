import { describe, expect, it } from "vitest";
import { plantedBugs } from "./plantedBugs.ts";
import { planChecks, unexpectedVerdicts } from "./verify.ts";
import type { VerdictRecord } from "./types.ts";

describe("verify plan", () => {
  it("has at least ten planted bugs, each caught by at least one check that expects a refutation", () => {
    const bugs = plantedBugs();
    expect(bugs.length).toBeGreaterThanOrEqual(10);
    const plan = planChecks({});
    for (const bug of bugs) {
      const checks = plan.filter((c) => c.bug === bug.id);
      expect(checks.length, bug.id).toBeGreaterThan(0);
      for (const c of checks) expect(c.statement.expected).toBe("refuted");
    }
  });

  it("gives every check a distinct label-and-point, and the printed Eq (9) is an erratum expected refuted", () => {
    const plan = planChecks({ plantedBugs: false });
    const keys = plan.map((c) => `${c.statement.id} ${JSON.stringify(c.point)}`);
    expect(new Set(keys).size).toBe(keys.length);
    const printed = plan.filter((c) => c.statement.id.startsWith("thm2-sm-partial-printed"));
    expect(printed.length).toBeGreaterThan(0);
    for (const c of printed) expect([c.statement.kind, c.statement.expected]).toEqual(["erratum", "refuted"]);
  });

  it("--only filters by id prefix", () => {
    const plan = planChecks({ only: ["thm1-sm"], plantedBugs: false });
    expect(plan.length).toBeGreaterThan(0);
    for (const c of plan) expect(c.statement.id.startsWith("thm1-sm")).toBe(true);
  });

  it("flags records whose verdict is not the expected one", () => {
    const base = { verdict: "holds", expected: "holds" } as VerdictRecord;
    const wrong = { verdict: "inconclusive", expected: "refuted" } as VerdictRecord;
    expect(unexpectedVerdicts([base, wrong])).toEqual([wrong]);
  });
});
