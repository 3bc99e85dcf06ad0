import type Big from "big.js";
import { describe, expect, it } from "vitest";
import { B, big, bigMinus, bigPlus, bigPow, expectBig, Mismatches, psChainBig, toNum } from "./oracle-kit.ts";
import {
  freshRealSquaredError,
  freshRealSquaredErrorByRecursion,
  freshRealSquaredErrorLimit,
  id,
  psDrift,
  psDriftByRecursion,
  psDriftLimit,
  psFirstGenerationSquaredError,
  psSquaredDistanceFromStart,
} from "./ps-second-moments.ts";
import { partiallySyntheticSm } from "./thm2-sm-partial.ts";

function sqDist(a: readonly Big.Big[], b: readonly Big.Big[]): Big.Big {
  return a.reduce((acc, x, i) => acc.plus(x.minus(b[i]).pow(2)), new B(0));
}

describe(id, () => {
  it("matches the exact rational closed forms (D_m, D_inf, V_m, V_inf) across regimes", () => {
    const mm = new Mismatches();
    for (const [N, n] of [
      [1, 1],
      [10, 10],
      [100, 1],
      [2, 1e9],
      [1e9, 3],
      [1e6, 1e6],
    ]) {
      const one = new B(1);
      const a = new B(n).div(N + n);
      const b = a.times(n - 1).div(N + n);
      const denom = new B(N).plus(a.times(N + 1));
      for (const S0 of [0, 0.38, 1 - 1e-10]) {
        const h = one.minus(big(S0));
        const Dinf = a.times(one.minus(one.div(N))).times(h).div(denom);
        const Vinf = h.div(denom);
        mm.ulps(`Dinf N=${N} n=${n} S0=${S0}`, psDriftLimit({ N, n, S0 }), toNum(Dinf), 8);
        mm.ulps(`Vinf N=${N} n=${n} S0=${S0}`, freshRealSquaredErrorLimit({ N, n, S0 }), toNum(Vinf), 8);
        for (const m of [1, 2, 5, 1000, 1e9]) {
          const bm1 = bigPow(b, m - 1);
          const x = Math.abs((m - 1) * Math.log(b.toNumber()));
          const tol = 16 + (Number.isFinite(x) ? 2 * x : 0);
          mm.ulps(`D N=${N} n=${n} S0=${S0} m=${m}`, psDrift({ N, n, S0, m }), toNum(Dinf.times(bigMinus(one, bm1))), tol);
          const V1 = h.div(N);
          mm.ulps(`V N=${N} n=${n} S0=${S0} m=${m}`, freshRealSquaredError({ N, n, S0, m }), toNum(bigPlus(Vinf, V1.minus(Vinf).times(bm1))), tol);
        }
      }
    }
    expect(mm.failures).toEqual([]);
  });

  it("closed forms equal their recursions, and D_m = S_m - S_1 with Eq (9) '+'", () => {
    const mm = new Mismatches();
    for (const [N, n, S0] of [
      [10, 10, 0.3],
      [100, 1000, 0.1],
      [3, 2, 0.38],
      [50, 1, 0.9],
    ]) {
      for (let m = 1; m <= 30; m++) {
        mm.ulps(`D N=${N} n=${n} m=${m}`, psDrift({ N, n, S0, m }), psDriftByRecursion({ N, n, S0, m }), 64);
        mm.ulps(`V N=${N} n=${n} m=${m}`, freshRealSquaredError({ N, n, S0, m }), freshRealSquaredErrorByRecursion({ N, n, S0, m }), 64);
        const Sm = partiallySyntheticSm({ N, n, S0, m });
        const S1 = partiallySyntheticSm({ N, n, S0, m: 1 });
        mm.abs(`D = S_m - S_1 N=${N} n=${n} m=${m}`, psDrift({ N, n, S0, m }), Sm - S1, 4e-16);
        mm.abs(`E||p^(m)-p||^2 = S_m - S_0 N=${N} n=${n} m=${m}`, psSquaredDistanceFromStart({ N, n, S0, m }), Sm - S0, 4e-16);
      }
    }
    expect(mm.failures).toEqual([]);
    expect(psDrift({ N: 10, n: 10, S0: 0.3, m: 1 })).toBe(0);
    expect(freshRealSquaredError({ N: 10, n: 10, S0: 0.3, m: 1 })).toBeCloseTo(0.07, 16);
    expect(psFirstGenerationSquaredError({ N: 10, S0: 0.3 })).toBeCloseTo(0.07, 16);
  });

  it("equals the exactly enumerated chains, fixed real data and fresh real data (s = 3, N = 3, n = 2)", () => {
    const mm = new Mismatches();
    const p = [0.5, 0.3, 0.2];
    const p0 = p.map(big);
    const [N, n, S0] = [3, 2, 0.38];
    for (let m = 1; m <= 4; m++) {
      const fixed = psChainBig(p, N, n, m);
      mm.ulps(`D m=${m}`, psDrift({ N, n, S0, m }), toNum(expectBig(fixed, (st) => sqDist(st.pm, st.p1))), 8);
      mm.ulps(`E||p^(m)-p||^2 m=${m}`, psSquaredDistanceFromStart({ N, n, S0, m }), toNum(expectBig(fixed, (st) => sqDist(st.pm, p0))), 8);
      if (m <= 3) {
        const fresh = psChainBig(p, N, n, m, true);
        mm.ulps(`V m=${m}`, freshRealSquaredError({ N, n, S0, m }), toNum(expectBig(fresh, (st) => sqDist(st.pm, p0))), 8);
      }
    }
    expect(mm.failures).toEqual([]);
  });

  it("is consistent with the spec's Monte Carlo table (s = 5, N = n = 10: 0.01609, 0.01971, 0.02052, 0.02070, 0.02075)", () => {
    // D_m is linear in (1 - S0); some S0 must reproduce all five printed values to their 5 decimals.
    const printed = [0.01609, 0.01971, 0.02052, 0.0207, 0.02075];
    let lo = 0;
    let hi = 1;
    printed.forEach((v, k) => {
      const c = psDrift({ N: 10, n: 10, S0: 0, m: k + 2 });
      lo = Math.max(lo, (v - 5e-6) / c);
      hi = Math.min(hi, (v + 5e-6) / c);
    });
    expect(lo).toBeLessThanOrEqual(hi);
    expect(1 - (lo + hi) / 2).toBeCloseTo(0.285, 2);
  });

  it("D_m increases to D_inf; V_m decreases to V_inf", () => {
    const [N, n, S0] = [10, 10, 0.3];
    let prevD = -1;
    let prevV = Infinity;
    for (let m = 1; m <= 50; m++) {
      const d = psDrift({ N, n, S0, m });
      const v = freshRealSquaredError({ N, n, S0, m });
      expect(d).toBeGreaterThanOrEqual(prevD);
      expect(d).toBeLessThanOrEqual(psDriftLimit({ N, n, S0 }));
      expect(v).toBeLessThanOrEqual(prevV);
      expect(v).toBeGreaterThanOrEqual(freshRealSquaredErrorLimit({ N, n, S0 }));
      prevD = d;
      prevV = v;
    }
  });

  it("rejects bad parameters naming them", () => {
    expect(() => psDrift({ N: 10, n: 10, S0: 0.3, m: 0 })).toThrow(/^m must be an integer >= 1/);
    expect(() => psDriftByRecursion({ N: 10, n: 10, S0: 0.3, m: 1e8 })).toThrow(/^m/);
    expect(() => freshRealSquaredError({ N: 0, n: 10, S0: 0.3, m: 1 })).toThrow(/^N/);
  });
});
