import { describe, expect, it } from "vitest";
import { empiricalBernsteinInterval } from "./intervals.ts";
import { bernsteinSampleSize, meanAndVariance } from "./montecarlo.ts";
import { assertCheck, canonicalJson, runCheck, splitBudget } from "./runCheck.ts";
import type { Statement } from "./statement.ts";

const statement = (estimate: number): Statement => ({
  id: "toy",
  title: "toy",
  where: "nowhere",
  kind: "statement",
  expected: "holds",
  method: "monte-carlo",
  description: "",
  points: [{ a: 1 }],
  measure: () => ({ relation: "equals", predicted: 1, estimate, interval: [estimate - 0.1, estimate + 0.1], replicates: 10, epsilon: 0.2, evidence: "toy" }),
});

describe("runCheck and assertCheck", () => {
  it("decide, hash stably and replay in the failure message", () => {
    const ok = runCheck(statement(1.05), { a: 1 }, { seed: 3, delta: 1e-6, extended: false });
    expect(ok.verdict).toBe("holds");
    expect(runCheck(statement(1.05), { a: 1 }, { seed: 3, delta: 1e-6, extended: false }).hash).toBe(ok.hash);
    expect(() => assertCheck(ok)).not.toThrow();
    const bad = runCheck(statement(1.5), { a: 1 }, { seed: 3, delta: 1e-6, extended: false });
    expect(bad.verdict).toBe("refuted");
    expect(bad.hash).not.toBe(ok.hash);
    expect(() => assertCheck(bad)).toThrow(/toy: expected "holds", got "refuted".*seed: 3, parameters: \{"a":1\}/);
  });
  it("turns an exception into an inconclusive record", () => {
    const st = { ...statement(1), measure: () => { throw new RangeError("n must be >= 1"); } };
    const r = runCheck(st, { a: 1 }, { seed: 1, delta: 1e-6, extended: false });
    expect([r.verdict, r.evidence]).toEqual(["inconclusive", "error: n must be >= 1"]);
  });
  it("a bound at or beyond the a priori range is vacuous; a bound without a range is a bug in the statement", () => {
    const bound = (predicted: number, range?: [number, number]): Statement => ({
      ...statement(0.5),
      measure: () => ({ relation: "atMost", predicted, estimate: 0.5, interval: [0.4, 0.6], replicates: 10, epsilon: 0.2, evidence: "toy", ...(range ? { range } : {}) }),
    });
    const ctx = { seed: 1, delta: 1e-6, extended: false };
    expect(runCheck(bound(0.9, [0, 1]), { a: 1 }, ctx).verdict).toBe("holds");
    const vacuous = runCheck(bound(1, [0, 1]), { a: 1 }, ctx);
    expect([vacuous.verdict, vacuous.trivialBound, vacuous.expected]).toEqual(["vacuous", 1, "holds"]);
    expect(runCheck(bound(1, [0, 1]), { a: 1, expect: "vacuous" }, ctx).expected).toBe("vacuous");
    expect(runCheck(bound(0.3, [0, 1]), { a: 1 }, ctx).verdict).toBe("refuted");
    const missing = runCheck(bound(0.9), { a: 1 }, ctx);
    expect([missing.verdict, missing.evidence]).toEqual(["inconclusive", expect.stringMatching(/declares no a priori range/)]);
  });
  it("canonical JSON sorts keys at every depth", () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3] } })).toBe('{"a":{"c":[3],"d":2},"b":1}');
  });
  it("splits the budget and rejects a bad one", () => {
    expect(splitBudget(1e-6, 100)).toBeCloseTo(1e-8, 20);
    expect(() => splitBudget(0, 3)).toThrow(RangeError);
  });
});

describe("bernsteinSampleSize", () => {
  it("gives a sample whose empirical Bernstein half-width is at most the target", () => {
    for (const [v, h] of [[0.01, 0.005], [0.2, 0.01], [1e-6, 1e-4]]) {
      const R = bernsteinSampleSize(v, 1, h, 1e-8, 2, 1e9);
      const iv = empiricalBernsteinInterval(0, v, 1, R, 1e-8);
      expect(iv.hi).toBeLessThanOrEqual(h * (1 + 1e-9));
      expect(empiricalBernsteinInterval(0, v, 1, Math.floor(R * 0.9), 1e-8).hi).toBeGreaterThan(h);
    }
  });
  it("meanAndVariance matches the two-pass formulas", () => {
    const x = [1, 2, 4, 8, 16];
    const mean = x.reduce((a, b) => a + b) / x.length;
    const variance = x.reduce((a, b) => a + (b - mean) ** 2, 0) / (x.length - 1);
    const got = meanAndVariance(x);
    expect(got.mean).toBeCloseTo(mean, 14);
    expect(got.variance).toBeCloseTo(variance, 12);
  });
});
