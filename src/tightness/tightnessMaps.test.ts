import { beforeAll, describe, expect, it } from "vitest";
import { binomialPmf, partiallySyntheticAveragedTrajectory } from "../exact/index.ts";
import { coordinateChainLaw } from "./coordinateChainLaw.ts";
import { DRIFT_GRIDS, thm3InformativeFromN, uniformExpectedLambda } from "./driftMaps.ts";
import { expectedLambdaOfEmpirical } from "../check/statements/thm4GeneralBound.ts";
import { tightnessCell } from "./tightnessCell.ts";
import { tightnessMaps } from "./tightnessMaps.ts";
import { nonDegenerateBest } from "./nonDegenerateBest.ts";
import type { TightnessMap } from "./types.ts";

let maps: TightnessMap[];
beforeAll(() => {
  maps = tightnessMaps();
});
const mapOf = (key: string): TightnessMap => {
  const m = maps.find((x) => x.key === key);
  if (m === undefined) throw new Error(`no map ${key}`);
  return m;
};

describe("coordinateChainLaw", () => {
  it("sums to the multi-token exact chain (l1 drift and S_m), coordinate by coordinate, within the mass it drops", () => {
    for (const [p, N, n, M] of [
      [[0.5, 0.3, 0.2], 6, 5, 6],
      [[0.25, 0.25, 0.25, 0.25], 5, 4, 5],
      [[0.7, 0.3], 20, 30, 10],
    ] as Array<[number[], number, number, number]>) {
      const tr = partiallySyntheticAveragedTrajectory(p, N, n, M);
      const laws = p.map((pi) => coordinateChainLaw(pi, N, n, M));
      // each coordinate's |deviation| and square are <= 1, so the error is at most the mass dropped
      const tolerance = laws.reduce((a, l) => a + l.dropped, 0) + 1e-13;
      expect(tolerance).toBeLessThan(1e-9);
      for (let m = 0; m <= M; m++) {
        expect(Math.abs(laws.reduce((a, l) => a + l.absDeviation[m], 0) - tr.l1FromFirst[m])).toBeLessThanOrEqual(tolerance);
        expect(Math.abs(laws.reduce((a, l) => a + l.secondMoment[m], 0) - tr.S[m])).toBeLessThanOrEqual(tolerance);
      }
    }
  });

  it("gives the tail P(|p_1^(m) - p_1^(1)| >= t) of a brute-force enumeration (N = 4, n = 3, m = 2, 3)", () => {
    const N = 4;
    const n = 3;
    const t = 0.05;
    const law = coordinateChainLaw(0.5, N, n, 3, t);
    const brute = [0, 0];
    for (let r = 0; r <= N; r++) {
      const wr = binomialPmf(r, N, 0.5, 0.5);
      for (let y2 = 0; y2 <= n; y2++) {
        const w2 = wr * binomialPmf(y2, n, r / N, 1 - r / N);
        const dev = (y: number): number => Math.abs((r + y) / (N + n) - r / N);
        if (dev(y2) >= t) brute[0] += w2;
        for (let y3 = 0; y3 <= n; y3++) {
          const q = (r + y2) / (N + n);
          if (dev(y3) >= t) brute[1] += w2 * binomialPmf(y3, n, q, 1 - q);
        }
      }
    }
    expect(brute[0]).toBeGreaterThan(0.1);
    expect(law.tail?.[2]).toBeCloseTo(brute[0], 12);
    expect(law.tail?.[3]).toBeCloseTo(brute[1], 12);
  });
});

describe("tightnessCell", () => {
  it("is vacuous exactly at or beyond the trivial bound, with score min(tightness, complement)", () => {
    expect(tightnessCell("atMost", 1, 1, {}, 0.5, 1, [0, 1]).vacuous).toBe(true);
    const c = tightnessCell("atMost", 1, 1, {}, 0.5, 0.8, [0, 1]);
    expect(c.vacuous).toBe(false);
    expect(c.tightness).toBeCloseTo(0.625, 15);
    expect(c.complementTightness).toBeCloseTo(0.4, 15);
    expect(c.score).toBeCloseTo(0.4, 15);
    expect(tightnessCell("atLeast", 1, 1, {}, 0.5, 0, [0, 1]).vacuous).toBe(true);
    expect(tightnessCell("atLeast", 1, 1, {}, 3, 2, [1, Infinity]).score).toBeCloseTo(2 / 3, 15);
  });
});

describe("tightness maps", () => {
  it("attain the sharp bounds at p = (0.5, 0.5), n = 2: Eq (7) upper and Eq (8) lower have tightness 1", () => {
    const rho = mapOf("thm1-rho-upper/p=(0.5, 0.5)").cells.filter((c) => c.x === 2 && !c.vacuous);
    expect(rho.length).toBeGreaterThan(4);
    for (const c of rho) expect(c.tightness).toBeCloseTo(1, 12);
    const time = mapOf("thm1-collapse-time-lower/p=(p1, 1 - p1)").cells.find((c) => c.x === 2 && c.y === 0.5);
    expect(time?.tightness).toBeCloseTo(1, 12);
    // and not elsewhere: n = 4 leaves slack in Eq (8)'s lower bound
    const n4 = mapOf("thm1-collapse-time-lower/p=(p1, 1 - p1)").cells.find((c) => c.x === 4 && c.y === 0.5);
    expect(n4?.tightness).toBeLessThan(0.99);
  });

  it("never exceed tightness 1 (every bound holds) and mark the best point among informative cells", () => {
    for (const m of maps) {
      for (const c of m.cells) {
        if (c.tightness !== null) expect(c.tightness, `${m.key} ${JSON.stringify(c.parameters)}`).toBeLessThanOrEqual(1 + 1e-9);
        if (c.complementTightness !== null) expect(c.complementTightness, `${m.key} ${JSON.stringify(c.parameters)}`).toBeLessThanOrEqual(1 + 1e-9);
      }
      const informative = m.cells.filter((c) => !c.vacuous && c.score !== null);
      if (informative.length === 0) {
        expect(m.best, m.key).toBeNull();
        continue;
      }
      expect(m.best, m.key).not.toBeNull();
      const cell = m.cells.find((c) => c.parameters === m.best?.parameters);
      expect(cell?.vacuous, m.key).toBe(false);
      expect(m.best?.score, m.key).toBeCloseTo(Math.max(...informative.map((c) => c.score as number)), 9);
    }
  });

  it("mark Theorem 3 vacuous exactly where the closed form says (s = 2: G = 2; s = 3: G = 6 for n >= 2)", () => {
    for (const [s, G] of [
      [2, 2],
      [3, 6],
    ]) {
      const map = mapOf(`thm3-deviation-bound/s=${s}`);
      expect(map.cells.length).toBe(DRIFT_GRIDS[s].n.length * DRIFT_GRIDS[s].N.length);
      for (const c of map.cells) {
        const [n, N] = [c.x, c.y];
        const g = (G / 2) * Math.sqrt((Math.PI * n) / 2); // informative iff g < n and N > g n / (n - g)
        const informative = g < n && N > (g * n) / (n - g);
        expect(c.vacuous, `s = ${s}, n = ${n}, N = ${N}`).toBe(!informative);
      }
      expect(map.cells.some((c) => c.vacuous) && map.cells.some((c) => !c.vacuous)).toBe(true);
    }
    expect(thm3InformativeFromN(2, 2)).toBe(16);
    expect(mapOf("thm3-deviation-bound/s=2").cells.find((c) => c.x === 2 && c.y === 16)?.vacuous).toBe(false);
    expect(mapOf("thm3-deviation-bound/s=2").cells.find((c) => c.x === 2 && c.y === 8)?.vacuous).toBe(true);
  });

  it("use the exact E[lambda(p^(1))] for s = 2 and agree with the enumeration", () => {
    expect(uniformExpectedLambda(2, 6).value).toBeCloseTo(expectedLambdaOfEmpirical(Float64Array.of(0.5, 0.5), 6) as number, 14);
    expect(uniformExpectedLambda(3, 10).exact).toBe(true);
    expect(uniformExpectedLambda(3, 10).value).toBeCloseTo(expectedLambdaOfEmpirical(new Float64Array(3).fill(1 / 3), 10) as number, 14);
  });

  it("map Lemma 1 with exact tails: P(||p_hat - p||_1 >= 1) = 1/2 for n = 2 fair coins, and the bound is never exceeded", () => {
    const two = mapOf("lemma1-l1-concentration/s=2");
    expect(two.cells.find((c) => c.x === 2 && c.y === 1)?.measured).toBe(0.5);
    for (const key of ["lemma1-l1-concentration/s=2", "lemma1-l1-concentration/s=3", "lemma1-l1-concentration/s=8"]) {
      for (const c of mapOf(key).cells) expect(c.measured as number, `${key} n = ${c.x} eps = ${c.y}`).toBeLessThanOrEqual(c.bound);
    }
  });

  it("find an informative best point for every bound that has one on its grid, with n > 2 where the grid allows", () => {
    for (const m of maps) {
      expect(m.best, m.key).not.toBeNull();
      expect(m.informativeFrom, m.key).toBeNull();
      const nd = nonDegenerateBest(m);
      if (nd !== null) expect(nd.parameters.n as number).toBeGreaterThan(2);
    }
  });
});
