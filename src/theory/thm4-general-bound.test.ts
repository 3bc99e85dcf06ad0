import { describe, expect, it } from "vitest";
import { createRng } from "../rng/index.ts";
import { B, big, D, D_PI, dec, decPhi, decLogGn, Mismatches, toNum } from "./oracle-kit.ts";
import { thm3DeviationBound } from "./thm3-deviation-bound.ts";
import {
  correctedLambdaStepBound,
  id,
  lambdaOfMixture,
  lambdaP,
  printedLambdaStepBound,
  thm4DeviationBound,
  thm4Zeta,
} from "./thm4-general-bound.ts";

/** max_A p(A) p(A^c) over all subsets. */
function lambdaBrute(p: readonly number[]): number {
  let best = 0;
  for (let mask = 0; mask < 2 ** p.length; mask++) {
    let x = 0;
    for (let i = 0; i < p.length; i++) if (mask & (1 << i)) x += p[i];
    best = Math.max(best, x * (1 - x));
  }
  return best;
}

describe(id, () => {
  it("computes lambda(p) = pi_p (1 - pi_p), checked against all subsets", () => {
    const rng = createRng(7);
    const mm = new Mismatches();
    for (let t = 0; t < 40; t++) {
      const s = 2 + (t % 10);
      const w = Array.from({ length: s }, () => rng.uniform() ** 2);
      const z = w.reduce((a, b) => a + b, 0);
      const p = w.map((x) => x / z);
      mm.abs(`t=${t}`, lambdaP({ p }).value, lambdaBrute(p), 1e-15);
    }
    expect(mm.failures).toEqual([]);
    expect(lambdaP({ p: [0.5, 0.3, 0.2] }).value).toBe(0.25);
    expect(lambdaP({ p: [1, 0] }).value).toBe(0);
  });

  it("computes zeta (printed) and zeta' (safe) exactly, with zeta <= zeta' <= 1/2", () => {
    const mm = new Mismatches();
    for (const [N, n] of [
      [100, 10],
      [1, 1],
      [1e9, 1],
      [1, 1e9],
      [100, 100],
    ]) {
      for (const l of [0, 0.01, 0.1, 0.2, 0.25]) {
        const z = thm4Zeta({ N, n, expectedLambda1: l });
        const r = new B(N).div(N + n);
        const printed = new B(0.5).minus(new B(0.5).minus(big(l).times(2)).times(r).times(r));
        const cross = new B(N).times(n).div(new B(N + n).times(N + n));
        const safe = printed.plus(cross).gt(0.5) ? new B(0.5) : printed.plus(cross);
        mm.abs(`printed N=${N} n=${n} l=${l}`, z.printed, toNum(printed), 4 * Number.EPSILON);
        mm.abs(`safe N=${N} n=${n} l=${l}`, z.safe, toNum(safe), 4 * Number.EPSILON);
        mm.that(`order N=${N} n=${n} l=${l}`, z.printed <= z.safe && z.safe <= 0.5 && z.printed >= 0);
      }
    }
    expect(mm.failures).toEqual([]);
    expect(thm4Zeta({ N: 100, n: 100, expectedLambda1: 0.2 })).toEqual({ printed: 0.475, safe: 0.5 });
  });

  it("evaluates Eq (16) against a 60-digit oracle and never exceeds Theorem 3", () => {
    const mm = new Mismatches();
    for (const [N, n, s, l] of [
      [100, 10, 3, 0.1],
      [100, 10, 600, 0.05],
      [1e6, 1000, 50, 0.2],
      [10, 1, 2, 0],
      [1, 1e6, 10, 0.25],
    ]) {
      for (const zeta of ["printed", "safe"] as const) {
        const b = thm4DeviationBound({ N, n, s, expectedLambda1: l, zeta });
        const r = new D(N).div(N + n);
        let z = new D(0.5).minus(new D(0.5).minus(dec(l).times(2)).times(r).times(r));
        if (zeta === "safe") z = D.min(0.5, z.plus(new D(N).times(n).div(new D(N + n).pow(2))));
        const o = new D(1).div(N).times(new D(n).times(D_PI).div(decPhi(z)).sqrt()).ln().plus(decLogGn(n, s).log).toNumber();
        mm.abs(`N=${N} n=${n} s=${s} l=${l} ${zeta}`, b.log, o, 16 * Number.EPSILON * (1 + Math.abs(o) + s));
        mm.abs(`zeta N=${N} n=${n} l=${l} ${zeta}`, b.zeta, z.toNumber(), 4 * Number.EPSILON);
        const t3 = thm3DeviationBound({ N, n, s });
        mm.that(`<= thm3 N=${N} n=${n} s=${s} ${zeta}`, b.value <= t3.value * (1 + 1e-15));
        mm.that(`phi >= 2`, b.phi >= 2);
      }
    }
    expect(mm.failures).toEqual([]);
  });

  it("refutes the printed step on the spec's pair p1 = delta_1, pHat = delta_2 whenever n < 2N", () => {
    const mm = new Mismatches();
    for (const [N, n] of [
      [3, 1],
      [100, 10],
      [10, 19],
      [10, 21],
      [1, 3],
    ]) {
      const lhs = lambdaOfMixture({ N, n, p1: [1, 0, 0], pHat: [0, 1, 0] });
      mm.abs(`lambda N=${N} n=${n}`, lhs, (N * n) / ((N + n) * (N + n)), 1e-16);
      const printed = printedLambdaStepBound({ N, n, lambda1: 0 });
      const corrected = correctedLambdaStepBound({ N, n, lambda1: 0 });
      mm.that(`printed fails iff n < 2N (N=${N} n=${n})`, lhs > printed === n < 2 * N);
      mm.that(`corrected holds N=${N} n=${n}`, lhs <= corrected * (1 + 1e-15));
    }
    expect(mm.failures).toEqual([]);
    expect(lambdaOfMixture({ N: 3, n: 1, p1: [1, 0], pHat: [0, 1] })).toBe(0.1875);
    expect(printedLambdaStepBound({ N: 3, n: 1, lambda1: 0 })).toBe(0.109375);
  });

  it("has corrected - printed = Nn/(2(N+n)^2) and matches the paper's first expression exactly", () => {
    const mm = new Mismatches();
    for (const [N, n, l] of [
      [3, 1, 0],
      [100, 10, 0.2],
      [1e9, 7, 0.25],
      [5, 1e6, 0.1],
    ]) {
      const c = correctedLambdaStepBound({ N, n, lambda1: l });
      const p = printedLambdaStepBound({ N, n, lambda1: l });
      const tot = new B(N + n).times(N + n);
      const first = new B(N).times(N).times(big(l)).plus(new B(N).times(n)).plus(new B(n).times(n).div(4)).div(tot);
      mm.abs(`corrected N=${N} n=${n}`, c, toNum(first), 4 * Number.EPSILON);
      mm.abs(`gap N=${N} n=${n}`, c - p, toNum(new B(N).times(n).div(tot.times(2))), 4 * Number.EPSILON);
    }
    expect(mm.failures).toEqual([]);
  });

  it("rejects bad parameters naming them", () => {
    expect(() => thm4Zeta({ N: 10, n: 10, expectedLambda1: 0.3 })).toThrow(/^expectedLambda1/);
    expect(() => thm4DeviationBound({ N: 10, n: 10, s: 3, expectedLambda1: 0.1, zeta: "x" as never })).toThrow(/^zeta/);
    expect(() => lambdaOfMixture({ N: 1, n: 1, p1: [1, 0], pHat: [1] })).toThrow(/^pHat/);
    expect(() => printedLambdaStepBound({ N: 1, n: 0, lambda1: 0 })).toThrow(/^n/);
  });
});
