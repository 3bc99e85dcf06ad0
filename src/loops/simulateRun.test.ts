import { describe, expect, it } from "vitest";
import { denseCountsFromSparse, type SparseCounts } from "../measure/index.ts";
import { createRng } from "../rng/index.ts";
import { SETTINGS } from "./settings.ts";
import { simulateRun } from "./simulateRun.ts";
import type { SimulationConfig } from "./simulationConfig.ts";

const p0 = [0.4, 0.3, 0.2, 0.1, 0, 0];

function trajectory(seed: number, config: SimulationConfig): { models: Int32Array[]; record: ReturnType<typeof simulateRun> } {
  const models: Int32Array[] = [];
  const record = simulateRun(createRng(seed), config, (_m: number, model: SparseCounts) => {
    models.push(denseCountsFromSparse(model, p0.length));
  });
  return { models, record };
}

describe("simulateRun", () => {
  it("records n^(m) per the schedule for every setting", () => {
    const expected: Record<string, number[]> = {
      "fully-synthetic": [0, 10, 10, 10, 10, 10],
      "partially-synthetic": [0, 20, 30, 30, 30, 30],
      "partially-synthetic-fresh": [0, 20, 30, 30, 30, 30],
      "most-recent": [0, 3, 6, 9, 9, 9],
      "randomly-sampled": [0, 10, 10, 10, 10, 10],
      accumulate: [0, 20, 30, 40, 50, 60],
    };
    for (const setting of SETTINGS) {
      const { models, record } = trajectory(1, { setting, p0, n: 10, N: 20, K: 3, generations: 5 });
      expect(record.trainingSize).toEqual(expected[setting]);
      for (let m = 1; m <= 5; m++) expect(models[m - 1].reduce((a, b) => a + b)).toBe(expected[setting][m]);
      for (const key of ["sigma", "supNorm", "l1ToP0", "l1ToP1", "l2ToP0", "l2SquaredToP1", "entropy", "supportSize"] as const) {
        expect(record[key]).toHaveLength(6);
      }
    }
  });

  it("measures agree with the model: p^(0) row, p^(1) at distance 0 from itself, Dirac iff sigma = 1", () => {
    const { models, record } = trajectory(3, { setting: "fully-synthetic", p0, n: 5, generations: 60 });
    expect(record.sigma[0]).toBeCloseTo(0.3, 15);
    expect(record.supportSize[0]).toBe(4);
    expect(record.l1ToP0[0]).toBe(0);
    expect(record.l1ToP1[1]).toBe(0);
    expect(record.l2SquaredToP1[1]).toBe(0);
    for (let m = 1; m <= 60; m++) {
      const c = models[m - 1];
      const q = Array.from(c, (x) => x / 5);
      expect(record.sigma[m]).toBeCloseTo(q.reduce((a, x) => a + x * x, 0), 14);
      expect(record.l1ToP0[m]).toBeCloseTo(q.reduce((a, x, i) => a + Math.abs(x - p0[i]), 0), 14);
      expect(record.l2SquaredToP0[m]).toBeCloseTo(q.reduce((a, x, i) => a + (x - p0[i]) ** 2, 0), 14);
      expect(record.l2ToP0[m]).toBeCloseTo(Math.sqrt(record.l2SquaredToP0[m]), 14);
      const p1 = Array.from(models[0], (x) => x / 5);
      expect(record.l1ToP1[m]).toBeCloseTo(q.reduce((a, x, i) => a + Math.abs(x - p1[i]), 0), 14);
      expect(record.supportSize[m]).toBe(c.filter((x) => x > 0).length);
      expect(record.supNorm[m] === 1).toBe(record.sigma[m] === 1);
      expect(record.supNorm[m] === 1).toBe(record.supportSize[m] === 1);
    }
    expect(record.T).not.toBeNull();
    expect(record.supNorm[record.T! - 1]).toBeLessThan(1);
    expect(models[record.T! - 1][record.collapsedTo!]).toBe(5);
    expect(record.entropy[record.T!]).toBe(0);
  });

  it("stops at collapse when asked, keeping T", () => {
    const full = simulateRun(createRng(9), { setting: "fully-synthetic", p0, n: 4, generations: 200 });
    const stopped = simulateRun(createRng(9), { setting: "fully-synthetic", p0, n: 4, generations: 200, stopAtCollapse: true });
    expect(stopped.T).toBe(full.T);
    expect(stopped.generations).toBe(full.T);
    expect(stopped.sigma).toEqual(full.sigma.slice(0, full.T! + 1));
  });

  it("uses the given real sample as p^(1) and keeps it in partially-synthetic: p^(m) >= N r / (N + n)", () => {
    const real = [8, 0, 0, 2, 0, 0];
    const fs = trajectory(4, { setting: "fully-synthetic", p0, n: 10, generations: 3, realSample: real });
    expect(Array.from(fs.models[0])).toEqual(real);
    const ps = trajectory(4, { setting: "partially-synthetic", p0, n: 30, N: 10, generations: 40, realSample: real });
    for (const c of ps.models) for (let i = 0; i < real.length; i++) expect(c[i]).toBeGreaterThanOrEqual(real[i]);
    const acc = trajectory(4, { setting: "accumulate", p0, n: 30, N: 10, generations: 20, realSample: real });
    for (const c of acc.models) for (let i = 0; i < real.length; i++) expect(c[i]).toBeGreaterThanOrEqual(real[i]);
  });

  it("most-recent reuses the same real corpus while m <= K; randomly-sampled draws subsets of it", () => {
    const real = [2, 1, 0, 0, 0, 0];
    const mr = trajectory(5, { setting: "most-recent", p0, n: 9, K: 3, generations: 3, realSample: real });
    for (let m = 1; m <= 3; m++) for (let i = 0; i < 6; i++) expect(mr.models[m - 1][i]).toBeGreaterThanOrEqual(real[i]);
    const rs = trajectory(6, { setting: "randomly-sampled", p0, n: 3, generations: 30, realSample: real });
    expect(Array.from(rs.models[0])).toEqual(real);
    // Every token ever seen comes from the corpus, which holds tokens 0 and 1 only.
    for (const c of rs.models) expect(c[2] + c[3] + c[4] + c[5]).toBe(0);
  });

  it("most-recent with K = 1 is fully-synthetic, sample for sample", () => {
    const a = simulateRun(createRng(11), { setting: "most-recent", K: 1, p0, n: 7, generations: 40 });
    const b = simulateRun(createRng(11), { setting: "fully-synthetic", p0, n: 7, generations: 40 });
    expect(a).toEqual(b);
  });

  it("never puts mass on a token outside supp(p0)", () => {
    for (const setting of SETTINGS) {
      const { models } = trajectory(2, { setting, p0, n: 10, N: 20, K: 2, generations: 20 });
      for (const c of models) expect(c[4] + c[5]).toBe(0);
    }
  });

  it("a Dirac p0 collapses at T = 1", () => {
    expect(simulateRun(createRng(1), { setting: "fully-synthetic", p0: [0, 1, 0], n: 3, generations: 5 }).T).toBe(1);
  });
});
