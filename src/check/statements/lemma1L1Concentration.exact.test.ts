// Exact checks: the multinomial law of ||p_hat - p||_1 enumerated in BigInt (deterministic).
import { describe, expect, it } from "vitest";
import { gnRegimeUnchecked, logGnUnchecked, logWeissmanUnchecked } from "../../theory/index.ts";
import { reference } from "../implementation.ts";
import { runCheck } from "../runCheck.ts";
import { lemma1Statements } from "./lemma1L1Concentration.ts";
import { bugImplementation, expectStatementPoint, verdictAt } from "./statementCheck.testkit.ts";

const regimeOf = (point: Record<string, unknown>) => gnRegimeUnchecked(Number(point.n), (point.weights as number[]).length);

describe("lemma1-l1-concentration", () => {
  const [printed, weissman] = lemma1Statements(reference);
  it("both forms hold at every point, each informative (bound < 1)", () => {
    for (const st of [printed, weissman]) {
      for (let i = 0; i < st.points.length; i++) {
        const rec = expectStatementPoint(st, i);
        expect(rec.predicted).toBeLessThan(1);
        expect(rec.estimate).toBeGreaterThan(0);
      }
    }
  });
  it("covers Eq (13)'s first two cases, including a point where the middle case is below 2^s - 2 (the improvement is what is tested)", () => {
    const regimes = printed.points.map(regimeOf);
    expect(new Set(regimes)).toEqual(new Set(["weissman", "middle"]));
    const improved = printed.points.filter((p) => regimeOf(p) === "middle" && logGnUnchecked(Number(p.n), (p.weights as number[]).length) < logWeissmanUnchecked((p.weights as number[]).length));
    expect(improved.length).toBeGreaterThan(0);
  });
  it("is nearly tight for s = 2 (tightness above 0.15), so a bound with exponent /2 is refuted", () => {
    expect(expectStatementPoint(printed).tightness).toBeGreaterThan(0.15);
    for (const st of lemma1Statements(bugImplementation("lemma1-exponent-halved")).slice(0, 2)) expect(verdictAt(st)).toBe("refuted");
  });
});

describe("lemma1-large-case (erratum)", () => {
  const largeCase = lemma1Statements(reference)[2];
  it("is an erratum expected refuted, with only large-case points, the paper's (s, n) = (600, 10) first", () => {
    expect([largeCase.kind, largeCase.expected]).toEqual(["erratum", "refuted"]);
    expect(largeCase.points.map(regimeOf).every((r) => r === "large")).toBe(true);
    expect([(largeCase.points[0].weights as number[]).length, largeCase.points[0].n]).toEqual([600, 10]);
  });
  it("is refuted at every point: the exact tail exceeds the printed bound, which is informative (< 1)", () => {
    for (let i = 0; i < largeCase.points.length; i++) {
      const rec = expectStatementPoint(largeCase, i);
      expect(rec.predicted).toBeLessThan(1);
      expect(rec.estimate).toBeGreaterThan(rec.predicted);
    }
    const paper = runCheck(largeCase, largeCase.points[0], { seed: 1, delta: 1e-8, extended: false });
    expect([paper.estimate, paper.predicted < 0.004]).toEqual([1, true]);
  });
});
