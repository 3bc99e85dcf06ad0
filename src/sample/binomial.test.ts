/**
 * Binomial sampler: chi-square goodness of fit against the exact pmf (@stdlib binomial pmf) in
 * every regime and on both sides of the inversion/BTRD boundary.
 *
 * False-alarm rate: each fit rejects only at p-value < 1e-6 (fixed seeds, so a run is
 * reproducible); with the ~60 fits in this file the chance that a correct sampler fails is
 * below 1e-4.
 * Power: N = 10^6 draws (2 * 10^6 for n <= 20). A relative bias d in q = min(p, 1 - p) gives
 * a noncentrality of about N d^2 n q / (1 - q) (the Fisher information), i.e. 100 n q / (1 - q)
 * for d = 1%: a 1% bias is detected (power > 0.99 against the 1e-6 critical value with <= 200
 * bins) whenever n q >= 2, and the planted-bug test below checks this at the same sample sizes.
 * For n q << 1 (p = 1e-15, or n = 1 with p = 1e-3) the test still checks the masses of the first
 * cells to within their Poisson error. The boundary fits use 2 * 10^5 draws (mean about 10:
 * noncentrality ~ 20 for a 1% bias, so they target branch errors, not 1% biases).
 */
import { describe, expect, it } from "vitest";
import { createRng, deriveSeed } from "../rng/index.ts";
import { binomial, binomialSampler, binomialUnchecked, BINOMIAL_MAX_N, INVERSION_MAX_MEAN } from "./binomial.ts";
import { binomialFit } from "./goodnessOfFit.testkit.ts";

const REJECT = 1e-6;
const NS = [1, 20, 1000, 1e6, BINOMIAL_MAX_N];
const PS = [1e-15, 1e-3, 0.3, 0.5, 1 - 1e-3, 1 - 1e-15];
const drawsFor = (n: number) => (n <= 20 ? 2e6 : 1e6);

describe("binomialUnchecked fits the exact pmf", () => {
  for (const n of NS) {
    it(`n = ${n}, every p`, () => {
      for (const p of PS) {
        const rng = createRng(deriveSeed(1, `binomial ${n} ${p}`));
        const fit = binomialFit(() => binomialUnchecked(rng, n, p), drawsFor(n), n, p);
        expect(fit.pValue, `n=${n} p=${p} ${JSON.stringify(fit)}`).toBeGreaterThan(REJECT);
      }
    });
  }
});

describe("the inversion / BTRD boundary", () => {
  const cases: [number, number][] = [];
  for (const n of [25, 100, 1e6, BINOMIAL_MAX_N]) {
    for (const mean of [INVERSION_MAX_MEAN * 0.999, INVERSION_MAX_MEAN, INVERSION_MAX_MEAN * 1.001, 15, 40]) {
      const q = mean / n;
      if (q <= 0.5) cases.push([n, q], [n, 1 - q]);
    }
  }
  it("fits on both sides of n min(p, 1-p) = INVERSION_MAX_MEAN, p and 1 - p", () => {
    for (const [n, p] of cases) {
      const rng = createRng(deriveSeed(2, `boundary ${n} ${p}`));
      const fit = binomialFit(() => binomialUnchecked(rng, n, p), 2e5, n, p);
      expect(fit.pValue, `n=${n} p=${p} ${JSON.stringify(fit)}`).toBeGreaterThan(REJECT);
    }
  });
  it("fits for small n near p = 1/2 (BTRD with n p just over 10)", () => {
    for (const [n, p] of [[20, 0.5], [21, 0.5], [22, 0.47], [40, 0.26]] as [number, number][]) {
      const rng = createRng(deriveSeed(3, `small ${n} ${p}`));
      const fit = binomialFit(() => binomialUnchecked(rng, n, p), 5e5, n, p);
      expect(fit.pValue, `n=${n} p=${p} ${JSON.stringify(fit)}`).toBeGreaterThan(REJECT);
    }
  });
});

describe("binomialSampler", () => {
  it("fits the exact pmf in each branch", () => {
    for (const [n, p] of [[20, 0.3], [20, 0.7], [1000, 0.3], [1000, 0.7], [1e6, 1e-3], [BINOMIAL_MAX_N, 0.5], [5, 0], [5, 1], [0, 0.5]] as [number, number][]) {
      const rng = createRng(deriveSeed(4, `sampler ${n} ${p}`));
      const draw = binomialSampler(n, p);
      const fit = binomialFit(() => draw(rng), 5e5, n, p);
      expect(fit.pValue, `n=${n} p=${p} ${JSON.stringify(fit)}`).toBeGreaterThan(REJECT);
    }
  });
  it("gives the same stream as binomial with the same seed", () => {
    for (const [n, p] of [[20, 0.3], [1000, 0.7], [1, 1e-15]] as [number, number][]) {
      const a = createRng(9);
      const b = createRng(9);
      const draw = binomialSampler(n, p);
      for (let t = 0; t < 1000; t++) expect(draw(a)).toBe(binomial(b, n, p));
    }
  });
});

describe("degenerate and extreme parameters", () => {
  it("returns 0 for n = 0 or p = 0 and n for p = 1", () => {
    const rng = createRng(5);
    for (let t = 0; t < 100; t++) {
      expect(binomial(rng, 0, 0.3)).toBe(0);
      expect(binomial(rng, BINOMIAL_MAX_N, 0)).toBe(0);
      expect(binomial(rng, BINOMIAL_MAX_N, 1)).toBe(BINOMIAL_MAX_N);
      expect(binomial(rng, 7, 1)).toBe(7);
    }
  });
  it("stays in [0, n] with integer values at the extremes", () => {
    const rng = createRng(6);
    for (const n of [1, 2, 3, 11, 12, BINOMIAL_MAX_N]) {
      for (const p of [Number.MIN_VALUE, 1e-300, 1e-15, 0.5, 1 - 2 ** -53, 1 - 1e-15]) {
        for (let t = 0; t < 200; t++) {
          const x = binomial(rng, n, p);
          expect(Number.isInteger(x) && x >= 0 && x <= n).toBe(true);
        }
      }
    }
  });
});

describe("power: a planted 1% bias in p is caught at the same sample sizes", () => {
  const cases: [number, number][] = [[1, 0.3], [20, 0.3], [100, 0.099], [1000, 0.3], [1e6, 1e-3], [1e6, 0.3]];
  for (const [n, p] of cases) {
    it(`n = ${n}, p = ${p} (${n * p < INVERSION_MAX_MEAN ? "inversion" : "BTRD"})`, () => {
      const rng = createRng(deriveSeed(7, `planted ${n} ${p}`));
      const biased = binomialFit(() => binomialUnchecked(rng, n, p * 1.01), drawsFor(n), n, p);
      expect(biased.pValue).toBeLessThan(REJECT);
    });
  }
});

describe("bad input", () => {
  const rng = createRng(8);
  it("rejects bad n, naming it", () => {
    expect(() => binomial(rng, Number.NaN, 0.5)).toThrow(TypeError);
    expect(() => binomial(rng, 2.5, 0.5)).toThrow(/^n must be an integer/);
    expect(() => binomial(rng, -1, 0.5)).toThrow(RangeError);
    expect(() => binomial(rng, -1, 0.5)).toThrow(/^n /);
    expect(() => binomial(rng, 2 ** 31, 0.5)).toThrow(RangeError);
    expect(() => binomial(rng, Infinity, 0.5)).toThrow(/^n /);
    expect(() => binomialSampler(2 ** 31, 0.5)).toThrow(/^n /);
  });
  it("rejects bad p, naming it", () => {
    expect(() => binomial(rng, 10, Number.NaN)).toThrow(TypeError);
    expect(() => binomial(rng, 10, Number.NaN)).toThrow(/^p /);
    expect(() => binomial(rng, 10, 1.0000001)).toThrow(RangeError);
    expect(() => binomial(rng, 10, -1e-300)).toThrow(/^p must lie in \[0, 1\]/);
    expect(() => binomialSampler(10, Infinity)).toThrow(/^p /);
  });
});
