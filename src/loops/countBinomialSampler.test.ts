import { describe, expect, it } from "vitest";
import { binomialPmf } from "../exact/binomialPmf.ts";
import { fixedUniforms } from "../rng/fixedUniforms.testkit.ts";
import { createRng } from "../rng/index.ts";
import { binomialFit } from "../sample/goodnessOfFit.testkit.ts";
import { COUNT_BINOMIAL_MAX_N, CountBinomialSampler, countBinomialSampler } from "./countBinomialSampler.ts";

const CASES: [number, number, number][] = [
  // [trials, n, c]
  [2, 2, 1],
  [1, 2, 1],
  [10, 10, 1],
  [10, 10, 9],
  [9, 10, 5],
  [400, 400, 200],
  [399, 400, 3],
  [400, 400, 397],
  [1024, 1024, 1],
  [1023, 1024, 700],
];

describe("CountBinomialSampler", () => {
  it("tabulates the cdf of Binomial(trials, c / n) to a few ulps, leaving out only negligible outcomes", () => {
    for (const [trials, n, c] of CASES) {
      const cdf = new CountBinomialSampler(trials, n).cdf(c);
      let modal = 0;
      for (let x = 0; x <= trials; x++) modal = Math.max(modal, binomialPmf(x, trials, c / n, (n - c) / n));
      let exactCdf = 0;
      for (let x = 0; x <= trials; x++) {
        const exact = binomialPmf(x, trials, c / n, (n - c) / n);
        exactCdf += exact;
        const got = cdf[x] - (x > 0 ? cdf[x - 1] : 0);
        expect(Math.abs(cdf[x] - exactCdf), `cdf ${trials} ${n} ${c} ${x}`).toBeLessThan(2e-15);
        // Where the cdf is small the terms keep their relative accuracy (left tail).
        if (exactCdf < 1e-3 && exact > 2 ** -50 * modal) expect(Math.abs(got / exact - 1), `pmf ${trials} ${n} ${c} ${x}`).toBeLessThan(1e-12);
        if (exact < 2 ** -66 * modal) expect(got).toBe(0);
      }
      expect(cdf[trials]).toBe(1);
    }
  });

  it("returns the smallest x with u < cdf(x), for u on and just below every cdf step", () => {
    for (const [trials, n, c] of CASES) {
      const s = new CountBinomialSampler(trials, n);
      const cdf = s.cdf(c);
      const us: number[] = [0, 1 - 2 ** -53];
      for (let x = 0; x < trials; x++) {
        if (cdf[x] > 0 && cdf[x] < 1 && cdf[x] !== cdf[x + 1]) us.push(cdf[x], cdf[x] - 2 ** -53 * Math.max(cdf[x], 2 ** -20));
      }
      const want = us.map((u) => {
        let x = 0;
        while (!(u < cdf[x])) x++;
        return x;
      });
      const rng = fixedUniforms(us);
      const got = us.map(() => s.draw(rng, c));
      expect(got, `${trials} ${n} ${c}`).toEqual(want);
    }
  });

  it("keeps the tables of many c apart in one sampler (built in any order, storage grown)", () => {
    // One sampler, every c of n = 400 tabulated in a shuffled order (the flat storage grows many
    // times): each table must equal a fresh sampler's, and draws at and just below each of its
    // steps must invert it.
    const n = 400;
    const shared = new CountBinomialSampler(n, n);
    const order = Array.from({ length: n - 1 }, (_, i) => i + 1);
    const shuffle = createRng(31);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(shuffle.uniform() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const c of order) shared.draw(shuffle, c);
    for (const c of [1, 2, 57, 200, 398, 399]) {
      const cdf = shared.cdf(c);
      expect(Array.from(cdf), `c = ${c}`).toEqual(Array.from(new CountBinomialSampler(n, n).cdf(c)));
      const us: number[] = [];
      for (let x = 0; x < n; x++) if (cdf[x] > 0 && cdf[x] < 1 && cdf[x] !== cdf[x + 1]) us.push(cdf[x], cdf[x] - 2 ** -53 * Math.max(cdf[x], 2 ** -20));
      const want = us.map((u) => {
        let x = 0;
        while (!(u < cdf[x])) x++;
        return x;
      });
      const rng = fixedUniforms(us);
      expect(us.map(() => shared.draw(rng, c)), `c = ${c}`).toEqual(want);
    }
  });

  it("draws fit the binomial law (chi-square, p > 1e-6)", () => {
    // Each fit has a false-alarm rate of 1e-6 (5 fits: 5e-6 in all).
    for (const [trials, n, c] of [
      [400, 400, 200],
      [399, 400, 1],
      [50, 50, 37],
      [1023, 1024, 512],
      [3, 3, 2],
    ]) {
      const rng = createRng(1000 + trials + c);
      const s = new CountBinomialSampler(trials, n);
      const fit = binomialFit(() => s.draw(rng, c), 100_000, trials, c / n);
      expect(fit.pValue, JSON.stringify({ trials, n, c, fit })).toBeGreaterThan(1e-6);
    }
  });

  it("the fit has power: a table of Binomial(n, (c + 1) / n) is rejected", () => {
    const rng = createRng(77);
    const s = new CountBinomialSampler(400, 400);
    expect(binomialFit(() => s.draw(rng, 41), 100_000, 400, 40 / 400).pValue).toBeLessThan(1e-6);
  });

  it("is shared per (trials, n) and rejects bad parameters by name", () => {
    expect(countBinomialSampler(30, 31)).toBe(countBinomialSampler(30, 31));
    expect(countBinomialSampler(31, 31)).not.toBe(countBinomialSampler(30, 31));
    expect(() => new CountBinomialSampler(10, 1)).toThrow(/^n/);
    expect(() => new CountBinomialSampler(10, COUNT_BINOMIAL_MAX_N + 1)).toThrow(/^n/);
    expect(() => new CountBinomialSampler(11, 10)).toThrow(/^trials/);
    expect(() => new CountBinomialSampler(0, 10)).toThrow(/^trials/);
    expect(() => new CountBinomialSampler(10, 10).cdf(10)).toThrow(/^c/);
    expect(() => new CountBinomialSampler(10, 10).cdf(0)).toThrow(/^c/);
  });
});
