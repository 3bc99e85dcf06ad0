import gammaln from "@stdlib/math-base-special-gammaln";
import chi2gof from "@stdlib/stats-chi2gof";
import { describe, expect, it } from "vitest";
import { createRng } from "../rng/index.ts";
import { gamma, gammaSampler, logGammaVariate } from "./gamma.ts";

/**
 * Regularised lower incomplete gamma at x = e^t (log scale, so tiny x do not underflow):
 * P(a, x) = e^-x x^a / Gamma(a+1) * sum_n x^n / ((a+1)...(a+n)).
 */
function gammaCdfAtLog(a: number, t: number): number {
  const x = Math.exp(t);
  let term = 1;
  let sum = 1;
  for (let n = 1; n < 100000; n++) {
    term *= x / (a + n);
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return Math.min(1, Math.exp(-x + a * t - gammaln(a + 1)) * sum);
}

/** t with P(a, e^t) = q, by bisection on the log scale. */
function logQuantile(a: number, q: number): number {
  let lo = -1e5;
  let hi = Math.log(a + 60 * Math.sqrt(a) + 60);
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (gammaCdfAtLog(a, mid) < q) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** Counts of log-draws in B equiprobable bins of the exact law; chi-square p-value. */
function chiSquarePValue(a: number, logDraw: () => number, draws: number, bins = 50): number {
  const edges: number[] = [];
  for (let k = 1; k < bins; k++) edges.push(logQuantile(a, k / bins));
  const counts = new Array(bins).fill(0);
  for (let i = 0; i < draws; i++) {
    const t = logDraw();
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (t <= edges[mid]) hi = mid;
      else lo = mid + 1;
    }
    counts[lo]++;
  }
  return chi2gof(counts, new Array(bins).fill(1 / bins)).pValue;
}

// Each chi-square test rejects at p < 1e-6: false-alarm rate 1e-6 per shape (fixed seeds).
const ALPHA = 1e-6;
const DRAWS = 100_000;

describe("gamma (Marsaglia-Tsang, boost for shape < 1)", () => {
  for (const shape of [0.1, 0.5, 1, 1.5, 2.5, 10, 1000]) {
    it(`matches the Gamma(${shape}) law (chi-square, 50 equiprobable bins)`, () => {
      const rng = createRng(1000 + Math.round(shape * 10));
      const draw = gammaSampler(shape);
      const p = chiSquarePValue(shape, () => Math.log(draw(rng)), DRAWS);
      expect(p).toBeGreaterThan(ALPHA);
    });
  }

  for (const shape of [1e-3, 0.01]) {
    it(`logGammaVariate matches log Gamma(${shape}) where the draw itself underflows`, () => {
      const rng = createRng(7 + Math.round(1 / shape));
      const p = chiSquarePValue(shape, () => logGammaVariate(rng, shape), DRAWS);
      expect(p).toBeGreaterThan(ALPHA);
    });
  }

  it("has mean and variance equal to the shape", () => {
    // |mean - a| < 6 standard errors: false-alarm rate about 2e-9 per shape.
    for (const shape of [0.3, 4]) {
      const rng = createRng(99);
      const m = 200_000;
      let s1 = 0;
      let s2 = 0;
      for (let i = 0; i < m; i++) {
        const x = gamma(rng, shape);
        s1 += x;
        s2 += x * x;
      }
      const mean = s1 / m;
      const variance = s2 / m - mean * mean;
      expect(Math.abs(mean - shape)).toBeLessThan(6 * Math.sqrt(shape / m));
      // Var of X^2 for Gamma(a): a(a+1)(4a+6)... use a loose 6-sigma bound via the 4th moment.
      const m4 = shape * (shape + 1) * (shape + 2) * (shape + 3);
      const ex2 = shape * (shape + 1);
      expect(Math.abs(variance - shape)).toBeLessThan(6 * Math.sqrt((m4 - ex2 * ex2) / m) + 6 * Math.sqrt(shape / m) * 2 * shape);
    }
  });

  it("is reproducible for a fixed seed", () => {
    const a = createRng(5);
    const b = createRng(5);
    for (let i = 0; i < 100; i++) expect(gamma(a, 0.7)).toBe(gamma(b, 0.7));
  });

  it("rejects bad shapes naming the parameter", () => {
    const rng = createRng(1);
    expect(() => gamma(rng, 0)).toThrow(RangeError);
    expect(() => gamma(rng, -1)).toThrow(/^shape/);
    expect(() => gammaSampler(Number.NaN)).toThrow(TypeError);
    expect(() => logGammaVariate(rng, Number.POSITIVE_INFINITY)).toThrow(/^shape/);
  });
});
