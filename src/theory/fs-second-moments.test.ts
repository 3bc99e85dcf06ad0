import type Big from "big.js";
import { describe, expect, it } from "vitest";
import { fsCovarianceMatrix, fsExpectedSquaredDistanceFromStart, fsSecondMomentMatrix, id } from "./fs-second-moments.ts";
import { B, big, bigMinus, bigPlus, bigPow, expectBig, fsChainBig, Mismatches, toNum } from "./oracle-kit.ts";
import { fullySyntheticSm } from "./thm1-sm.ts";

describe(id, () => {
  it("matches the exact rational formulas across regimes (tiny p_i, huge n and m)", () => {
    const mm = new Mismatches();
    for (const n of [1, 2, 10, 1e9]) {
      for (const m of [0, 1, 7, 1e6, 1e9]) {
        const f = bigPow(new B(n - 1).div(n), m);
        const g = bigMinus(new B(1), f);
        const x = Math.abs(m * Math.log1p(-1 / n));
        const tol = 8 + (Number.isFinite(x) ? 2 * x : 0);
        for (const p of [
          [0.5, 0.3, 0.2],
          [1 - 2e-12, 1e-12, 1e-12],
          [1e-300, 1 - 1e-300],
        ]) {
          const M = fsSecondMomentMatrix({ n, p, m });
          const C = fsCovarianceMatrix({ n, p, m });
          p.forEach((pi, i) =>
            p.forEach((pj, j) => {
              const bi = big(pi);
              const bj = big(pj);
              const exactM: Big.Big = i === j ? bi.times(bigPlus(g, f.times(bi))) : f.times(bi).times(bj);
              const exactC: Big.Big = i === j ? g.times(bi).times(bigMinus(new B(1), bi)) : g.times(bi).times(bj).times(-1);
              mm.ulps(`M n=${n} m=${m} p=${p} (${i},${j})`, M[i][j], toNum(exactM), tol);
              mm.ulps(`C n=${n} m=${m} p=${p} (${i},${j})`, C[i][j], toNum(exactC), tol);
            }),
          );
        }
        for (const S0 of [0, 0.38, 1 - 1e-12]) {
          mm.ulps(`dist n=${n} m=${m} S0=${S0}`, fsExpectedSquaredDistanceFromStart({ n, S0, m }), toNum(g.times(bigMinus(new B(1), big(S0)))), tol);
        }
      }
    }
    expect(mm.failures).toEqual([]);
  });

  it("equals the moments of the exactly enumerated chain (s = 3, n = 4, m = 1..3)", () => {
    const mm = new Mismatches();
    const p = [0.5, 0.3, 0.2];
    for (let m = 1; m <= 3; m++) {
      const chain = fsChainBig(p, 4, m);
      const M = fsSecondMomentMatrix({ n: 4, p, m });
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 3; j++) mm.ulps(`m=${m} (${i},${j})`, M[i][j], toNum(expectBig(chain, (st) => st.pm[i].times(st.pm[j]))), 8);
      }
      const d2 = toNum(expectBig(chain, (st) => st.pm.reduce((a, x, i) => a.plus(x.minus(big(p[i])).pow(2)), new B(0))));
      mm.ulps(`E||p^(m) - p||^2 m=${m}`, fsExpectedSquaredDistanceFromStart({ n: 4, S0: 0.38, m }), d2, 8);
    }
    expect(mm.failures).toEqual([]);
  });

  it("has S_m - S_0 as trace, zero row sums of the covariance, and the start at m = 0", () => {
    const p = [0.4, 0.35, 0.25];
    const S0 = p.reduce((a, x) => a + x * x, 0);
    for (const m of [0, 1, 5, 50]) {
      const M = fsSecondMomentMatrix({ n: 7, p, m });
      expect(M[0][0] + M[1][1] + M[2][2]).toBeCloseTo(fullySyntheticSm({ n: 7, S0, m }), 15);
      const C = fsCovarianceMatrix({ n: 7, p, m });
      for (const row of C) expect(Math.abs(row.reduce((a, x) => a + x, 0))).toBeLessThan(1e-16);
    }
    expect(fsCovarianceMatrix({ n: 7, p, m: 0 }).flat().every((x) => x === 0)).toBe(true);
    expect(fsSecondMomentMatrix({ n: 7, p, m: 0 })[0][1]).toBe(0.4 * 0.35);
    expect(fsExpectedSquaredDistanceFromStart({ n: 7, S0, m: 0 })).toBe(0);
    expect(fsExpectedSquaredDistanceFromStart({ n: 7, S0, m: 1e9 })).toBe(1 - S0);
  });

  it("rejects bad parameters naming them", () => {
    expect(() => fsSecondMomentMatrix({ n: 0, p: [1], m: 1 })).toThrow(/^n/);
    expect(() => fsCovarianceMatrix({ n: 2, p: [0.5, 0.6], m: 1 })).toThrow(/^p/);
    expect(() => fsExpectedSquaredDistanceFromStart({ n: 2, S0: 2, m: 1 })).toThrow(/^S0/);
  });
});
