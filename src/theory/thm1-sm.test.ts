import type Big from "big.js";
import { describe, expect, it } from "vitest";
import { B, big, bigMinus, bigPow, expectBig, fsChainBig, Mismatches, sumSquaresBig, toNum, ulpsOff } from "./oracle-kit.ts";
import { fullySyntheticOneMinusSm, fullySyntheticSm, id } from "./thm1-sm.ts";

const oneMinusS0 = new Map<number, Big.Big>();
const powers = new Map<string, Big.Big>();

/** Exact S_m and 1 - S_m: 1 - (1 - 1/n)^m (1 - S0) in big.js (pieces cached: big.js divides slowly). */
function oracle(n: number, S0: number, m: number): { S: number; H: number } {
  const key = `${n},${m}`;
  if (!powers.has(key)) powers.set(key, bigPow(new B(n - 1).div(n), m));
  if (!oneMinusS0.has(S0)) oneMinusS0.set(S0, new B(1).minus(big(S0)));
  const h = (powers.get(key) as Big.Big).times(oneMinusS0.get(S0) as Big.Big);
  return { S: toNum(bigMinus(new B(1), h)), H: toNum(h) };
}

const NS = [1, 2, 3, 7, 10, 1000, 123457, 1e9];
const S0S = [0, 1e-300, 1e-12, 1 / 3, 0.1, 0.5, 0.999999, 1 - 2 ** -40, 1];
const MS = [0, 1, 2, 10, 1000, 1e6, 1e9];

describe(id, () => {
  it("matches the exact rational formula to a few ulps in every regime", () => {
    const mm = new Mismatches();
    for (const n of NS) {
      for (const S0 of S0S) {
        for (const m of MS) {
          const o = oracle(n, S0, m);
          const x = Math.abs(m * Math.log1p(-1 / n));
          const S = fullySyntheticSm({ n, S0, m });
          const H = fullySyntheticOneMinusSm({ n, S0, m });
          // S_m = (1 - f) + f S0: two non-negative terms, error of f weighted by f|x| <= 1/e.
          mm.ulps(`S n=${n} S0=${S0} m=${m}`, S, o.S, 6);
          // 1 - S_m = f (1 - S0): relative error of exp(x) is |x| eps (x is rounded).
          if (Number.isFinite(x)) mm.ulps(`H n=${n} S0=${S0} m=${m}`, H, o.H, 4 + 2 * x);
        }
      }
    }
    expect(mm.failures).toEqual([]);
  });

  it("keeps precision where the naive formula loses it (n = 1e9, m = 1, S0 = 0)", () => {
    const naive = 1 - (1 - 1 / 1e9) ** 1 * (1 - 0);
    expect(ulpsOff(naive, 1e-9)).toBeGreaterThan(1e6);
    expect(ulpsOff(fullySyntheticSm({ n: 1e9, S0: 0, m: 1 }), 1e-9)).toBeLessThanOrEqual(2);
    expect(ulpsOff(fullySyntheticSm({ n: 1e9, S0: 0, m: 1e9 }), -Math.expm1(1e9 * Math.log1p(-1e-9)))).toBe(0);
  });

  it("gives S_0 at m = 0 and the one-step recursion S_m = 1/n + (1 - 1/n) S_{m-1}", () => {
    for (const S0 of S0S) expect(fullySyntheticSm({ n: 10, S0, m: 0 })).toBe(S0);
    for (const n of [2, 5, 100]) {
      for (let m = 1; m < 30; m++) {
        const prev = fullySyntheticSm({ n, S0: 0.3, m: m - 1 });
        expect(fullySyntheticSm({ n, S0: 0.3, m })).toBeCloseTo(1 / n + (1 - 1 / n) * prev, 14);
      }
    }
  });

  it("equals E||p^(m)||^2 of the exactly enumerated chain (s = 3, n = 4, m = 1..3)", () => {
    const p = [0.5, 0.3, 0.2];
    const S0 = 0.38;
    for (let m = 1; m <= 3; m++) {
      const exact = toNum(expectBig(fsChainBig(p, 4, m), (st) => sumSquaresBig(st.pm)));
      expect(ulpsOff(fullySyntheticSm({ n: 4, S0, m }), exact), `m=${m}`).toBeLessThanOrEqual(4);
    }
  });

  it("is 1 for n = 1 once m >= 1 (one sample per generation collapses at once)", () => {
    expect(fullySyntheticSm({ n: 1, S0: 0.2, m: 1 })).toBe(1);
    expect(fullySyntheticOneMinusSm({ n: 1, S0: 0.2, m: 5 })).toBe(0);
  });

  it("rejects bad parameters naming them", () => {
    expect(() => fullySyntheticSm({ n: 0, S0: 0.5, m: 1 })).toThrow(/^n must be an integer >= 1/);
    expect(() => fullySyntheticSm({ n: 2.5, S0: 0.5, m: 1 })).toThrow(TypeError);
    expect(() => fullySyntheticSm({ n: 2, S0: 1.5, m: 1 })).toThrow(/^S0/);
    expect(() => fullySyntheticSm({ n: 2, S0: 0.5, m: -1 })).toThrow(/^m/);
    expect(() => fullySyntheticSm({ n: 2, S0: Number.NaN, m: 1 })).toThrow(TypeError);
    expect(() => fullySyntheticSm(null as never)).toThrow(/^params/);
  });
});
