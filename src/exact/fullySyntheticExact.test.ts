import { describe, expect, it } from "vitest";
import { fullySyntheticExact } from "./fullySyntheticExact.ts";
import { solveFullySyntheticLevels } from "./fullySyntheticLevels.ts";
import { firstStepExpectations } from "./firstStepExpectations.ts";

/** Wall-clock seconds of f (printed: the brief asks for these timings). */
function timed<T>(label: string, f: () => T): T {
  const t0 = performance.now();
  const out = f();
  console.info(`${label}: ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  return out;
}

describe("fullySyntheticExact", () => {
  it("returns a JSON-ready record with every quantity for m = 0..M", () => {
    const r = fullySyntheticExact([0.5, 0.5], 2, { M: 2 });
    expect(r).toMatchObject({ setting: "fully-synthetic", s: 2, n: 2, support: 2, S0: 0.5, M: 2 });
    expect(r.expectedCollapseTime).toBeCloseTo(2, 14);
    expect(r.expectedFirstLossTime).toBeCloseTo(2, 14);
    expect(r.rho).toEqual([0, 0.5, 0.75].map((v) => expect.closeTo(v, 15)));
    for (const key of ["rho", "survival", "S", "lossSurvival"] as const) expect(r[key]).toHaveLength(3);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(fullySyntheticExact([1, 0], 3, { M: 0 }).expectedFirstLossTime).toBe(Infinity);
  });

  it("s = 2, n = 2000 in seconds: P(limit = delta_i) = p_i to 1e-11, E[T] within 0.2% of 2n ln 2, Eq (6) exact", () => {
    const r = timed("s = 2, n = 2000, M = 50", () => fullySyntheticExact([0.5, 0.5], 2000, { M: 50 }));
    r.absorptionProbabilities.forEach((a) => expect(Math.abs(a - 0.5)).toBeLessThan(1e-11));
    expect(Math.abs(r.expectedCollapseTime / (4000 * Math.LN2) - 1)).toBeLessThan(2e-3);
    r.S.forEach((S, m) => expect(Math.abs(S - (1 - (1 - 1 / 2000) ** m * 0.5))).toBeLessThan(1e-12));
  });

  it("s = 3, n = 60 in seconds: relabelling p leaves E[T] unchanged, absorption = p, Eq (8) holds", () => {
    const levels = timed("s = 3, n = 60, linear solves only", () => solveFullySyntheticLevels(60, 3));
    const a = timed("s = 3, n = 60, M = 50, after the solves", () => fullySyntheticExact([0.5, 0.3, 0.2], 60, { M: 50, levels }));
    const b = firstStepExpectations([0.2, 0.5, 0.3], 60, levels);
    expect(Math.abs(a.expectedCollapseTime - b.expectedCollapseTime) / a.expectedCollapseTime).toBeLessThan(1e-12);
    expect(Math.abs(a.expectedFirstLossTime - b.expectedFirstLossTime) / a.expectedFirstLossTime).toBeLessThan(1e-12);
    [0.5, 0.3, 0.2].forEach((p, i) => expect(Math.abs(a.absorptionProbabilities[i] - p)).toBeLessThan(1e-12));
    expect(a.expectedCollapseTime).toBeGreaterThan(1 + ((1 - a.S0) * 59) / (1 - 1 / 3));
    expect(a.expectedCollapseTime).toBeLessThan(1 + (1 - a.S0) * 60 * 59);
  });

  it("validates its input", () => {
    expect(() => fullySyntheticExact([0.5, 0.5], 3, { M: -1 })).toThrow(/^M /);
    expect(() => fullySyntheticExact([0.5, 0.5], 3, { maxStates: 1 })).toThrow(/^n: /);
  });
});
