import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { createRng } from "../rng/index.ts";
import { bettingConfidenceSequence, predictablePluginBet } from "./bettingConfidenceSequence.ts";
import { empiricalBernsteinConfidenceSequence } from "./empiricalBernsteinConfidenceSequence.ts";

/** n values from a seeded generator: Bernoulli(p) when p is given, else U^2 (mean 1/3). */
function sample(seed: number, n: number, p?: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => (p === undefined ? rng.uniform() ** 2 : rng.uniform() < p ? 1 : 0));
}

describe("bettingConfidenceSequence (Waudby-Smith & Ramdas 2024, hedged capital, PrPl bets)", () => {
  // The paper reports its CSs in figures, not tables: there is no printed number to reproduce, so
  // the tests below are the defining identities, an exact recomputation, and coverage by simulation.
  it("bets the predictable plug-in lambdaDot_1 = sqrt(2 ln(2/alpha) / (sigmaHat_0^2 ln 2)) with sigmaHat_0^2 = 1/4", () => {
    expect(predictablePluginBet(1, 0.25, 0.05)).toBeCloseTo(Math.sqrt((8 * Math.log(40)) / Math.LN2), 12);
    expect(predictablePluginBet(100, 0.1, 0.01)).toBeCloseTo(Math.sqrt((2 * Math.log(200)) / (0.1 * 100 * Math.log(101))), 12);
  });

  it("keeps the tracked log-capital equal to a 40-digit decimal.js recomputation of sum ln(1 +- lambda_i (X_i - m))", () => {
    const xs = sample(3, 3000);
    const alpha = 1e-6;
    const ms = [0.01, 1 / 3, 0.97];
    const cs = bettingConfidenceSequence({ alpha, track: ms });
    for (const x of xs) cs.push(x);
    const D = Decimal.clone({ precision: 40 });
    // Independent recomputation of the bets and the capital, every step in 40-digit arithmetic.
    ms.forEach((m, k) => {
      let sum = new D(0);
      let sumSq = new D(0);
      let variance = new D(0.25);
      let plus = new D(0);
      let minus = new D(0);
      const md = new D(m);
      const lnTerm = new D(2).div(alpha).ln().times(2);
      xs.forEach((x, i) => {
        const t = i + 1;
        const bet = lnTerm.div(variance.times(t).times(new D(1 + t).ln())).sqrt();
        const lp = D.min(bet, new D(0.5).div(md));
        const lm = D.min(bet, new D(0.5).div(new D(1).minus(md)));
        const xd = new D(x);
        plus = plus.plus(lp.times(xd.minus(md)).plus(1).ln());
        minus = minus.plus(new D(1).minus(lm.times(xd.minus(md))).ln());
        sum = sum.plus(xd);
        const muHat = sum.plus(0.5).div(t + 1);
        sumSq = sumSq.plus(xd.minus(muHat).pow(2));
        variance = sumSq.plus(0.25).div(t + 1);
      });
      const got = cs.logCapital(k);
      expect(Math.abs(got.plus - plus.toNumber())).toBeLessThan(1e-9 * Math.max(1, Math.abs(plus.toNumber())));
      expect(Math.abs(got.minus - minus.toNumber())).toBeLessThan(1e-9 * Math.max(1, Math.abs(minus.toNumber())));
      const again = cs.logCapitalAt(m);
      expect(again.plus).toBeCloseTo(got.plus, 9);
      expect(again.minus).toBeCloseTo(got.minus, 9);
    });
  });

  it("has K^+ nonincreasing and K^- nondecreasing in m, so C_t is an interval", () => {
    const cs = bettingConfidenceSequence({ alpha: 0.05 });
    for (const x of sample(4, 3000)) cs.push(x);
    let prev = cs.logCapitalAt(0);
    for (let i = 1; i <= 200; i++) {
      const cur = cs.logCapitalAt(i / 200);
      expect(cur.plus).toBeLessThanOrEqual(prev.plus + 1e-12);
      expect(cur.minus).toBeGreaterThanOrEqual(prev.minus - 1e-12);
      prev = cur;
    }
  });

  it("puts the ends of C_t where theta K^+ and (1 - theta) K^- cross 1/alpha, within [0, 1]", () => {
    const alpha = 0.01;
    const ln = Math.log(1 / alpha) - Math.log(0.5);
    for (const [seed, p] of [[5, undefined], [6, 0.02], [7, 0.5]] as const) {
      const cs = bettingConfidenceSequence({ alpha });
      for (const x of sample(seed, 5000, p)) cs.push(x);
      const { lo, hi, estimate } = cs.interval();
      expect(0).toBeLessThanOrEqual(lo);
      expect(lo).toBeLessThan(estimate);
      expect(estimate).toBeLessThan(hi);
      expect(hi).toBeLessThanOrEqual(1);
      expect(cs.logCapitalAt(lo).plus).toBeLessThan(ln);
      if (lo > 1e-9) expect(cs.logCapitalAt(lo - 1e-9).plus).toBeGreaterThanOrEqual(ln);
      expect(cs.logCapitalAt(hi).minus).toBeLessThan(ln);
      if (hi < 1 - 1e-9) expect(cs.logCapitalAt(hi + 1e-9).minus).toBeGreaterThanOrEqual(ln);
    }
  });

  it("is never wider than the trivial [0, 1], even on all-zero or all-one data", () => {
    for (const v of [0, 1]) {
      const cs = bettingConfidenceSequence({ alpha: 1e-9 });
      for (let i = 0; i < 50; i++) cs.push(v);
      const iv = cs.interval();
      expect(iv.lo).toBeGreaterThanOrEqual(0);
      expect(iv.hi).toBeLessThanOrEqual(1);
      expect(v === 0 ? iv.lo : iv.hi).toBe(v);
      expect(iv.hi - iv.lo).toBeLessThan(1);
    }
  });

  it("shrinks at the rate sqrt(ln t / t) of its PrPl bets (slower than the LIL's sqrt(ln ln t / t) by a log factor at most)", () => {
    const xs = sample(8, 100_000, 0.5);
    const cs = bettingConfidenceSequence({ alpha: 0.05 });
    const normalised: number[] = [];
    let i = 0;
    for (const t of [1000, 10_000, 100_000]) {
      for (; i < t; i++) cs.push(xs[i]);
      const { lo, hi } = cs.interval();
      normalised.push((hi - lo) * Math.sqrt(t / Math.log(t)));
      // Never narrower than the law of the iterated logarithm allows (sigma = 1/2).
      expect(hi - lo).toBeGreaterThan(2 * Math.sqrt((2 * 0.25 * Math.log(Math.log(t))) / t));
    }
    for (const r of normalised) expect(r / normalised[0]).toBeGreaterThan(0.6);
    for (const r of normalised) expect(r / normalised[0]).toBeLessThan(1.4);
  });

  it("has two-sided power, and each gambler one-sided power (capital 20 reached)", () => {
    const cs = bettingConfidenceSequence({ alpha: 0.05, track: [0.4, 0.6, 0.5] });
    for (const x of sample(9, 5000, 0.5)) cs.push(x);
    expect(cs.logCapital(0).plus).toBeGreaterThan(Math.log(20));
    expect(cs.logCapital(0).minus).toBeLessThan(Math.log(20));
    expect(cs.logCapital(1).minus).toBeGreaterThan(Math.log(20));
    expect(cs.logCapital(1).plus).toBeLessThan(Math.log(20));
    expect(cs.excludedFromAbove(0) && cs.excludedFromBelow(1) && !cs.excluded(2)).toBe(true);
  });

  it("is no wider than the PrPl empirical Bernstein CS on low-variance 0/1 data", () => {
    const b = bettingConfidenceSequence({ alpha: 1e-6 });
    const e = empiricalBernsteinConfidenceSequence(1e-6);
    for (const x of sample(10, 20_000, 0.01)) {
      b.push(x);
      e.push(x);
    }
    const ib = b.interval();
    const ie = e.interval();
    expect(ib.hi - ib.lo).toBeLessThan(ie.hi - ie.lo);
  });

  it("rejects observations outside [0, 1] and bad parameters", () => {
    expect(() => bettingConfidenceSequence({ alpha: 0.05 }).push(1.5)).toThrow(RangeError);
    expect(() => bettingConfidenceSequence({ alpha: 0 })).toThrow(RangeError);
    const cs = bettingConfidenceSequence({ alpha: 0.05, track: [-0.1, 1.1] });
    cs.push(0.5);
    expect(cs.excluded(0) && cs.excluded(1)).toBe(true);
  });
});
