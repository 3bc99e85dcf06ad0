/**
 * Theorem 1 (Eqs 6, 7, 8) and Proposition 1 checked on the exactly solved Fully Synthetic chain
 * over a grid of (s, n, p). No randomness: every comparison is between exact numbers (up to
 * rounding), so a failure is a real disagreement.
 */
import { describe, expect, it } from "vitest";
import { fullySyntheticExact } from "./fullySyntheticExact.ts";
import { createRng } from "../rng/index.ts";

function grid(): Array<{ p: number[]; n: number }> {
  const rng = createRng(20240405);
  const ps: number[][] = [
    [0.5, 0.5],
    [0.9, 0.1],
    [0.999, 0.001],
    [1 / 3, 1 / 3, 1 / 3],
    [0.5, 0.3, 0.2],
    [0.7, 0, 0.3],
    [0.25, 0.25, 0.25, 0.25],
    [0.85, 0.05, 0.05, 0.05],
  ];
  for (const s of [2, 3, 4]) {
    const w = Array.from({ length: s }, () => rng.uniform());
    const sum = w.reduce((a, b) => a + b, 0);
    const p = w.map((v) => v / sum);
    p[s - 1] = 1 - p.slice(0, s - 1).reduce((a, b) => a + b, 0);
    ps.push(p);
  }
  const out: Array<{ p: number[]; n: number }> = [];
  for (const p of ps) for (const n of p.length === 4 ? [1, 2, 3, 5, 9, 14] : [1, 2, 3, 5, 10, 20]) out.push({ p, n });
  return out;
}

const cases = grid().map(({ p, n }) => {
  const M = 4 * n + 10;
  return { p, n, M, r: fullySyntheticExact(p, n, { M }) };
});

describe("Theorem 1 and Proposition 1 on the exact chain", () => {
  it("Eq (6): S_m = 1 - (1 - 1/n)^m (1 - S_0) for every m <= M, to 1e-12", () => {
    for (const { n, M, r } of cases) {
      for (let m = 0; m <= M; m++) {
        expect(Math.abs(r.S[m] - (1 - (1 - 1 / n) ** m * (1 - r.S0)))).toBeLessThan(1e-12);
      }
    }
  });

  it("Eq (7): 1 - n(1 - S_0)(1 - 1/n)^m <= rho_m <= 1 - (1 - S_0)(1 - 1/n)^m / (1 - 1/s~) for 1 <= m <= M", () => {
    for (const { n, M, r } of cases) {
      if (r.support === 1) continue;
      const c = (1 - r.S0) / (1 - 1 / r.support);
      for (let m = 1; m <= M; m++) {
        const decay = (1 - 1 / n) ** m;
        // in survival form (P(T > m) = 1 - rho_m) so that tiny values keep their precision
        expect(r.survival[m]).toBeLessThanOrEqual(n * (1 - r.S0) * decay * (1 + 1e-12) + 1e-300);
        expect(r.survival[m]).toBeGreaterThanOrEqual(c * decay * (1 - 1e-12));
        expect(r.rho[m]).toBeGreaterThanOrEqual(1 - n * (1 - r.S0) * decay - 1e-12);
        expect(r.rho[m]).toBeLessThanOrEqual(1 - c * decay + 1e-12);
      }
    }
  });

  it("Eq (8): 1 + (1 - S_0)(n - 1)/(1 - 1/s~) <= E[T] <= 1 + (1 - S_0) n (n - 1)", () => {
    for (const { n, r } of cases) {
      if (r.support === 1) continue;
      const lower = 1 + ((1 - r.S0) * (n - 1)) / (1 - 1 / r.support);
      const upper = 1 + (1 - r.S0) * n * (n - 1);
      expect(r.expectedCollapseTime).toBeGreaterThanOrEqual(lower * (1 - 1e-12));
      expect(r.expectedCollapseTime).toBeLessThanOrEqual(upper * (1 + 1e-12));
    }
  });

  it("for uniform p the Eq (8) lower bound is n, E[T] lies in [n, 2n], and n = 2, s = 2 attains it", () => {
    // diffusion (Sect. 4.4): E[T] is about 2n(s - 1)ln(s/(s - 1)) < 2n
    expect(fullySyntheticExact([0.5, 0.5], 2, { M: 1 }).expectedCollapseTime).toBeCloseTo(2, 14);
    for (const { p, n, r } of cases) {
      if (!p.every((v) => v === p[0])) continue;
      expect(r.expectedCollapseTime).toBeGreaterThanOrEqual(n * (1 - 1e-12));
      expect(r.expectedCollapseTime).toBeLessThanOrEqual(2 * n + 1e-12);
    }
  });

  it("Proposition 1: P(lim p^(m) = delta_i) = p_i, to 1e-12", () => {
    for (const { p, r } of cases) r.absorptionProbabilities.forEach((a, i) => expect(Math.abs(a - p[i])).toBeLessThan(1e-12));
  });

  it("Eq (7) at m = 0 needs p on the 1/n grid: for p = (0.999, 0.001), n = 10 the lower bound 0.98 exceeds rho_0 = 0", () => {
    // The proof uses ||p^(m)||_inf in {1/n, ..., 1}, true only for m >= 1 (or p on the grid).
    const r = fullySyntheticExact([0.999, 0.001], 10, { M: 1 });
    expect(r.rho[0]).toBe(0);
    expect(1 - 10 * (1 - r.S0)).toBeGreaterThan(0.97);
    const onGrid = fullySyntheticExact([0.9, 0.1], 10, { M: 1 });
    expect(onGrid.rho[0]).toBeGreaterThanOrEqual(1 - 10 * (1 - onGrid.S0) - 1e-12);
  });
});
