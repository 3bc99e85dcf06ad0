import type Big from "big.js";
import { describe, expect, it } from "vitest";
import { B, big, bigPlus, bigPow, expectBig, Mismatches, psChainBig, sumSquaresBig, toNum, ulpsOff } from "./oracle-kit.ts";
import {
  eq9NextNu,
  eq9NextSm,
  firstNu,
  id,
  nuRecursionStep,
  partiallySyntheticAlphaBeta,
  partiallySyntheticLimit,
  partiallySyntheticSm,
  partiallySyntheticSmByRecursion,
} from "./thm2-sm-partial.ts";

const coefCache = new Map<string, [Big.Big, Big.Big]>();
const baseCache = new Map<string, { a: Big.Big; b: Big.Big; invN: Big.Big; Dn: Big.Big }>();

/**
 * Eq (9) in big.js rationals (powers rounded to 40 digits) as a fraction (P + Q S0)/D with
 * P = (1/N) A, Q = (1 - 1/N) B, D = 1 + (1 + 1/N) a; P and Q cached per (N, n, m, sign).
 */
function oracle(N: number, n: number, S0: number, m: number, sign: "+" | "-"): { num: Big.Big; den: Big.Big } {
  const one = new B(1);
  const bk = `${N},${n}`;
  if (!baseCache.has(bk)) {
    const a = new B(n).div(N + n);
    const invN = one.div(N);
    baseCache.set(bk, { a, b: a.times(n - 1).div(N + n), invN, Dn: one.plus(one.plus(invN).times(a)) });
  }
  const { a, b, invN, Dn } = baseCache.get(bk) as { a: Big.Big; b: Big.Big; invN: Big.Big; Dn: Big.Big };
  const key = `${N},${n},${m},${sign}`;
  if (!coefCache.has(key)) {
    const bm = bigPow(b, m);
    const A = bigPlus(one.plus(a.times(2)), one.minus(invN).times(a).times(bm).times(-1));
    const t = a.times(invN).times(bm);
    const Bt = sign === "+" ? bigPlus(one.plus(a), t) : bigPlus(one.plus(a), t.times(-1));
    coefCache.set(key, [A.times(invN).prec(60), one.minus(invN).times(Bt).prec(60)]);
  }
  const [P, Q] = coefCache.get(key) as [Big.Big, Big.Big];
  return { num: P.plus(Q.times(big(S0))), den: Dn };
}

describe(id, () => {
  it("matches Eq (9) in exact arithmetic, both signs, across regimes", () => {
    const mm = new Mismatches();
    for (const N of [1, 2, 100, 1e9]) {
      for (const n of [1, 2, 1000, 1e9]) {
        for (const S0 of [0, 1e-12, 0.5, 1 - 1e-9]) {
          for (const m of [0, 1, 1000, 1e9]) {
            for (const sign of ["+", "-"] as const) {
              const got = eq9NextSm({ N, n, S0, m, sign });
              const o = oracle(N, n, S0, m, sign);
              mm.ulpsFraction(`N=${N} n=${n} S0=${S0} m=${m} ${sign}`, got, o.num, o.den, 16);
            }
          }
        }
      }
    }
    expect(mm.failures).toEqual([]);
  });

  it('gives S_1 = 1/N + (1 - 1/N) S_0 at m = 0 with "+" only', () => {
    for (const [N, n, S0] of [
      [100, 10, 0.1],
      [10, 10, 0.3],
      [2, 1000, 0.9],
      [1e6, 3, 0.01],
    ]) {
      const S1 = 1 / N + (1 - 1 / N) * S0;
      expect(eq9NextSm({ N, n, S0, m: 0, sign: "+" })).toBeCloseTo(S1, 15);
      const wrong = eq9NextSm({ N, n, S0, m: 0, sign: "-" });
      // The misprint's error at m = 0 is 2 (1 - 1/N) S0 (a/N)/(1 + (1 + 1/N) a).
      const a = n / (N + n);
      expect(S1 - wrong).toBeCloseTo((2 * (1 - 1 / N) * S0 * (a / N)) / (1 + (1 + 1 / N) * a), 15);
      expect(S1 - wrong).toBeGreaterThan(0);
      expect(partiallySyntheticSm({ N, n, S0, m: 0 })).toBe(S0);
      expect(partiallySyntheticSm({ N, n, S0, m: 1 })).toBeCloseTo(S1, 15);
    }
  });

  it('"+" equals the iterated exact recursion; "-" does not', () => {
    for (const [N, n, S0] of [
      [10, 10, 0.3],
      [100, 100, 0.1],
      [5, 50, 0.6],
      [100, 1, 0.1],
    ]) {
      for (let m = 0; m <= 40; m++) {
        const rec = partiallySyntheticSmByRecursion({ N, n, S0, m: m + 1 });
        expect(ulpsOff(eq9NextSm({ N, n, S0, m }), rec), `N=${N} n=${n} m=${m}`).toBeLessThanOrEqual(64);
        if (m <= 1 && n > 1) expect(Math.abs(eq9NextSm({ N, n, S0, m, sign: "-" }) - rec)).toBeGreaterThan(1e-6);
      }
    }
  });

  it('"+" equals E||p^(m)||^2 of the exactly enumerated chain with fixed real data; "-" is off', () => {
    const p = [0.5, 0.3, 0.2];
    const S0 = 0.38;
    const [N, n] = [3, 2];
    for (let m = 1; m <= 4; m++) {
      const chain = psChainBig(p, N, n, m);
      const exact = toNum(expectBig(chain, (st) => sumSquaresBig(st.pm)));
      expect(ulpsOff(partiallySyntheticSm({ N, n, S0, m }), exact), `m=${m}`).toBeLessThanOrEqual(8);
      if (m <= 2) expect(Math.abs(eq9NextSm({ N, n, S0, m: m - 1, sign: "-" }) - exact)).toBeGreaterThan(1e-3);
      // Per coordinate: nu_i^(m) = E[(p_i^(m))^2].
      for (let i = 0; i < 3; i++) {
        const nuExact = toNum(expectBig(chain, (st) => st.pm[i].times(st.pm[i])));
        expect(ulpsOff(eq9NextNu({ N, n, pi: p[i], m: m - 1 }), nuExact), `m=${m} i=${i}`).toBeLessThanOrEqual(8);
      }
    }
  });

  it("per-coordinate recursion reproduces the per-coordinate closed form", () => {
    const [N, n, pi] = [20, 30, 0.37];
    let nu = firstNu({ N, pi });
    expect(nu).toBeCloseTo(eq9NextNu({ N, n, pi, m: 0 }), 15);
    for (let m = 1; m < 30; m++) {
      nu = nuRecursionStep({ N, n, pi, nuPrev: nu });
      expect(ulpsOff(nu, eq9NextNu({ N, n, pi, m })), `m=${m}`).toBeLessThanOrEqual(16);
    }
  });

  it("reproduces the spec's table (N = 100, S0 = 0.1)", () => {
    const rows: [number, number, number, number][] = [
      [1, 0.0099, 0, 0.1091],
      [10, 0.0909, 0.0074, 0.1097],
      [100, 0.5, 0.2475, 0.112],
      [1000, 0.909, 0.826, 0.1132],
    ];
    for (const [n, alpha, beta, SInf] of rows) {
      const ab = partiallySyntheticAlphaBeta({ N: 100, n });
      expect(ab.alpha).toBeCloseTo(alpha, n === 1000 ? 3 : 4);
      expect(ab.beta).toBeCloseTo(beta, n === 1000 ? 3 : 4);
      expect(partiallySyntheticLimit({ N: 100, n, S0: 0.1 }).SInf).toBeCloseTo(SInf, 4);
    }
    expect(partiallySyntheticSm({ N: 100, n: 10, S0: 0.1, m: 1 })).toBeCloseTo(0.109, 15);
  });

  it("increases to S_inf = 1 - gamma, stays below it, and brackets gamma", () => {
    for (const [N, n, S0] of [
      [2, 5, 0.2],
      [100, 10, 0.1],
      [10, 1000, 0.5],
      [1e6, 1e6, 0.01],
    ]) {
      const lim = partiallySyntheticLimit({ N, n, S0 });
      expect(lim.SInf).toBeCloseTo(1 - lim.gamma, 14);
      expect(lim.gammaLower).toBeLessThanOrEqual(lim.gamma);
      expect(lim.gamma).toBeLessThanOrEqual(lim.gammaUpper);
      let prev = S0;
      for (const m of [1, 2, 3, 5, 10, 100]) {
        const S = partiallySyntheticSm({ N, n, S0, m });
        expect(S).toBeGreaterThanOrEqual(prev);
        if (m <= 2) expect(S).toBeLessThan(lim.SInf);
        expect(S).toBeLessThanOrEqual(lim.SInf * (1 + 4 * Number.EPSILON));
        prev = S;
      }
      expect(ulpsOff(partiallySyntheticSm({ N, n, S0, m: 1e9 }), lim.SInf)).toBeLessThanOrEqual(4);
      // The printed sign converges to the same limit.
      expect(ulpsOff(eq9NextSm({ N, n, S0, m: 1e9, sign: "-" }), lim.SInf)).toBeLessThanOrEqual(4);
    }
  });

  it("rejects bad parameters naming them", () => {
    expect(() => eq9NextSm({ N: 10, n: 10, S0: 0.1, m: 0, sign: "x" as never })).toThrow(/^sign must be one of \+, -/);
    expect(() => eq9NextSm({ N: 0, n: 10, S0: 0.1, m: 0 })).toThrow(/^N/);
    expect(() => partiallySyntheticSm({ N: 10, n: 0, S0: 0.1, m: 0 })).toThrow(/^n/);
    expect(() => eq9NextNu({ N: 10, n: 10, pi: 2, m: 0 })).toThrow(/^pi/);
    expect(() => partiallySyntheticSmByRecursion({ N: 10, n: 10, S0: 0.1, m: 1e8 })).toThrow(/^m/);
  });
});
