import { describe, expect, it } from "vitest";
import { collapseLaw } from "./collapseLaw.ts";
import { expectedCollapseTime } from "./expectedCollapseTime.ts";
import { expectedFirstLossTime } from "./expectedFirstLossTime.ts";
import { createCompositionIndex } from "./compositions.ts";

const factorial = (m: number): number => (m <= 1 ? 1 : m * factorial(m - 1));

/** Unlumped propagation with the textbook multinomial formula: P(T > m) and S_m for m = 0..M. */
function bruteForce(p: number[], n: number, M: number): { survival: number[]; S: number[] } {
  const s = p.length;
  const idx = createCompositionIndex(n, s);
  const states = Array.from({ length: idx.count }, (_, j) => Array.from(idx.states.subarray(j * s, j * s + s)));
  const pmf = (x: number[], q: number[]) =>
    x.reduce((acc, xi, i) => (acc * q[i] ** xi) / factorial(xi), factorial(n));
  let v = states.map((x) => pmf(x, p));
  const survival = [1];
  const S = [p.reduce((a, b) => a + b * b, 0)];
  for (let m = 1; m <= M; m++) {
    if (m > 1) {
      const next = new Array<number>(states.length).fill(0);
      states.forEach((y, a) => {
        if (v[a] === 0) return;
        states.forEach((x, b) => (next[b] += v[a] * pmf(x, y.map((yi) => yi / n))));
      });
      v = next;
    }
    survival.push(states.reduce((acc, x, a) => acc + (x.filter((xi) => xi > 0).length >= 2 ? v[a] : 0), 0));
    S.push(states.reduce((acc, x, a) => acc + v[a] * x.reduce((t, xi) => t + (xi / n) ** 2, 0), 0));
  }
  return { survival, S };
}

describe("collapseLaw", () => {
  it("n = 2, p = (1/2, 1/2): rho_m = 1 - 2^-m and S_m = 1 - 2^-(m+1)", () => {
    const law = collapseLaw([0.5, 0.5], 2, 3);
    expect(law.rho).toEqual([0, 0.5, 0.75, 0.875].map((v) => expect.closeTo(v, 15)));
    expect(law.S).toEqual([0.5, 0.75, 0.875, 0.9375].map((v) => expect.closeTo(v, 15)));
    expect(law.lossSurvival).toEqual(law.survival);
  });

  it("a Dirac p has collapsed at m = 0 (rho_0 = 1) and never loses a token", () => {
    expect(collapseLaw([0, 1, 0], 5, 2)).toEqual({ rho: [1, 1, 1], survival: [0, 0, 0], S: [1, 1, 1], lossSurvival: [1, 0, 0] });
  });

  it("matches an unlumped propagation with the textbook multinomial formula", () => {
    for (const [p, n] of [[[0.2, 0.5, 0.3], 6], [[0.1, 0.2, 0.3, 0.4], 5], [[0.35, 0.65], 9]] as [number[], number][]) {
      const law = collapseLaw(p, n, 8);
      const ref = bruteForce(p, n, 8);
      for (let m = 0; m <= 8; m++) {
        expect(law.survival[m]).toBeCloseTo(ref.survival[m], 13);
        expect(law.S[m]).toBeCloseTo(ref.S[m], 13);
        expect(law.rho[m] + law.survival[m]).toBeCloseTo(1, 13);
      }
    }
  });

  it("sum_m P(T > m) equals the linear-solve E[T] to 1e-9 relative, and sum_m P(L > m) equals E[L]", () => {
    for (const [p, n] of [[[0.5, 0.5], 30], [[0.1, 0.9], 120], [[0.5, 0.3, 0.2], 12], [[0.25, 0, 0.25, 0.5], 8]] as [number[], number][]) {
      const M = 45 * n; // the tail is below (1 - 1/n)^M * n < 1e-17
      const law = collapseLaw(p, n, M);
      const sumT = law.survival.reduce((a, b) => a + b, 0);
      const sumL = law.lossSurvival.reduce((a, b) => a + b, 0);
      const eT = expectedCollapseTime(p, n);
      expect(Math.abs(sumT - eT) / eT).toBeLessThan(1e-9);
      const eL = expectedFirstLossTime(p, n);
      expect(Math.abs(sumL - eL) / eL).toBeLessThan(1e-9);
    }
  });

  it("rejects bad input with errors naming the parameter", () => {
    expect(() => collapseLaw([0.5, 0.6], 3, 2)).toThrow(/^p /);
    expect(() => collapseLaw([0.5, 0.5], 0, 2)).toThrow(/^n /);
    expect(() => collapseLaw([0.5, 0.5], 3, -1)).toThrow(/^M /);
    expect(() => collapseLaw([0.2, 0.3, 0.5], 500, 2)).toThrow(/^n: /);
  });
});
