import { describe, expect, it } from "vitest";
import { C1 } from "./lemma1-l1-concentration.ts";
import { D, D_PI, decLogGn, Mismatches } from "./oracle-kit.ts";
import { id, thm3DeviationBound } from "./thm3-deviation-bound.ts";
import { thm4DeviationBound } from "./thm4-general-bound.ts";

/** log[(1/N) sqrt(pi n/2) G_n(s)] at 60 digits. */
function oracle(N: number, n: number, s: number): number {
  return decLogGn(n, s).log.plus(D_PI.times(n).div(2).sqrt().ln()).minus(new D(N).ln()).toNumber();
}

describe(id, () => {
  it("matches the 60-digit oracle in log space across the G_n(s) cases", () => {
    const mm = new Mismatches();
    for (const [N, n, s] of [
      [100, 10, 600],
      [100, 10, 3],
      [1e9, 1000, 900],
      [1e9, 1000, 1e5],
      [1, 1, 2],
      [1e6, 2000, 1e6],
    ]) {
      const b = thm3DeviationBound({ N, n, s });
      const o = oracle(N, n, s);
      mm.abs(`N=${N} n=${n} s=${s}`, b.log, o, 16 * Number.EPSILON * (1 + Math.abs(o) + s * Math.log(s) + Math.log(N)));
      mm.that(`value N=${N}`, b.value === Math.exp(b.log));
    }
    expect(mm.failures).toEqual([]);
  });

  it("gives the spec's sanity numbers: G = 6.29e5 and a vacuous bound ~2.5e4 for s = 600, n = 10, N = 100", () => {
    const b = thm3DeviationBound({ N: 100, n: 10, s: 600 });
    expect(b.regime).toBe("large");
    expect(b.value).toBeGreaterThan(2.49e4);
    expect(b.value).toBeLessThan(2.5e4);
    expect(b.value).toBeCloseTo((Math.sqrt((Math.PI * 10) / 2) / 100) * C1 * 600 * Math.exp((Math.exp(2) / (4 * Math.PI)) * 10), 6);
    expect(thm3DeviationBound({ N: 1e6, n: 2000, s: 1e6 }).value).toBe(Infinity);
  });

  it("decreases like 1/N and equals Theorem 4 at phi = 2 (zeta = 1/2)", () => {
    const a = thm3DeviationBound({ N: 100, n: 10, s: 50 });
    const b = thm3DeviationBound({ N: 1000, n: 10, s: 50 });
    expect(a.value / b.value).toBeCloseTo(10, 12);
    const t4 = thm4DeviationBound({ N: 100, n: 10, s: 50, expectedLambda1: 0.25, zeta: "printed" });
    expect(t4.phi).toBe(2);
    expect(t4.log).toBeCloseTo(a.log, 13);
  });

  it("rejects bad parameters naming them", () => {
    expect(() => thm3DeviationBound({ N: 0, n: 10, s: 5 })).toThrow(/^N/);
    expect(() => thm3DeviationBound({ N: 10, n: 10, s: 1.5 })).toThrow(/^s/);
  });
});
