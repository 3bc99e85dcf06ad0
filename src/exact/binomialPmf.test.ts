import { describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import { bd0, binomialPmf, stirlerr } from "./binomialPmf.ts";
import { multinomialPmf } from "./multinomialPmf.ts";
import { createCompositionIndex } from "./compositions.ts";

const D = Decimal.clone({ precision: 60 });

/** C(n, x) p^x q^(n-x) in 60-digit decimal arithmetic, with p = a / b given as integers. */
function reference(x: number, n: number, a: number, b: number): number {
  let c = new D(1);
  for (let i = 1; i <= x; i++) c = c.times(n - x + i).div(i);
  const p = new D(a).div(b);
  const q = new D(b - a).div(b);
  return c.times(p.pow(x)).times(q.pow(n - x)).toNumber();
}

describe("binomialPmf (Loader's form)", () => {
  it("has the simple values", () => {
    expect(binomialPmf(1, 2, 0.5, 0.5)).toBeCloseTo(0.5, 15);
    expect(binomialPmf(0, 3, 0, 1)).toBe(1);
    expect(binomialPmf(2, 3, 0, 1)).toBe(0);
    expect(binomialPmf(3, 3, 1, 0)).toBe(1);
    expect(bd0(10, 10)).toBe(0);
    expect(stirlerr(1)).toBeCloseTo(1 - 0.5 * Math.log(2 * Math.PI), 15);
    const halfLn2Pi = D.ln(new D("6.28318530717958647692528676655900576839433879875")).div(2);
    for (const k of [1, 7, 15, 16, 17, 40, 150]) {
      let fact = new D(1);
      for (let i = 2; i <= k; i++) fact = fact.times(i);
      const ref = D.ln(fact).minus(new D(k).plus(0.5).times(D.ln(k))).plus(k).minus(halfLn2Pi);
      expect(Math.abs(stirlerr(k) - ref.toNumber())).toBeLessThan(2e-16);
    }
  });

  // relative error budget 1e-15 (20 + |ln P|): the exponent of a tiny P carries the rounding of
  // its terms (each of size up to a few |ln P|); the naive lgamma form is off by 1e-12 at n = 2000
  const budget = (ref: number): number => 1e-15 * (20 + Math.abs(Math.log(ref)));

  it("is within budget of a 60-digit reference across regimes (dyadic p, so the input is exact)", () => {
    let worst = 0;
    for (const [n, a, b] of [[7, 3, 8], [40, 1, 64], [200, 97, 256], [2000, 1, 2], [2000, 1, 2048], [2000, 2047, 2048], [1500, 333, 1024]]) {
      const mean = (n * a) / b;
      const sd = Math.sqrt(mean * (1 - a / b));
      for (const x of [0, 1, Math.floor(mean), Math.floor(mean + sd), Math.floor(mean + 5 * sd), n - 1, n]) {
        if (x < 0 || x > n) continue;
        const ref = reference(x, n, a, b);
        if (ref < 1e-280) continue;
        const got = binomialPmf(x, n, a / b, (b - a) / b);
        worst = Math.max(worst, Math.abs(got - ref) / ref / budget(ref));
      }
    }
    expect(worst).toBeLessThan(1);
  });

  it("keeps count ratios y/n accurate too (the chain's case), including (1 - 1/n)^n", () => {
    let worst = 0;
    for (const [n, y] of [[2000, 1999], [2000, 1], [2000, 1000], [999, 333], [60, 17]]) {
      for (const x of [0, 1, y - 1, y, y + 1, n - 1, n]) {
        if (x < 0 || x > n) continue;
        const ref = reference(x, n, y, n);
        if (ref < 1e-280) continue;
        worst = Math.max(worst, Math.abs(binomialPmf(x, n, y / n, (n - y) / n) - ref) / ref / budget(ref));
      }
    }
    expect(worst).toBeLessThan(1);
  });

  it("beats the lgamma formula at n = 2000 near the mode (the reason it exists)", () => {
    // not a tautology: the reference is computed in 60 digits
    const ref = reference(1003, 2000, 1, 2);
    expect(Math.abs(binomialPmf(1003, 2000, 0.5, 0.5) - ref) / ref).toBeLessThan(1e-14);
  });
});

describe("multinomialPmf", () => {
  it("sums to 1 over all compositions and matches n!/prod x_i! prod q_i^x_i", () => {
    const w = [0.2, 0.5, 0.3];
    const idx = createCompositionIndex(9, 3);
    let total = 0;
    for (let j = 0; j < idx.count; j++) {
      const x = Array.from(idx.states.subarray(j * 3, j * 3 + 3));
      const pr = multinomialPmf(x, w);
      total += pr;
      const fact = (m: number): number => (m <= 1 ? 1 : m * fact(m - 1));
      const direct = (fact(9) / (fact(x[0]) * fact(x[1]) * fact(x[2]))) * w[0] ** x[0] * w[1] ** x[1] * w[2] ** x[2];
      expect(pr).toBeCloseTo(direct, 14);
    }
    expect(total).toBeCloseTo(1, 14);
  });

  it("accepts unnormalised weights and zero weights", () => {
    expect(multinomialPmf([1, 1], [1, 1])).toBeCloseTo(0.5, 15);
    expect(multinomialPmf([2, 0, 1], [2, 0, 1])).toBeCloseTo(3 * (2 / 3) ** 2 * (1 / 3), 15);
    expect(multinomialPmf([1, 1, 1], [2, 0, 1])).toBe(0);
  });
});
