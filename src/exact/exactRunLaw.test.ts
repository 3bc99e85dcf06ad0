import { describe, expect, it } from "vitest";
import { collapseLaw } from "./collapseLaw.ts";
import { EXACT_RUN_MEASURES, exactRunLaw, type ExactRunConfig, type ExactRunLaw } from "./exactRunLaw.ts";
import { partiallySyntheticAveragedTrajectory } from "./partiallySyntheticTrajectory.ts";

const P = [0.45, 0, 0.35, 0.2];
const S0 = P.reduce((a, v) => a + v * v, 0);

/**
 * A second, literal reading of Eq (5), sample by sample: the real corpus is enumerated as a
 * sequence of draws from p, every training sample as (source g, token), a subset of the corpus as
 * an ordered choice of distinct corpus items. Histories with equal (corpus, models) are merged (the
 * future depends on nothing else). Returns every history's probability and models p^(1..M) as counts.
 */
function bruteForceHistories(c: Required<Omit<ExactRunConfig, "realData" | "p0">> & { p0: number[]; fresh: boolean }): Array<{ prob: number; models: number[][] }> {
  const s = c.p0.length;
  const e = Math.floor(c.n / c.K);
  const corpusSize = c.setting === "fully-synthetic" || c.setting === "randomly-sampled" ? c.n : c.setting === "most-recent" ? e : c.N;
  type H = { prob: number; corpus: number[]; models: number[][] };
  // the corpus: a sequence of corpusSize draws from p, kept as token counts
  let hs: H[] = [{ prob: 1, corpus: new Array(s).fill(0), models: [] }];
  for (let i = 0; i < corpusSize; i++) {
    hs = hs.flatMap((h) => Array.from({ length: s }, (_, k) => ({ ...h, prob: h.prob * c.p0[k], corpus: h.corpus.map((v, j) => v + (j === k ? 1 : 0)) })));
  }
  hs = merge(hs.filter((h) => h.prob > 0));
  for (let m = 1; m <= c.generations; m++) {
    const out: H[] = [];
    for (const h of hs) {
      // (prob, counts so far, corpus items still unused in this generation)
      let acc: Array<{ prob: number; x: number[]; left: number[] }> = [{ prob: 1, x: new Array(s).fill(0), left: [...h.corpus] }];
      const fromSource = (t: number) => {
        acc = acc.flatMap((a) => {
          const w = t > 0 ? h.models[t - 1] : c.fresh || c.setting === "partially-synthetic-fresh" ? c.p0 : a.left;
          const W = w.reduce((u, v) => u + v, 0);
          return w.flatMap((wk, k) =>
            wk === 0 ? [] : [{ prob: a.prob * (wk / W), x: a.x.map((v, j) => v + (j === k ? 1 : 0)), left: t === 0 && w === a.left ? a.left.map((v, j) => v - (j === k ? 1 : 0)) : a.left }],
          );
        });
      };
      const draws: Array<[number, number]> = [];
      if (c.setting === "fully-synthetic") draws.push([m - 1, c.n]);
      else if (c.setting.startsWith("partially")) draws.push([0, c.N], ...(m > 1 ? [[m - 1, c.n] as [number, number]] : []));
      else if (c.setting === "accumulate") {
        if (m === 1) draws.push([0, c.N]);
        else {
          acc = acc.map((a) => ({ ...a, x: [...h.models[m - 2]] }));
          draws.push([m - 1, c.n]);
        }
      } else if (c.setting === "most-recent") for (let t = Math.max(0, m - c.K); t <= m - 1; t++) draws.push([t, e]);
      if (c.setting === "randomly-sampled") {
        // each sample i: g_i uniform on {0..m-1}, then its token from source g_i
        for (let i = 0; i < c.n; i++) {
          const before = acc;
          const parts: typeof acc = [];
          for (let g = 0; g < m; g++) {
            acc = before.map((a) => ({ ...a, prob: a.prob / m }));
            fromSource(g);
            parts.push(...acc);
          }
          acc = parts;
        }
      } else for (const [t, count] of draws) for (let i = 0; i < count; i++) fromSource(t);
      for (const a of acc) out.push({ prob: h.prob * a.prob, corpus: h.corpus, models: [...h.models, a.x] });
    }
    hs = merge(out);
  }
  return hs;

  function merge(list: H[]): H[] {
    const map = new Map<string, H>();
    for (const h of list) {
      const key = JSON.stringify([h.corpus, h.models]);
      const prior = map.get(key);
      if (prior) prior.prob += h.prob;
      else map.set(key, { ...h, models: h.models.map((x) => [...x]) });
    }
    return [...map.values()];
  }
}

/** The exact-law quantities from brute-force histories (the measures written out once more). */
function lawFromHistories(p0: number[], M: number, hs: Array<{ prob: number; models: number[][] }>) {
  const mean: Record<string, number[]> = Object.fromEntries(EXACT_RUN_MEASURES.map((k) => [k, new Array(M + 1).fill(0)]));
  const collapsedBy = new Array(M + 1).fill(0);
  const collapsedToBy = p0.map(() => new Array(M + 1).fill(0));
  const freq = (x: number[]) => x.map((v) => v / x.reduce((a, b) => a + b, 0));
  for (const h of hs) {
    const p1 = freq(h.models[0]);
    let T = 0;
    let token = -1;
    for (let m = 1; m <= M; m++) {
      const x = h.models[m - 1];
      const q = freq(x);
      const l1 = (r: number[]) => q.reduce((a, v, i) => a + Math.abs(v - r[i]), 0);
      const l2 = (r: number[]) => q.reduce((a, v, i) => a + (v - r[i]) ** 2, 0);
      const add = (k: string, v: number) => (mean[k][m] += h.prob * v);
      add("trainingSize", x.reduce((a, b) => a + b, 0));
      add("sigma", l2(q.map(() => 0)));
      add("supNorm", Math.max(...q));
      add("l1ToP0", l1(p0));
      add("l1ToP1", l1(p1));
      add("l2ToP0", Math.sqrt(l2(p0)));
      add("l2ToP1", Math.sqrt(l2(p1)));
      add("l2SquaredToP0", l2(p0));
      add("l2SquaredToP1", l2(p1));
      add("entropy", q.reduce((a, v) => (v > 0 ? a - v * Math.log(v) : a), 0));
      add("supportSize", q.filter((v) => v > 0).length);
      if (T === 0 && Math.max(...q) === 1) {
        T = m;
        token = q.indexOf(1);
      }
      if (T > 0) {
        collapsedBy[m] += h.prob;
        collapsedToBy[token][m] += h.prob;
      }
    }
  }
  return { mean, collapsedBy, collapsedToBy };
}

function expectLawClose(law: ExactRunLaw, ref: ReturnType<typeof lawFromHistories>, digits = 12) {
  const M = law.collapsedBy.length - 1;
  for (const k of EXACT_RUN_MEASURES) for (let m = 1; m <= M; m++) expect(law.mean[k][m], `${k} at m = ${m}`).toBeCloseTo(ref.mean[k][m], digits);
  for (let m = 1; m <= M; m++) {
    expect(law.collapsedBy[m], `P(T <= ${m})`).toBeCloseTo(ref.collapsedBy[m], digits);
    ref.collapsedToBy.forEach((row, i) => expect(law.collapsedToBy[i][m], `P(collapsedTo = ${i}, T <= ${m})`).toBeCloseTo(row[m], digits));
  }
}

describe("exactRunLaw", () => {
  it("hand case, fully-synthetic p = (0.5, 0, 0.5), n = 2, m = 1: p^(1) in {delta_0, (1/2, 0, 1/2), delta_2} w.p. 1/4, 1/2, 1/4", () => {
    const law = exactRunLaw({ setting: "fully-synthetic", p0: [0.5, 0, 0.5], n: 2, generations: 1 });
    expect(law.mean.sigma).toEqual([0.5, expect.closeTo(0.75, 15)]);
    expect(law.mean.supNorm[1]).toBeCloseTo(0.75, 15);
    expect(law.mean.l1ToP0[1]).toBeCloseTo(0.5, 15); // a Dirac is at L1 distance 1, w.p. 1/2
    expect(law.mean.l2SquaredToP0[1]).toBeCloseTo(0.25, 15);
    expect(law.mean.l2ToP0[1]).toBeCloseTo(0.5 * Math.SQRT1_2, 15);
    expect(law.mean.l1ToP1).toEqual([expect.closeTo(0.5, 15), 0]); // m = 0: ||p^(0) - p^(1)||_1
    expect(law.mean.entropy).toEqual([expect.closeTo(Math.LN2, 15), expect.closeTo(0.5 * Math.LN2, 15)]);
    expect(law.mean.supportSize).toEqual([2, expect.closeTo(1.5, 15)]);
    expect(law.mean.trainingSize).toEqual([0, 2]);
    expect(law.collapsedBy).toEqual([0, expect.closeTo(0.5, 15)]);
    expect(law.collapsedToBy.map((r) => r[1])).toEqual([0.25, 0, 0.25].map((v) => expect.closeTo(v, 15)));
  });

  it("fully-synthetic: S_m = Eq (6), E||p^(m) - p^(0)||^2 = S_m - S_0, E||p^(m) - p^(1)||^2 = S_m - S_1, P(T <= m) = rho_m of collapseLaw", () => {
    const n = 4;
    const M = 6;
    const law = exactRunLaw({ setting: "fully-synthetic", p0: P, n, generations: M });
    const rho = collapseLaw(P, n, M).rho;
    for (let m = 0; m <= M; m++) {
      const Sm = 1 - (1 - 1 / n) ** m * (1 - S0);
      expect(law.mean.sigma[m]).toBeCloseTo(Sm, 13);
      expect(law.mean.l2SquaredToP0[m]).toBeCloseTo(Sm - S0, 13);
      if (m >= 1) {
        expect(law.mean.l2SquaredToP1[m]).toBeCloseTo(Sm - law.mean.sigma[1], 13);
        expect(law.collapsedBy[m]).toBeCloseTo(rho[m], 13);
        expect(law.mean.trainingSize[m]).toBe(n);
      }
    }
    // Proposition 1 at finite m: P(collapsedTo = i, T <= m) <= p_i, 0 off the support
    law.collapsedToBy.forEach((row, i) => row.forEach((v) => expect(v).toBeLessThanOrEqual(P[i] + 1e-15)));
    expect(law.collapsedToBy[1].every((v) => v === 0)).toBe(true);
  });

  it("partially-synthetic: S_m, E||p^(m) - p^(1)||_2^2 and _1 equal partiallySyntheticAveragedTrajectory's", () => {
    const law = exactRunLaw({ setting: "partially-synthetic", p0: P, n: 3, N: 2, generations: 5 });
    const t = partiallySyntheticAveragedTrajectory(P, 2, 3, 5);
    for (let m = 0; m <= 5; m++) {
      expect(law.mean.sigma[m]).toBeCloseTo(t.S[m], 13);
      expect(law.mean.l2SquaredToP1[m]).toBeCloseTo(t.l2FromFirst[m], 13);
      expect(law.mean.l1ToP1[m]).toBeCloseTo(t.l1FromFirst[m], 13);
    }
    expect(law.mean.trainingSize).toEqual([0, 2, 5, 5, 5, 5]);
  });

  it("E p^(m) = p in every setting: E||p^(m) - p^(0)||^2 = S_m - S_0; with fixed real data E[p^(m) | p^(1)] = p^(1): E||p^(m) - p^(1)||^2 = S_m - S_1", () => {
    const configs: Array<[ExactRunConfig, number[]]> = [
      [{ setting: "partially-synthetic-fresh", p0: P, n: 2, N: 2, generations: 4 }, [0, 2, 4, 4, 4]],
      [{ setting: "most-recent", p0: P, n: 4, K: 2, generations: 5 }, [0, 2, 4, 4, 4, 4]],
      [{ setting: "most-recent", p0: P, n: 4, K: 2, generations: 4, realData: "fresh" }, [0, 2, 4, 4, 4]],
      [{ setting: "randomly-sampled", p0: P, n: 3, generations: 4 }, [0, 3, 3, 3, 3]],
      [{ setting: "randomly-sampled", p0: P, n: 2, generations: 4, realData: "fresh" }, [0, 2, 2, 2, 2]],
      [{ setting: "accumulate", p0: P, n: 2, N: 2, generations: 5 }, [0, 2, 4, 6, 8, 10]],
    ];
    for (const [c, sizes] of configs) {
      const law = exactRunLaw(c);
      expect(law.mean.trainingSize, `${c.setting} n^(m)`).toEqual(sizes);
      const fixed = c.realData !== "fresh" && c.setting !== "partially-synthetic-fresh";
      for (let m = 1; m <= c.generations; m++) {
        expect(law.mean.l2SquaredToP0[m], `${c.setting} ${c.realData ?? ""} m = ${m}`).toBeCloseTo(law.mean.sigma[m] - S0, 13);
        if (fixed) expect(law.mean.l2SquaredToP1[m], `${c.setting} m = ${m}`).toBeCloseTo(law.mean.sigma[m] - law.mean.sigma[1], 13);
      }
      if (!fixed) {
        // fresh real data pulls p^(m) off p^(1): the identity fails somewhere (this is what tells the two apart)
        const gaps = law.mean.sigma.map((v, m) => (m >= 2 ? Math.abs(law.mean.l2SquaredToP1[m] - (v - law.mean.sigma[1])) : 0));
        expect(Math.max(...gaps)).toBeGreaterThan(1e-3);
      }
    }
  });

  it("m = 1 by hand in every setting: p^(1) is the empirical law of the real data (N, n, or floor(n/K) samples)", () => {
    const first = (c: ExactRunConfig, size: number) => {
      const law = exactRunLaw({ ...c, generations: 1 });
      expect(law.mean.sigma[1]).toBeCloseTo(S0 + (1 - S0) / size, 14);
      expect(law.mean.trainingSize[1]).toBe(size);
    };
    first({ setting: "fully-synthetic", p0: P, n: 3, generations: 1 }, 3);
    first({ setting: "partially-synthetic", p0: P, n: 3, N: 2, generations: 1 }, 2);
    first({ setting: "partially-synthetic-fresh", p0: P, n: 3, N: 4, generations: 1 }, 4);
    first({ setting: "most-recent", p0: P, n: 5, K: 2, generations: 1 }, 2);
    first({ setting: "randomly-sampled", p0: P, n: 3, generations: 1 }, 3);
    first({ setting: "accumulate", p0: P, n: 3, generations: 1 }, 3); // N defaults to n
  });

  it("matches a literal sample-by-sample enumeration of Eq (5) in every setting (randomly-sampled: g_i and subsets without replacement)", () => {
    const p0 = [0.5, 0, 0.3, 0.2];
    const base = { p0, n: 2, N: 2, K: 1, generations: 3, fresh: false };
    const cases: Array<typeof base & { setting: ExactRunConfig["setting"] }> = [
      { ...base, setting: "fully-synthetic" },
      { ...base, setting: "partially-synthetic", N: 1 },
      { ...base, setting: "partially-synthetic-fresh", N: 1 },
      { ...base, setting: "most-recent", n: 3, K: 3, generations: 4 },
      { ...base, setting: "most-recent", n: 2, K: 2, generations: 4, fresh: true },
      { ...base, setting: "randomly-sampled", n: 3 },
      { ...base, setting: "randomly-sampled", n: 2, fresh: true },
      { ...base, setting: "accumulate", N: 1 },
    ];
    for (const c of cases) {
      const law = exactRunLaw({ ...c, realData: c.fresh ? "fresh" : "fixed" });
      expectLawClose(law, lawFromHistories(p0, c.generations, bruteForceHistories(c)));
    }
  });

  it("randomly-sampled with fixed real data differs from fresh real data (the corpus is reused without replacement)", () => {
    const fixed = exactRunLaw({ setting: "randomly-sampled", p0: P, n: 3, generations: 3 });
    const fresh = exactRunLaw({ setting: "randomly-sampled", p0: P, n: 3, generations: 3, realData: "fresh" });
    expect(fixed.mean.sigma[1]).toBeCloseTo(fresh.mean.sigma[1], 14);
    expect(fixed.mean.sigma[2] - fresh.mean.sigma[2]).toBeGreaterThan(0.05);
  });

  it("merges states: the fully-synthetic chain has at most (p^(1), p^(m), collapse) states", () => {
    const law = exactRunLaw({ setting: "fully-synthetic", p0: P, n: 2, generations: 4 });
    expect(Math.max(...law.states)).toBeLessThanOrEqual(6 * 6 * 4);
  });

  it("validates its parameters, naming them", () => {
    const ok: ExactRunConfig = { setting: "fully-synthetic", p0: P, n: 2, generations: 2 };
    expect(() => exactRunLaw({ ...ok, setting: "nope" as never })).toThrow(/^setting must be one of/);
    expect(() => exactRunLaw({ ...ok, p0: [0.5, 0.6] })).toThrow(/^p0 must sum to 1/);
    expect(() => exactRunLaw({ ...ok, n: 0 })).toThrow(RangeError);
    expect(() => exactRunLaw({ ...ok, n: 1.5 })).toThrow(TypeError);
    expect(() => exactRunLaw({ ...ok, generations: -1 })).toThrow(/^generations/);
    expect(() => exactRunLaw({ ...ok, setting: "partially-synthetic" })).toThrow(/^N must be given/);
    expect(() => exactRunLaw({ ...ok, setting: "most-recent" })).toThrow(/^K must be given/);
    expect(() => exactRunLaw({ ...ok, setting: "most-recent", K: 3 })).toThrow(/^K must be <= n/);
    expect(() => exactRunLaw({ ...ok, realData: "sometimes" as never })).toThrow(/^realData/);
    expect(() => exactRunLaw({ ...ok, generations: 3 }, 5)).toThrow(/^generations: generation \d has/);
  });
});
