import { describe, expect, it } from "vitest";
import { Mismatches, multinomialPmf } from "./oracle-kit.ts";
import {
  id,
  mixedStepFactor,
  randomCountCollapseProbabilityBounds,
  randomCountCollapseTimeBounds,
  randomCountSm,
} from "./random-count-bounds.ts";
import { collapseTimeBounds } from "./thm1-collapse-time-bounds.ts";
import { collapseProbabilityBounds } from "./thm1-rho-bounds.ts";
import { fullySyntheticSm } from "./thm1-sm.ts";

/**
 * Two-token chain with an i.i.d. random count per generation, exactly in float64: the state is the
 * frequency x of token 1 (keys are the float k/n, equal for equal rationals). Returns S_m and
 * P(T > m) for m = 0..M.
 */
function exactRandomCountChain(p1: number, values: number[], probs: number[], M: number): { S: number[]; tail: number[] } {
  let dist = new Map<number, number>([[p1, 1]]);
  const S = [p1 * p1 + (1 - p1) * (1 - p1)];
  const tail = [p1 > 0 && p1 < 1 ? 1 : 0];
  for (let m = 1; m <= M; m++) {
    const next = new Map<number, number>();
    for (const [x, w] of dist) {
      values.forEach((n, v) => {
        for (let k = 0; k <= n; k++) {
          const pr = w * probs[v] * multinomialPmf([x, 1 - x], [k, n - k]);
          if (pr > 0) next.set(k / n, (next.get(k / n) ?? 0) + pr);
        }
      });
    }
    dist = next;
    let s = 0;
    let alive = 0;
    for (const [x, w] of dist) {
      s += w * (x * x + (1 - x) * (1 - x));
      if (x > 0 && x < 1) alive += w;
    }
    S.push(s);
    tail.push(alive);
  }
  return { S, tail };
}

describe(id, () => {
  it("reduces to Eq (6)-(8) for a fixed count", () => {
    const law = { values: [20], probabilities: [1] };
    expect(mixedStepFactor(law).F).toBeCloseTo(0.95, 16);
    for (const m of [0, 1, 5, 100]) {
      expect(randomCountSm({ ...law, S0: 0.38, m })).toBeCloseTo(fullySyntheticSm({ n: 20, S0: 0.38, m }), 15);
      const a = randomCountCollapseProbabilityBounds({ ...law, S0: 0.38, support: 3, m });
      const b = collapseProbabilityBounds({ n: 20, S0: 0.38, support: 3, m });
      expect(a.lower).toBeCloseTo(b.lower, 13);
      expect(a.upper).toBeCloseTo(b.upper, 13);
    }
    const t = randomCountCollapseTimeBounds({ ...law, S0: 0.38, support: 3 });
    const u = collapseTimeBounds({ n: 20, S0: 0.38, support: 3 });
    expect(t.lower).toBeCloseTo(u.lower, 12);
    expect(t.upper).toBeCloseTo(u.upperTight, 10);
  });

  it("matches the exact chain with random counts: S_m exactly, rho_m and E[T] inside the bounds", () => {
    const mm = new Mismatches();
    for (const [p1, values, probs] of [
      [0.3, [1, 2, 3], [0.2, 0.5, 0.3]],
      [0.5, [2, 6], [0.5, 0.5]],
      [0.1, [4, 5, 6], [0.3, 0.3, 0.4]],
    ] as const) {
      const law = { values: [...values], probabilities: [...probs] };
      const S0 = p1 * p1 + (1 - p1) * (1 - p1);
      const { S, tail } = exactRandomCountChain(p1, [...values], [...probs], 25);
      for (let m = 0; m <= 25; m++) {
        mm.abs(`S p1=${p1} m=${m}`, randomCountSm({ ...law, S0, m }), S[m], 1e-14);
        const b = randomCountCollapseProbabilityBounds({ ...law, S0, support: 2, m });
        const rho = 1 - tail[m];
        mm.that(`rho p1=${p1} m=${m}: ${b.lower} <= ${rho} <= ${b.upper}`, b.lower <= rho + 1e-13 && rho <= b.upper + 1e-13);
      }
      const { tail: longTail } = exactRandomCountChain(p1, [...values], [...probs], 150);
      const ET = longTail.reduce((a, x) => a + x, 0);
      const t = randomCountCollapseTimeBounds({ ...law, S0, support: 2 });
      mm.that(`E[T] p1=${p1}: ${t.lower} <= ${ET} <= ${t.upper}`, t.lower <= ET + 1e-9 && ET <= t.upper + 1e-9);
    }
    expect(mm.failures).toEqual([]);
  });

  it("collapses faster than a fixed count with the same mean (Jensen: F <= 1 - 1/E[n])", () => {
    const f = mixedStepFactor({ values: [10, 30], probabilities: [0.5, 0.5] });
    expect(f.F).toBeLessThan(1 - 1 / 20);
    expect(f.expectedNMinusOne).toBe(19);
    expect(f.F + f.oneMinusF).toBeCloseTo(1, 16);
    expect(randomCountSm({ values: [10, 30], probabilities: [0.5, 0.5], S0: 0.38, m: 10 })).toBeGreaterThan(fullySyntheticSm({ n: 20, S0: 0.38, m: 10 }));
    // A huge count keeps full precision in log F.
    expect(mixedStepFactor({ values: [1e9], probabilities: [1] }).logF).toBeCloseTo(Math.log1p(-1e-9), 20);
  });

  it("rejects bad parameters naming them", () => {
    expect(() => mixedStepFactor({ values: [0], probabilities: [1] })).toThrow(/^values\[0\]/);
    expect(() => mixedStepFactor({ values: [1, 2], probabilities: [1] })).toThrow(/^values must have the length of probabilities/);
    expect(() => mixedStepFactor({ values: [1], probabilities: [0.5] })).toThrow(/^probabilities/);
    expect(() => randomCountSm({ values: [2], probabilities: [1], S0: 0.5, m: -1 })).toThrow(/^m/);
  });
});
