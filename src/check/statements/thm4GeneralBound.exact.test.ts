// Exact checks of the Theorem 4 points: which are vacuous, which informative, and the exact drift there.
import { describe, expect, it } from "vitest";
import { partiallySyntheticAveragedTrajectory } from "../../exact/partiallySyntheticTrajectory.ts";
import { thm4DeviationBound } from "../../theory/index.ts";
import { reference } from "../implementation.ts";
import { distributionOf, generationsOf } from "../points.ts";
import type { Parameters } from "../types.ts";
import { expectedLambdaOfEmpirical, thm4Statements } from "./thm4GeneralBound.ts";

function boundsAt(point: Parameters): { safe: number; printed: number; twoAlpha: number } {
  const p = distributionOf(point);
  const N = Number(point.N);
  const n = Number(point.n);
  const lambda1 = expectedLambdaOfEmpirical(p, N) ?? 0.25;
  const at = (zeta: "safe" | "printed") => thm4DeviationBound({ N, n, s: p.length, expectedLambda1: lambda1, zeta }).value;
  return { safe: at("safe"), printed: at("printed"), twoAlpha: (2 * n) / (N + n) };
}

describe("thm4-general-bound points", () => {
  const [safe] = thm4Statements(reference);
  it("the paper's point is vacuous (bound >= 2 alpha) and labelled so; every other point is informative (bound < 2 alpha)", () => {
    const [paper, ...rest] = safe.points;
    expect(paper.expect).toBe("vacuous");
    expect(boundsAt(paper).printed).toBeGreaterThan(2e4);
    for (const point of rest) {
      const b = boundsAt(point);
      expect(point.expect).toBeUndefined();
      expect(Math.max(b.safe, b.printed)).toBeLessThan(b.twoAlpha);
    }
  });
  it("at the s = 2 points the exact drift E||p^(m) - p^(1)||_1 is below both bounds and uses more than 2% of them", () => {
    for (const point of safe.points.filter((q) => Array.isArray(q.p) && q.p.length === 2)) {
      const b = boundsAt(point);
      const ms = generationsOf(point);
      const drift = partiallySyntheticAveragedTrajectory(Array.from(distributionOf(point)), Number(point.N), Number(point.n), Math.max(...ms)).l1FromFirst;
      for (const m of ms) {
        expect(drift[m]).toBeLessThan(Math.min(b.safe, b.printed));
        expect(drift[m] / b.safe).toBeGreaterThan(0.02);
      }
    }
  });
});
