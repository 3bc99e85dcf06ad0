import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { targetS0 } from "../../init/index.ts";
import { collapseTimes } from "../collapseTime.ts";
import { simulateRuns } from "../simulateRuns.ts";
import type { SimulationConfig } from "../simulationConfig.ts";
import { chunkRuns } from "./chunkRuns.ts";
import { collapseTimesParallel } from "./collapseTimesParallel.ts";
import { createMonteCarloPool, type MonteCarloPool } from "./monteCarloPool.ts";
import { runMonteCarloTask } from "./monteCarloTask.ts";
import { simulateRunsParallel } from "./simulateRunsParallel.ts";

const p0 = targetS0(600, 52, 0.1);
const fig3: SimulationConfig = { setting: "partially-synthetic", p0, n: 10, N: 100, generations: 30 };

describe("chunkRuns", () => {
  it("covers 0..runs-1 in order with sizes differing by at most one", () => {
    for (const [runs, chunks] of [[10, 3], [3, 8], [100, 8], [1, 1], [7, 7]]) {
      const c = chunkRuns(runs, chunks);
      expect(c).toHaveLength(Math.min(runs, chunks));
      let next = 0;
      for (const { first, count } of c) {
        expect(first).toBe(next);
        next += count;
      }
      expect(next).toBe(runs);
      const sizes = c.map((x) => x.count);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
    expect(chunkRuns(0, 4)).toEqual([]);
    expect(() => chunkRuns(-1, 2)).toThrow(/^runs/);
    expect(() => chunkRuns(5, 0)).toThrow(/^chunks/);
  });
});

describe("runMonteCarloTask", () => {
  it("gives runs first..first+count-1 of the whole study, whatever the chunking", () => {
    const all = collapseTimes(7, p0, 20, 9, 1e5);
    const parts = chunkRuns(9, 4).flatMap(({ first, count }) =>
      runMonteCarloTask({ kind: "collapseTimes", seed: 7, p0, n: 20, maxGenerations: 1e5, first, count }),
    );
    expect(parts).toEqual(all);
    const records = simulateRuns(7, fig3, 5);
    const recParts = [runMonteCarloTask({ kind: "simulateRuns", seed: 7, config: fig3, first: 0, count: 2 }), runMonteCarloTask({ kind: "simulateRuns", seed: 7, config: fig3, first: 2, count: 3 })].flat();
    expect(JSON.stringify(recParts)).toBe(JSON.stringify(records));
  });
});

describe("Monte Carlo over worker threads", () => {
  let pool3: MonteCarloPool;
  beforeAll(() => {
    pool3 = createMonteCarloPool({ workers: 3, chunksPerWorker: 3 });
  });
  afterAll(() => pool3.destroy());

  it("collapse times: byte-identical JSON for 1, 2 and 3 workers, and equal to collapseTimes", async () => {
    const one = JSON.stringify(await collapseTimesParallel(11, p0, 50, 40, 1e5, { workers: 1 }));
    const two = JSON.stringify(await collapseTimesParallel(11, p0, 50, 40, 1e5, { workers: 2 }));
    const three = JSON.stringify(await pool3.collapseTimes(11, p0, 50, 40, 1e5));
    expect(two).toBe(one);
    expect(three).toBe(one);
    expect(one).toBe(JSON.stringify(collapseTimes(11, p0, 50, 40, 1e5)));
    // A different seed gives different times (the workers do not ignore the seed).
    expect(JSON.stringify(await pool3.collapseTimes(12, p0, 50, 40, 1e5))).not.toBe(one);
  });

  it("run records: byte-identical JSON for 1, 2 and 3 workers, and equal to simulateRuns", async () => {
    const seen: number[] = [];
    const one = JSON.stringify(await simulateRunsParallel(5, fig3, 24, { workers: 1 }));
    const two = JSON.stringify(await simulateRunsParallel(5, fig3, 24, { workers: 2, onProgress: (done) => seen.push(done) }));
    const three = JSON.stringify(await pool3.simulateRuns(5, fig3, 24));
    expect(two).toBe(one);
    expect(three).toBe(one);
    expect(one).toBe(JSON.stringify(simulateRuns(5, fig3, 24)));
    expect(seen.at(-1)).toBe(24);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it("validates on the calling thread, by parameter name", async () => {
    await expect(pool3.collapseTimes(1, [0.5, 0.6], 10, 4, 10)).rejects.toThrow(/^p0/);
    await expect(collapseTimesParallel(1, [0.5, 0.5], 0, 4, 10, { workers: 2 })).rejects.toThrow(/^n/);
    await expect(collapseTimesParallel(1, [0.5, 0.5], 10, 4, 10, { workers: 0 })).rejects.toThrow(/^workers/);
    await expect(simulateRunsParallel(1, { ...fig3, N: undefined }, 4, { workers: 2 })).rejects.toThrow(/^N/);
    await expect(pool3.simulateRuns(1.5, fig3, 4)).rejects.toThrow(/^seed/);
  });
});
