import { describe, expect, it } from "vitest";
import { B, big, D, dec, fsChainFloat, toNum, ulpsOff } from "./oracle-kit.ts";
import { collapseTimeBounds, id } from "./thm1-collapse-time-bounds.ts";

/** Exact Eq (8) in big.js. */
function oracle(n: number, S0: number, support: number): { lower: number; upper: number } {
  const h = new B(1).minus(big(S0));
  return {
    lower: toNum(new B(1).plus(h.times(support).times(n - 1).div(support - 1))),
    upper: toNum(new B(1).plus(h.times(n).times(n - 1))),
  };
}

/** 1 + sum_{k>=1} min(1, a f^k) term by term in decimal.js, closing the geometric tail exactly. */
function tightOracle(n: number, S0: number): number {
  const f = new D(1).minus(new D(1).div(n));
  const a = dec(S0).neg().plus(1).times(n);
  let term = a.times(f);
  let total = new D(1);
  while (term.gte(1)) {
    total = total.plus(1);
    term = term.times(f);
  }
  return total.plus(term.times(n)).toNumber();
}

describe(id, () => {
  it("gives the spec's examples: [18.7, 236.6], [30, 784], [14.6, 454]", () => {
    const a = collapseTimeBounds({ n: 20, S0: 0.38, support: 3 });
    expect(a.lower).toBeCloseTo(18.67, 12);
    expect(a.upper).toBeCloseTo(236.6, 12);
    const b = collapseTimeBounds({ n: 30, S0: 0.1, support: 10 });
    expect(b.lower).toBeCloseTo(30, 12);
    expect(b.upper).toBeCloseTo(784, 11);
    const c = collapseTimeBounds({ n: 50, S0: 0.815, support: 3 });
    expect(c.lower).toBeCloseTo(14.5975, 12);
    expect(c.upper).toBeCloseTo(454.25, 11);
  });

  it("matches the exact rational formula to a few ulps across regimes", () => {
    for (const n of [1, 2, 3, 20, 1000, 1e9]) {
      for (const [S0, support] of [
        [0.5, 2],
        [0.1, 10],
        [0.38, 3],
        [1e-9, 1e9],
        [1 - 2 ** -40, 2],
      ] as const) {
        const o = oracle(n, S0, support);
        const b = collapseTimeBounds({ n, S0, support });
        expect(ulpsOff(b.lower, o.lower), `lower n=${n} S0=${S0}`).toBeLessThanOrEqual(6);
        expect(ulpsOff(b.upper, o.upper), `upper n=${n} S0=${S0}`).toBeLessThanOrEqual(6);
      }
    }
  });

  it("sums the tight upper bound exactly where the min switches", () => {
    for (const n of [2, 3, 20, 77, 500]) {
      for (const S0 of [0.38, 0.5, 0.9, 0.999]) {
        const t = collapseTimeBounds({ n, S0, support: 3 }).upperTight;
        expect(ulpsOff(t, tightOracle(n, S0)), `n=${n} S0=${S0}`).toBeLessThanOrEqual(64);
      }
    }
  });

  it("brackets the exact E[T] of the chain (float64 transition matrix), with lower <= tight <= upper", () => {
    // Spec 4.4 Monte Carlo: empirical 29.05 for p = (.5, .3, .2), n = 20; here the exact value.
    for (const [p, n, K] of [
      [[0.5, 0.3, 0.2], 20, 700],
      [[0.9, 0.05, 0.05], 12, 600],
      [[0.5, 0.5], 10, 500],
    ] as const) {
      const { tail } = fsChainFloat(p, n, K);
      expect(tail[K]).toBeLessThan(1e-12);
      const ET = tail.reduce((a, x) => a + x, 0);
      const S0 = p.reduce((a, x) => a + x * x, 0);
      const b = collapseTimeBounds({ n, S0, support: p.length });
      expect(b.lower).toBeLessThanOrEqual(ET);
      expect(ET).toBeLessThanOrEqual(b.upperTight);
      expect(b.upperTight).toBeLessThanOrEqual(b.upper);
      if (n === 20) expect(ET).toBeGreaterThan(28.5);
      if (n === 20) expect(ET).toBeLessThan(29.6);
    }
  });

  it("is 1 for a Dirac start and rejects bad parameters", () => {
    expect(collapseTimeBounds({ n: 5, S0: 1, support: 1 })).toEqual({ lower: 1, upper: 1, upperTight: 1 });
    expect(() => collapseTimeBounds({ n: 5, S0: 0.1, support: 2 })).toThrow(/^S0/);
    expect(() => collapseTimeBounds({ n: 0, S0: 0.5, support: 2 })).toThrow(/^n/);
  });
});
