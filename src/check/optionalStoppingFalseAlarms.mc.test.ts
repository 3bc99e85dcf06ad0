import { describe, expect, it } from "vitest";
import { clopperPearson } from "./intervals.ts";
import { clopperPearsonExcludes, optionalStoppingFalseAlarms } from "./optionalStoppingFalseAlarms.ts";

// Each assertion compares a Clopper-Pearson bound at level 0.002 (two-sided) with a rate, so each
// fails by chance with probability at most 0.001 (six assertions: at most 0.006); the seeds are fixed.
const LEVEL = 0.002;
const bernoulli = (p: number) => ({ mean: p, bernoulli: true, draw: (rng: { uniform(): number }) => (rng.uniform() < p ? 1 : 0) });

describe("optional stopping: peek after every 10 runs, stop at the first exclusion", () => {
  it("clopperPearsonExcludes agrees with the interval", () => {
    for (const [k, n] of [[0, 50], [3, 50], [25, 50], [50, 50]]) {
      const ci = clopperPearson(k, n, 0.05);
      for (const p of [0.01, 0.05, 0.3, 0.5, 0.7, 0.99]) expect(clopperPearsonExcludes(p, k, n, 0.05)).toBe(p < ci.lo || p > ci.hi);
    }
  });

  it("delta = 0.05: the betting CS keeps its rate; the peeked Clopper-Pearson interval does not", () => {
    const r = optionalStoppingFalseAlarms({ seed: 11, trials: 600, horizon: 10_000, batch: 10, delta: 0.05, level: LEVEL, ...bernoulli(0.3) });
    expect(clopperPearson(r.bettingCS.alarms, r.trials, LEVEL).lo).toBeLessThanOrEqual(0.05);
    expect(clopperPearson(r.empiricalBernsteinCS.alarms, r.trials, LEVEL).lo).toBeLessThanOrEqual(0.05);
    expect(r.fixedClopperPearson!.lo).toBeGreaterThan(0.05);
  });

  it("delta = 0.2: peeking multiplies the fixed empirical Bernstein interval's rate (within delta only by its slack)", () => {
    const r = optionalStoppingFalseAlarms({ seed: 13, trials: 600, horizon: 10_000, batch: 10, delta: 0.2, level: LEVEL, ...bernoulli(0.3) });
    expect(r.fixedEmpiricalBernstein.lo).toBeGreaterThan(r.fixedEmpiricalBernsteinOneLook.hi);
    expect(r.bettingCS.lo).toBeLessThanOrEqual(0.2);
    expect(r.fixedClopperPearson!.lo).toBeGreaterThan(0.2);
  });
});
