import { describe, expect, it } from "vitest";
import {
  checkRealCounts,
  partiallySyntheticAveragedTrajectory,
  partiallySyntheticTrajectory,
} from "./partiallySyntheticTrajectory.ts";

/**
 * Given q = p^(1) = r/N, for m >= 2: nu^(m) = (1 - alpha^2) q^2 + alpha^2 q / n + beta nu^(m-1),
 * nu^(1) = q^2, beta = alpha^2 (1 - 1/n) (Theorem 2's proof, conditional on the real data).
 */
function conditionalS(q: number[], N: number, n: number, M: number): number[] {
  const alpha = n / (N + n);
  const beta = alpha * alpha * (1 - 1 / n);
  let nu = q.map((v) => v * v);
  const out = [nu.reduce((a, b) => a + b, 0)];
  for (let m = 2; m <= M; m++) {
    nu = nu.map((prev, i) => (1 - alpha * alpha) * q[i] * q[i] + ((alpha * alpha) / n) * q[i] + beta * prev);
    out.push(nu.reduce((a, b) => a + b, 0));
  }
  return out;
}

describe("partiallySyntheticTrajectory (fixed real counts)", () => {
  it("hand case: r = (1, 1), n = 1 gives p^(2) in {(2/3, 1/3), (1/3, 2/3)}, so S_2 = 5/9", () => {
    const t = partiallySyntheticTrajectory([0.5, 0.5], [1, 1], 1, 2);
    expect(t.S).toEqual([0.5, 0.5, expect.closeTo(5 / 9, 15)]);
    expect(t.l1FromFirst[2]).toBeCloseTo(2 / 3 - 1 / 2 + (1 / 2 - 1 / 3), 15);
  });

  it("S_m matches the conditional second-moment recursion and E||p^(m) - p^(1)||^2 = S_m - S_1", () => {
    for (const [p, r, n] of [
      [[0.5, 0.3, 0.2], [5, 3, 2], 12],
      [[0.2, 0.2, 0.6], [1, 0, 6], 7],
      [[0.1, 0.2, 0.3, 0.4], [2, 1, 1, 3], 6],
    ] as [number[], number[], number][]) {
      const N = r.reduce((a, b) => a + b, 0);
      const M = 12;
      const t = partiallySyntheticTrajectory(p, r, n, M);
      const ref = conditionalS(r.map((v) => v / N), N, n, M);
      for (let m = 1; m <= M; m++) {
        expect(t.S[m]).toBeCloseTo(ref[m - 1], 13);
        expect(t.l2FromFirst[m]).toBeCloseTo(t.S[m] - t.S[1], 13);
      }
      expect(t.S[0]).toBeCloseTo(p.reduce((a, b) => a + b * b, 0), 15);
    }
  });

  it("a Dirac real sample keeps p^(m) = p^(1) for ever", () => {
    const t = partiallySyntheticTrajectory([0.5, 0.5], [0, 4], 3, 4);
    expect(t.S).toEqual([0.5, 1, 1, 1, 1].map((v) => expect.closeTo(v, 15)));
    expect(t.l1FromFirst.slice(1)).toEqual([0, 0, 0, 0].map((v) => expect.closeTo(v, 15)));
  });

  it("validates the real counts against p", () => {
    const p = Float64Array.of(0.5, 0.5, 0);
    expect(checkRealCounts([3, 1, 0], p)).toBe(4);
    expect(() => checkRealCounts([3, 1], p)).toThrow(/^real must have 3 entries/);
    expect(() => checkRealCounts([3, 1, 1], p)).toThrow(/^real\[2\] must be 0/);
    expect(() => checkRealCounts([3, 1.5, 0], p)).toThrow(TypeError);
    expect(() => checkRealCounts([0, 0, 0], p)).toThrow(/^N \(sum of real\)/);
  });
});

describe("partiallySyntheticAveragedTrajectory (real counts ~ Multinomial(N, p))", () => {
  it("N = n = 1: p^(1) is a Dirac mass, so S_1 = 1", () => {
    expect(partiallySyntheticAveragedTrajectory([0.5, 0.5], 1, 1, 1).S).toEqual([0.5, expect.closeTo(1, 15)]);
  });

  it("E||p^(1) - p||^2 = (1 - S_0)/N (Sect. 4.3) at m = 0", () => {
    const p = [0.5, 0.3, 0.2];
    const t = partiallySyntheticAveragedTrajectory(p, 6, 4, 3);
    expect(t.l2FromFirst[0]).toBeCloseTo((1 - 0.38) / 6, 14);
  });

  it("rejects averages too large to compute with a RangeError naming N", () => {
    expect(() => partiallySyntheticAveragedTrajectory([0.25, 0.25, 0.25, 0.25], 200, 20, 50)).toThrow(/^N: /);
  });
});
