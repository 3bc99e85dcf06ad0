import { describe, expect, it } from "vitest";
import { createRng } from "../rng/index.ts";
import { dirichlet } from "./dirichlet.ts";

describe("dirichlet", () => {
  // R draws; the sample means of p_0, p_{k-1} and ||p||_2^2 are compared with their exact values
  // E p_i = 1/k, E ||p||^2 = (a+1)/(ka+1) within 6 estimated standard errors: false-alarm rate
  // about 2e-9 per comparison (normal approximation, R = 20000), 6 comparisons per case.
  for (const [s, k, a] of [[600, 52, 1], [10, 10, 0.2], [65, 5, 5]]) {
    it(`has the mean and E||p||^2 of Dirichlet(${a}) on ${k} of ${s} tokens`, () => {
      const rng = createRng(2024 + k);
      const R = 20_000;
      const sums = [0, 0, 0];
      const squares = [0, 0, 0];
      let outside = 0;
      let worstTotal = 0;
      for (let r = 0; r < R; r++) {
        const p = dirichlet(rng, s, a, k);
        let sigma = 0;
        let total = 0;
        for (let i = 0; i < s; i++) {
          sigma += p[i] * p[i];
          total += p[i];
          if (i >= k && p[i] !== 0) outside++;
        }
        worstTotal = Math.max(worstTotal, Math.abs(total - 1));
        const obs = [p[0], p[k - 1], sigma];
        obs.forEach((v, j) => {
          sums[j] += v;
          squares[j] += v * v;
        });
      }
      expect(outside).toBe(0);
      expect(worstTotal).toBeLessThan(1e-12);
      const exact = [1 / k, 1 / k, (a + 1) / (k * a + 1)];
      exact.forEach((e, j) => {
        const mean = sums[j] / R;
        const se = Math.sqrt((squares[j] / R - mean * mean) / R);
        expect(Math.abs(mean - e), `statistic ${j}`).toBeLessThan(6 * se);
      });
    });
  }

  it("stays a distribution for tiny a (computed from log Gamma draws)", () => {
    const p = dirichlet(createRng(3), 100, 1e-3);
    expect(p.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    expect(Math.abs(p.reduce((x, y) => x + y, 0) - 1)).toBeLessThan(1e-12);
  });

  it("rejects bad input naming the parameter", () => {
    const rng = createRng(1);
    expect(() => dirichlet(rng, 10, 0)).toThrow(RangeError);
    expect(() => dirichlet(rng, 10, 0)).toThrow(/^a /);
    expect(() => dirichlet(rng, 10, Number.NaN)).toThrow(TypeError);
    expect(() => dirichlet(rng, 10, 1, 11)).toThrow(/^support/);
  });
});
