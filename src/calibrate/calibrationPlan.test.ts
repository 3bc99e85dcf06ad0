import { describe, expect, it } from "vitest";
import { reference } from "../check/implementation.ts";
import { statementsFor } from "../check/registry.ts";
import { calibrationPlan, DEFAULT_SEEDS, falseAlarmSeeds, REDUCED_SEEDS_STATEMENTS } from "./calibrationPlan.ts";
import { binomialCdfDistance, NO_POWER_FAMILY, powerFamilies } from "./powerFamilies.ts";

describe("calibrationPlan (full)", () => {
  const plan = calibrationPlan();
  const statements = statementsFor(reference);

  it("counts false alarms at every point of every Monte Carlo statement expected to hold", () => {
    const want = statements.filter((s) => s.method === "monte-carlo" && s.expected === "holds").flatMap((s) => s.points.map((_, point) => `${s.id}#${point}`));
    expect(plan.falseAlarmChecks.map((c) => `${c.statement}#${c.point}`)).toEqual(want);
    expect(plan.notCalibrated).toEqual(statements.filter((s) => s.method === "monte-carlo" && s.expected !== "holds").map((s) => s.id));
  });

  it("runs the costly statements on half the seeds, and says so", () => {
    expect(falseAlarmSeeds("simulate-exact", DEFAULT_SEEDS)).toBe(DEFAULT_SEEDS / 2);
    expect(falseAlarmSeeds("thm1-sm", DEFAULT_SEEDS)).toBe(DEFAULT_SEEDS);
    for (const id of REDUCED_SEEDS_STATEMENTS) expect(statements.some((s) => s.id === id), id).toBe(true);
    expect(plan.reducedSeeds.map((r) => r.statement).sort()).toEqual([...REDUCED_SEEDS_STATEMENTS].sort());
    const tasks = plan.tasks.filter((t) => t.kind === "false-alarm" && t.statement === "simulate-exact" && t.point === 0 && t.delta === 0.2);
    expect(tasks).toHaveLength(DEFAULT_SEEDS / 2);
  });

  it("gives every calibrated statement a power family or a reason why not", () => {
    const families = powerFamilies();
    for (const f of families) {
      const st = statements.find((s) => s.id === f.statement);
      expect(st?.points[f.point], f.id).toBeDefined();
      expect(f.sizes[0], f.id).toBe(0);
      expect([...f.sizes].sort((a, b) => a - b), f.id).toEqual([...f.sizes]);
    }
    for (const x of plan.noPowerFamily) expect(NO_POWER_FAMILY[x.statement], x.statement).toBe(x.reason);
    // No reason stays for a statement that has a family.
    for (const id of Object.keys(NO_POWER_FAMILY)) expect(families.some((f) => f.statement === id), id).toBe(false);
  });
});

describe("binomialCdfDistance", () => {
  it("is 0 for the same law and the mass moved for a point shift", () => {
    expect(binomialCdfDistance(20, 0.3, 0.3)).toBe(0);
    // Bin(1, p) vs Bin(1, q): the cdfs differ by |p - q| at x = 0.
    expect(binomialCdfDistance(1, 0.3, 0.4)).toBeCloseTo(0.1, 12);
  });
});
