import type Big from "big.js";
import { describe, expect, it } from "vitest";
import { B, big, bigMinus, bigPow, fsChainBig, fsChainFloat, Mismatches, toNum } from "./oracle-kit.ts";
import { collapseProbabilityBounds, collapseProbabilityBoundsUnchecked, id } from "./thm1-rho-bounds.ts";

const EPS = Number.EPSILON;

const powers = new Map<string, Big.Big>();

/** Exact Eq (7) in big.js; also the sizes of the subtracted terms for the error scale. */
function oracle(n: number, S0: number, support: number, m: number) {
  const key = `${n},${m}`;
  if (!powers.has(key)) powers.set(key, bigPow(new B(n - 1).div(n), m));
  const fh = (powers.get(key) as Big.Big).times(new B(1).minus(big(S0)));
  const tLow = fh.times(n);
  const tUp = support === 1 ? new B(0) : fh.times(support).div(support - 1);
  return { lower: toNum(bigMinus(new B(1), tLow)), upper: toNum(bigMinus(new B(1), tUp)), tLow: toNum(tLow), tUp: toNum(tUp) };
}

/**
 * Error budget: the result is 1 - T with T = exp(y), y a sum of logs rounded with absolute error
 * about eps (|y| + |terms|); so |error| <= c eps (1 + T (|m log1p(-1/n)| + log n + 4)).
 */
function budget(T: number, n: number, m: number): number {
  if (T === 0) return 4 * EPS;
  return 4 * EPS * (1 + T * (Math.abs(m * Math.log1p(-1 / n)) + Math.log(n) + 4));
}

describe(id, () => {
  it("matches the exact rational formula across regimes (cancellation-aware error budget)", () => {
    const mm = new Mismatches();
    for (const n of [1, 2, 3, 10, 1000, 1e9]) {
      for (const [S0, support] of [
        [0.5, 2],
        [1 / 3, 3],
        [0.38, 3],
        [1e-6, 1e6],
        [0.999999, 2],
        [1 - 2 ** -40, 5],
        [1, 1],
      ] as const) {
        for (const m of [1, 2, 10, 1000, 1e6, 1e9]) {
          const o = oracle(n, S0, support, m);
          const b = collapseProbabilityBounds({ n, S0, support, m });
          const tag = `n=${n} S0=${S0} s=${support} m=${m}`;
          mm.abs(`lower ${tag}`, b.lower, o.lower, budget(o.tLow, n, m));
          mm.abs(`upper ${tag}`, b.upper, o.upper, budget(o.tUp, n, m));
        }
      }
    }
    expect(mm.failures).toEqual([]);
  });

  it("brackets the exact rho_m of the enumerated chain and orders lower <= upper", () => {
    for (const [p, n] of [
      [[0.5, 0.3, 0.2], 4],
      [[0.7, 0.3], 2],
      [[0.9, 0.1], 6],
    ] as const) {
      const S0 = p.reduce((a, x) => a + x * x, 0);
      for (let m = 1; m <= 3; m++) {
        const states = fsChainBig(p, n, m);
        const rho = toNum(states.filter((st) => st.pm.some((x) => x.eq(1))).reduce((a, st) => a.plus(st.prob), new B(0)));
        const b = collapseProbabilityBounds({ n, S0, support: p.length, m });
        expect(b.lower).toBeLessThanOrEqual(rho + 1e-15);
        expect(rho).toBeLessThanOrEqual(b.upper + 1e-15);
        expect(b.lower).toBeLessThanOrEqual(b.upper);
      }
    }
    // Longer horizon in float64 (s = 3, n = 10): P(T <= m) = 1 - P(T > m).
    const { tail } = fsChainFloat([0.5, 0.3, 0.2], 10, 200);
    for (let m = 1; m <= 200; m += 7) {
      const b = collapseProbabilityBounds({ n: 10, S0: 0.38, support: 3, m });
      expect(b.lower).toBeLessThanOrEqual(1 - tail[m] + 1e-12);
      expect(1 - tail[m]).toBeLessThanOrEqual(b.upper + 1e-12);
    }
  });

  it("uses the exact rho_0 at m = 0, where the printed lower formula is not a bound", () => {
    // p = (.99, .01): S0 = 0.9802; the printed lower side gives 1 - 10 * 0.0198 = 0.802 > rho_0 = 0.
    const S0 = 0.99 ** 2 + 0.01 ** 2;
    expect(collapseProbabilityBoundsUnchecked(10, S0, 2, 0).lower).toBeCloseTo(0.802, 12);
    expect(collapseProbabilityBounds({ n: 10, S0, support: 2, m: 0 }).lower).toBe(0);
    expect(collapseProbabilityBounds({ n: 10, S0: 1, support: 1, m: 0 })).toEqual({ lower: 1, upper: 1 });
    // The upper side at m = 0 is 1 - (1 - S0)/(1 - 1/s~) >= 0 and is 0 for a uniform p.
    expect(collapseProbabilityBounds({ n: 10, S0: 0.5, support: 2, m: 0 }).upper).toBe(0);
  });

  it("gives the example numbers (p = (.5, .3, .2), n = 20, m = 100)", () => {
    const b = collapseProbabilityBounds({ n: 20, S0: 0.38, support: 3, m: 100 });
    expect(b.lower).toBeCloseTo(1 - 20 * 0.62 * 0.95 ** 100, 13);
    expect(b.upper).toBeCloseTo(1 - 0.93 * 0.95 ** 100, 13);
  });

  it("rejects bad parameters naming them", () => {
    expect(() => collapseProbabilityBounds({ n: 10, S0: 0.2, support: 3, m: 1 })).toThrow(/^S0 must be >= 1\/support/);
    expect(() => collapseProbabilityBounds({ n: 10, S0: 0.5, support: 0, m: 1 })).toThrow(/^support/);
    expect(() => collapseProbabilityBounds({ n: 10, S0: 0.5, support: 2, m: 0.5 })).toThrow(TypeError);
    expect(() => collapseProbabilityBounds({ n: -1, S0: 0.5, support: 2, m: 1 })).toThrow(/^n/);
  });
});
