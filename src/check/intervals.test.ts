import { describe, expect, it } from "vitest";
import { incompleteBeta } from "./incompleteBeta.ts";
import { betaQuantile, clopperPearson, dkwHalfWidth, empiricalBernsteinInterval, hoeffdingHalfWidth, hoeffdingSampleSize } from "./intervals.ts";

describe("incompleteBeta", () => {
  it("matches closed forms", () => {
    expect(incompleteBeta(0.5, 2, 2)).toBeCloseTo(0.5, 15);
    // I_x(1, b) = 1 - (1 - x)^b ; I_x(a, 1) = x^a
    for (const x of [1e-6, 0.1, 0.37, 0.9, 1 - 1e-9]) {
      expect(incompleteBeta(x, 1, 7.5)).toBeCloseTo(-Math.expm1(7.5 * Math.log1p(-x)), 13);
      expect(incompleteBeta(x, 3.25, 1)).toBeCloseTo(x ** 3.25, 13);
    }
  });
  it("equals the binomial tail: P(Bin(n, p) >= k) = I_p(k, n - k + 1)", () => {
    const n = 30;
    const p = 0.23;
    let tail = 0;
    for (let j = 30; j >= 12; j--) {
      let logc = 0;
      for (let i = 1; i <= j; i++) logc += Math.log((n - j + i) / i);
      tail += Math.exp(logc + j * Math.log(p) + (n - j) * Math.log1p(-p));
    }
    expect(incompleteBeta(p, 12, n - 12 + 1)).toBeCloseTo(tail, 14);
  });
});

describe("intervals", () => {
  it("Hoeffding sample size inverts the half-width", () => {
    const R = hoeffdingSampleSize(1, 0.01, 1e-6);
    expect(hoeffdingHalfWidth(1, R, 1e-6)).toBeLessThanOrEqual(0.01);
    expect(hoeffdingHalfWidth(1, R - 1, 1e-6)).toBeGreaterThan(0.01);
  });
  it("Clopper-Pearson matches known values", () => {
    // Rule of three: for k = 0, hi = 1 - (delta/2)^(1/R).
    expect(clopperPearson(0, 100, 0.05).hi).toBeCloseTo(1 - 0.025 ** (1 / 100), 12);
    const ci = clopperPearson(50, 100, 0.05);
    expect(ci.lo).toBeCloseTo(0.3983, 4);
    expect(ci.hi).toBeCloseTo(0.6017, 4);
    expect(betaQuantile(0.3, 1, 1)).toBeCloseTo(0.3, 14);
  });
  it("empirical Bernstein is narrower than Hoeffding for small variance, and DKW is standard", () => {
    const eb = empiricalBernsteinInterval(0.5, 0.001, 1, 100_000, 1e-6);
    expect(eb.hi - eb.estimate).toBeLessThan(hoeffdingHalfWidth(1, 100_000, 1e-6));
    expect(dkwHalfWidth(10_000, 1e-6)).toBeCloseTo(Math.sqrt(Math.log(2e6) / 20_000), 15);
  });
});
