import { describe, expect, it } from "vitest";
import { B, big, bigMinus, bigPow, expectBig, fsChainBig, Mismatches, toNum } from "./oracle-kit.ts";
import { id, tokenEventualLoss, tokenExpectedHeterozygosity, tokenLostAtFirstGeneration, tokenSegregationBounds } from "./token-loss-bounds.ts";

describe(id, () => {
  it("matches the exact rational formulas across regimes (tiny p_k, huge n and m)", () => {
    const mm = new Mismatches();
    for (const n of [1, 2, 10, 1e9]) {
      const base = new B(n - 1).div(n);
      for (const pk of [1e-300, 1e-20, 0.1, 0.5, 1 - 1e-12]) {
        const h = big(pk).times(bigMinus(new B(1), big(pk)));
        for (const m of [0, 1, 3, 1e6, 1e9]) {
          const x = Math.abs(m * Math.log1p(-1 / n));
          const tol = 8 + (Number.isFinite(x) ? 2 * x : 0);
          const f = bigPow(base, m);
          mm.ulps(`E[p(1-p)] n=${n} pk=${pk} m=${m}`, tokenExpectedHeterozygosity({ n, pk, m }), toNum(f.times(h)), tol);
          const b = tokenSegregationBounds({ n, pk, m });
          mm.ulps(`lower n=${n} pk=${pk} m=${m}`, b.lower, toNum(f.times(h).times(4)), tol);
          if (m >= 1) mm.ulps(`upper n=${n} pk=${pk} m=${m}`, b.upper, toNum(bigPow(base, m - 1).times(h).times(n)), tol);
        }
        // (1 - pk)^n: exp(n log1p(-pk)), error ~ |n log1p(-pk)| ulps.
        const y = pk >= 0.5 ? 0 : Math.abs(n * Math.log1p(-pk));
        mm.ulps(`lost at 1 n=${n} pk=${pk}`, tokenLostAtFirstGeneration({ n, pk }), toNum(bigPow(bigMinus(new B(1), big(pk)), n)), 8 + 2 * y);
      }
    }
    expect(mm.failures).toEqual([]);
    // Naive (1 - pk)^n loses everything here; the log1p form does not.
    expect((1 - 1e-20) ** 1e9).toBe(1);
    expect(1 - tokenLostAtFirstGeneration({ n: 1e9, pk: 1e-20 })).toBeGreaterThan(0);
  });

  it("brackets P(0 < p_k^(m) < 1) of the exactly enumerated chain and has the exact identities", () => {
    const mm = new Mismatches();
    for (const [p, n] of [
      [[0.5, 0.3, 0.2], 4],
      [[0.1, 0.9], 6],
      [[0.02, 0.98], 5],
    ] as const) {
      for (let m = 1; m <= 3; m++) {
        const chain = fsChainBig(p, n, m);
        for (let k = 0; k < p.length; k++) {
          const seg = toNum(chain.filter((st) => st.pm[k].gt(0) && st.pm[k].lt(1)).reduce((a, st) => a.plus(st.prob), new B(0)));
          const b = tokenSegregationBounds({ n, pk: p[k], m });
          mm.that(`p=${p} n=${n} m=${m} k=${k}: ${b.lower} <= ${seg} <= ${b.upper}`, b.lower <= seg * (1 + 1e-14) && seg <= b.upper * (1 + 1e-14));
          const het = toNum(expectBig(chain, (st) => st.pm[k].times(new B(1).minus(st.pm[k]))));
          mm.ulps(`E[p(1-p)] p=${p} n=${n} m=${m} k=${k}`, tokenExpectedHeterozygosity({ n, pk: p[k], m }), het, 8);
          if (m === 1) {
            const lost = toNum(chain.filter((st) => st.pm[k].eq(0)).reduce((a, st) => a.plus(st.prob), new B(0)));
            // The chain uses sum_{j != k} p_j, which differs from 1 - p_k by the float sum's rounding.
            mm.ulps(`lost at 1 p=${p} n=${n} k=${k}`, tokenLostAtFirstGeneration({ n, pk: p[k] }), lost, 64);
          }
        }
      }
    }
    expect(mm.failures).toEqual([]);
  });

  it("uses the exact P(A_0) at m = 0, where the grid-based upper formula fails", () => {
    // n (1 - 1/n)^(-1) p(1 - p) at m = 0 with n = 10, p = 0.01: 0.11 < P(A_0) = 1.
    expect(((10 * 0.01 * 0.99) / 0.9)).toBeLessThan(1);
    expect(tokenSegregationBounds({ n: 10, pk: 0.01, m: 0 }).upper).toBe(1);
    expect(tokenSegregationBounds({ n: 10, pk: 0, m: 0 })).toEqual({ lower: 0, upper: 0 });
    expect(tokenSegregationBounds({ n: 10, pk: 0.5, m: 0 }).lower).toBe(1);
  });

  it("has lower <= upper ((n - 2)^2 >= 0), the example numbers and P(eventually lost) = 1 - p_k", () => {
    for (const n of [1, 2, 3, 10, 1000]) {
      for (const m of [1, 2, 50]) {
        const b = tokenSegregationBounds({ n, pk: 0.3, m });
        expect(b.lower).toBeLessThanOrEqual(b.upper * (1 + 1e-15));
      }
    }
    const b = tokenSegregationBounds({ n: 10, pk: 0.5, m: 10 });
    expect(b.lower).toBeCloseTo(0.9 ** 10, 15);
    expect(b.upper).toBeCloseTo(2.5 * 0.9 ** 9, 14);
    expect(tokenEventualLoss({ pk: 0.2 })).toBe(0.8);
    expect(tokenLostAtFirstGeneration({ n: 10, pk: 0.1 })).toBeCloseTo(0.9 ** 10, 15);
  });

  it("rejects bad parameters naming them", () => {
    expect(() => tokenSegregationBounds({ n: 0, pk: 0.5, m: 1 })).toThrow(/^n/);
    expect(() => tokenExpectedHeterozygosity({ n: 2, pk: 1.5, m: 1 })).toThrow(/^pk/);
    expect(() => tokenEventualLoss({ pk: Number.NaN })).toThrow(TypeError);
  });
});
