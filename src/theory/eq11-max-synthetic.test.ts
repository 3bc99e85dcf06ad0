import { describe, expect, it } from "vitest";
import { id, maxSyntheticSamples, TWO_PI_OVER_E2 } from "./eq11-max-synthetic.ts";
import { D, D_PI, dec, Mismatches } from "./oracle-kit.ts";
import { thm3DeviationBound } from "./thm3-deviation-bound.ts";

/** 2 pi e^-2 min[s - 2, log(c N eps/(6 e s))] at 60 digits. */
function oracle(s: number, N: number, eps: number, reading: "sqrt2-pi" | "sqrt-2pi"): { nMax: number; logTerm: number } {
  const c = reading === "sqrt2-pi" ? new D(2).sqrt().times(D_PI) : D_PI.times(2).sqrt();
  const logTerm = c.times(N).times(dec(eps)).div(new D(6).times(new D(1).exp()).times(s)).ln();
  const k = D_PI.times(2).div(new D(2).exp());
  return { nMax: k.times(D.min(new D(s - 2), logTerm)).toNumber(), logTerm: logTerm.toNumber() };
}

describe(id, () => {
  it("matches the 60-digit oracle, both readings", () => {
    const mm = new Mismatches();
    for (const [s, N, eps] of [
      [600, 1e7, 0.1],
      [600, 1e12, 0.01],
      [5, 1e9, 1],
      [65, 1e6, 0.5],
      [600, 100, 0.1],
    ]) {
      for (const reading of ["sqrt2-pi", "sqrt-2pi"] as const) {
        const r = maxSyntheticSamples({ s, N, eps, reading });
        const o = oracle(s, N, eps, reading);
        const scale = 8 * Number.EPSILON * (Math.log(N) + Math.log(s) + 10);
        mm.abs(`logTerm s=${s} N=${N} eps=${eps} ${reading}`, r.logTerm, o.logTerm, scale);
        mm.abs(`nMax s=${s} N=${N} eps=${eps} ${reading}`, r.nMax, o.nMax, scale);
      }
    }
    expect(mm.failures).toEqual([]);
    expect(TWO_PI_OVER_E2).toBeCloseTo(0.8503, 4);
  });

  it("has positive log term iff N > 6es/(sqrt2 pi eps) ~ 3.67 s/eps", () => {
    const r = maxSyntheticSamples({ s: 600, N: 1e7, eps: 0.1 });
    expect(r.minN / (600 / 0.1)).toBeCloseTo(3.67, 2);
    const below = maxSyntheticSamples({ s: 600, N: Math.floor(r.minN), eps: 0.1 });
    const above = maxSyntheticSamples({ s: 600, N: Math.ceil(r.minN), eps: 0.1 });
    expect(below.positive).toBe(false);
    expect(above.positive).toBe(true);
    expect(maxSyntheticSamples({ s: 600, N: 100, eps: 0.1 }).nMaxInteger).toBe(0);
  });

  it("certifies what it claims: Theorem 3's bound at n = floor(nMax) is below eps (both readings)", () => {
    const mm = new Mismatches();
    for (const s of [3, 10, 65, 600, 5000]) {
      for (const N of [1e4, 1e6, 1e9, 1e15]) {
        for (const eps of [0.01, 0.1, 1]) {
          for (const reading of ["sqrt2-pi", "sqrt-2pi"] as const) {
            const r = maxSyntheticSamples({ s, N, eps, reading });
            if (r.nMaxInteger < 1) continue;
            const b = thm3DeviationBound({ N, n: r.nMaxInteger, s });
            mm.that(`s=${s} N=${N} eps=${eps} ${reading}: regime ${b.regime}`, b.regime === "large");
            mm.that(`s=${s} N=${N} eps=${eps} ${reading}: bound ${b.value} <= eps`, b.value <= eps);
          }
          const a = maxSyntheticSamples({ s, N, eps, reading: "sqrt2-pi" });
          const b = maxSyntheticSamples({ s, N, eps, reading: "sqrt-2pi" });
          mm.that(`sqrt(2 pi) reading is stricter s=${s} N=${N}`, b.nMax <= a.nMax);
        }
      }
    }
    expect(mm.failures).toEqual([]);
  });

  it("rejects bad parameters naming them", () => {
    expect(() => maxSyntheticSamples({ s: 600, N: 100, eps: -1 })).toThrow(/^eps/);
    expect(() => maxSyntheticSamples({ s: 600, N: 100, eps: 1, reading: "x" as never })).toThrow(/^reading/);
    expect(() => maxSyntheticSamples({ s: 0, N: 100, eps: 1 })).toThrow(/^s/);
  });
});
