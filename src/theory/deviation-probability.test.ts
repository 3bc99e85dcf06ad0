import { describe, expect, it } from "vitest";
import { deviationProbabilityMarkov, deviationProbabilityUnion, id, RATIO_EXPONENTS, unionBoundForRatio } from "./deviation-probability.ts";
import { D, decLogGn, Mismatches, multinomialPmf } from "./oracle-kit.ts";
import { thm3DeviationBound } from "./thm3-deviation-bound.ts";
import { thm4DeviationBound } from "./thm4-general-bound.ts";

/** Route 2 summed term by term in decimal.js (thresholds K r^i, i = 1..m-1, zero when > 2). */
function unionOracle(N: number, n: number, s: number, eps: number, m: number, r: number): number {
  const a = new D(n).div(N + n);
  const dr = new D(r);
  const K = new D(eps).times(new D(1).minus(a.times(dr))).div(a.times(dr));
  const logG = D.min(decLogGn(n, s).log, new D(2).pow(s).minus(2).ln());
  let sum = new D(0);
  for (let i = 1; i <= m - 1; i++) {
    const t = K.times(dr.pow(i));
    if (t.gt(2)) break;
    const term = logG.minus(t.times(t).times(n).div(2)).exp();
    sum = sum.plus(D.min(1, term));
  }
  return D.min(1, sum).toNumber();
}

/**
 * The laws of ||p^(m) - p^(1)||_1, m = 2..M, for s = 2 by exact enumeration in float64: state (c, d) with c the
 * real count of token 1 (fixed across generations) and d its synthetic count; L1 distance 2|x_m - x_1|.
 */
function exactDeviationLaws(p1: number, N: number, n: number, M: number): { l1: number; pr: number }[][] {
  const laws: { l1: number; pr: number }[][] = [];
  let states = new Map<string, { x1: number; x: number; c: number; pr: number }>();
  for (let c = 0; c <= N; c++) states.set(`${c}`, { x1: c / N, x: c / N, c, pr: multinomialPmf([p1, 1 - p1], [c, N - c]) });
  for (let g = 2; g <= M; g++) {
    const next = new Map<string, { x1: number; x: number; c: number; pr: number }>();
    for (const st of states.values()) {
      for (let d = 0; d <= n; d++) {
        const pd = multinomialPmf([st.x, 1 - st.x], [d, n - d]);
        if (pd === 0) continue;
        const key = `${st.c}|${d}`;
        const old = next.get(key);
        if (old) old.pr += st.pr * pd;
        else next.set(key, { x1: st.x1, x: (st.c + d) / (N + n), c: st.c, pr: st.pr * pd });
      }
    }
    states = next;
    laws[g] = [...states.values()].map((st) => ({ l1: 2 * Math.abs(st.x - st.x1), pr: st.pr }));
  }
  return laws;
}

describe(id, () => {
  it("Markov route: min(1, B/eps) with B from Theorem 3 or Theorem 4", () => {
    const t3 = thm3DeviationBound({ N: 1e6, n: 10, s: 3 });
    const m3 = deviationProbabilityMarkov({ N: 1e6, n: 10, s: 3, eps: 0.1 });
    expect(m3.value).toBeCloseTo(t3.value / 0.1, 15);
    const t4 = thm4DeviationBound({ N: 1e6, n: 10, s: 3, expectedLambda1: 0.05 });
    const m4 = deviationProbabilityMarkov({ N: 1e6, n: 10, s: 3, eps: 0.1, expectedLambda1: 0.05 });
    expect(m4.log).toBeCloseTo(t4.log - Math.log(0.1), 13);
    expect(m4.value).toBeLessThanOrEqual(m3.value);
    const printed = deviationProbabilityMarkov({ N: 1e6, n: 10, s: 3, eps: 0.1, expectedLambda1: 0.05, zeta: "printed" });
    expect(printed.value).toBeLessThanOrEqual(m4.value);
    expect(deviationProbabilityMarkov({ N: 100, n: 10, s: 600, eps: 0.1 }).value).toBe(1);
    expect(deviationProbabilityMarkov({ N: 100, n: 10, s: 3, eps: 2.5 }).value).toBe(0);
  });

  it("union route matches a decimal.js term-by-term sum for fixed ratios", () => {
    const mm = new Mismatches();
    for (const [N, n, s, eps, m] of [
      [1000, 1000, 3, 0.5, 12],
      [100, 50, 2, 0.3, 8],
      [10, 10, 5, 1, 6],
      [1e4, 200, 4, 0.2, 10],
    ]) {
      const a = n / (N + n);
      for (const r of [1, a ** -0.25, a ** -0.5, a ** -0.9]) {
        const got = deviationProbabilityUnion({ N, n, s, eps, m, ratio: r }).value;
        const o = unionOracle(N, n, s, eps, m, r);
        if (o < 1e-300) mm.that(`N=${N} n=${n} r=${r}: ${got} ~ 0`, got < 1e-290);
        else mm.ulps(`N=${N} n=${n} s=${s} eps=${eps} m=${m} r=${r}`, got, o, 256 * (1 + n * eps * eps));
      }
    }
    expect(mm.failures).toEqual([]);
  });

  it("optimizes over the ratio grid, is 0 for m = 1 or eps > 2, non-decreasing in m, non-increasing in eps", () => {
    const base = { N: 1000, n: 1000, s: 3, eps: 0.5, m: 50 };
    const best = deviationProbabilityUnion(base);
    const a = 0.5;
    for (const theta of RATIO_EXPONENTS) expect(best.log).toBeLessThanOrEqual(unionBoundForRatio(1000, 1000, 3, 0.5, 50, a ** -theta).log);
    expect(deviationProbabilityUnion({ ...base, m: 1 }).value).toBe(0);
    expect(deviationProbabilityUnion({ ...base, eps: 2.1 }).value).toBe(0);
    let prev = 0;
    for (const m of [2, 3, 5, 10, 100, 1e4, 1e9]) {
      const v = deviationProbabilityUnion({ ...base, m, ratio: 1 }).log;
      expect(v).toBeGreaterThanOrEqual(prev === 0 ? -Infinity : prev);
      prev = v;
    }
    expect(deviationProbabilityUnion({ ...base, eps: 0.3 }).log).toBeGreaterThan(deviationProbabilityUnion({ ...base, eps: 0.6 }).log);
    // With r > 1 the bound is uniform in m (only thresholds <= 2 contribute).
    const r = a ** -0.5;
    expect(deviationProbabilityUnion({ ...base, m: 1e9, ratio: r }).log).toBeCloseTo(deviationProbabilityUnion({ ...base, m: 100, ratio: r }).log, 12);
  });

  it("both routes bound the exact deviation probability of the enumerated chain (s = 2)", () => {
    const mm = new Mismatches();
    for (const [p1, N, n] of [
      [0.5, 20, 20],
      [0.3, 30, 10],
      [0.5, 10, 40],
    ]) {
      const laws = exactDeviationLaws(p1, N, n, 5);
      for (const m of [2, 3, 5]) {
        const law = laws[m];
        for (const eps of [0.1, 0.3, 0.6]) {
          const exact = law.reduce((acc, x) => acc + (x.l1 >= eps - 1e-12 ? x.pr : 0), 0);
          const u = deviationProbabilityUnion({ N, n, s: 2, eps, m }).value;
          const k = deviationProbabilityMarkov({ N, n, s: 2, eps }).value;
          mm.that(`p1=${p1} N=${N} n=${n} m=${m} eps=${eps}: exact ${exact} <= union ${u}`, exact <= u * (1 + 1e-9));
          mm.that(`p1=${p1} N=${N} n=${n} m=${m} eps=${eps}: exact ${exact} <= markov ${k}`, exact <= k * (1 + 1e-9));
        }
      }
    }
    expect(mm.failures).toEqual([]);
    // The union route is non-vacuous there: N = n = 20, eps = 0.6 gives a bound below 1.
    expect(deviationProbabilityUnion({ N: 20, n: 20, s: 2, eps: 0.6, m: 5 }).value).toBeLessThan(1);
  });

  it("rejects bad parameters naming them", () => {
    expect(() => deviationProbabilityUnion({ N: 10, n: 10, s: 3, eps: 0.5, m: 5, ratio: 3 })).toThrow(/^ratio must lie in \[1, 1\/alpha\)/);
    expect(() => deviationProbabilityUnion({ N: 10, n: 10, s: 3, eps: 0, m: 5 })).toThrow(/^eps/);
    expect(() => deviationProbabilityUnion({ N: 10, n: 10, s: 3, eps: 0.5, m: 0 })).toThrow(/^m/);
    expect(() => deviationProbabilityMarkov({ N: 10, n: 10, s: 3, eps: 0.5, expectedLambda1: 1 })).toThrow(/^expectedLambda1/);
  });
});
