/**
 * Parallel Monte Carlo: the Figure 2 and Figure 3 workloads on one thread and over a pool of
 * worker threads (src/loops/parallel), with the outputs compared byte for byte.
 */
import { collapseTimes, simulateRuns } from "../../src/loops/index.ts";
import { createMonteCarloPool, type MonteCarloPool } from "../../src/loops/parallel/index.ts";
import { deriveSeed } from "../../src/rng/index.ts";
import { runCase, type BenchContext } from "../runCase.ts";
import { targetAtLeast } from "../targets.ts";
import { timeOnce, timeOnceAsync } from "../timing.ts";
import type { CaseResult, WorkloadResult } from "../types.ts";
import { fig2Plan } from "./fig2Workload.ts";
import { fig3Plan } from "./fig3Workload.ts";

const ONE = "1 thread (collapseTimes)";

function medianOf(c: CaseResult, name: string): number {
  return c.sides.find((s) => s.name === name)?.median ?? Number.NaN;
}

/**
 * The Figure 2 and 3 workloads on one thread, a 1-worker pool and a `workers`-worker pool; target >= 1.7x with identical output.
 * @example (await parallelWorkload(ctx)).targets[0].met; // => true on an idle 2-core machine
 */
export async function parallelWorkload(ctx: BenchContext): Promise<WorkloadResult> {
  const workers = ctx.workers;
  const fig2 = fig2Plan(ctx);
  const fig3 = fig3Plan(ctx);
  const seed2 = (n: number) => deriveSeed(ctx.seed, `bench-fig2/n=${n}`);
  const seed3 = deriveSeed(ctx.seed, "bench-fig3");
  const outputs = new Map<string, string>();
  const keep = (key: string, value: unknown) => {
    const json = JSON.stringify(value);
    const seen = outputs.get(key);
    if (seen === undefined) outputs.set(key, json);
    else if (seen !== json) outputs.set(key, "MISMATCH");
  };

  const started = timeOnce(() => ({ one: createMonteCarloPool({ workers: 1 }), many: createMonteCarloPool({ workers }) }));
  const pools: { one: MonteCarloPool; many: MonteCarloPool } = started.value;
  try {
    const warm = await timeOnceAsync(() => Promise.all([pools.one.warmUp(), pools.many.warmUp()]));
    const startup = started.seconds + warm.seconds;
    const fig2Pool = (pool: MonteCarloPool) => async () => {
      const { seconds, value } = await timeOnceAsync(() => Promise.all(fig2.ns.map((n) => pool.collapseTimes(seed2(n), fig2.p, n, fig2.runs, fig2.cap(n)))));
      keep("fig2", value);
      return { seconds };
    };
    const c2 = await runCase(ctx, {
      id: "fig2-parallel",
      label: `Figure 2 workload (${fig2.ns.length} n, ${fig2.runs} runs each) over worker threads`,
      unit: "workload",
      parameters: { workers, ns: fig2.ns.join(","), runs: fig2.runs },
      harness: [
        {
          name: ONE,
          warmUp: () => fig2.ns.map((n) => collapseTimes(seed2(n), fig2.p, n, fig2.runs, fig2.cap(n))),
          run: () => {
            const { seconds, value } = timeOnce(() => fig2.ns.map((n) => collapseTimes(seed2(n), fig2.p, n, fig2.runs, fig2.cap(n))));
            keep("fig2", value);
            return { seconds };
          },
        },
        { name: "pool, 1 worker", warmUp: fig2Pool(pools.one), run: fig2Pool(pools.one) },
        { name: `pool, ${workers} workers`, warmUp: fig2Pool(pools.many), run: fig2Pool(pools.many) },
      ],
      peers: [],
    });
    const fig3Pool = (pool: MonteCarloPool) => async () => {
      const { seconds, value } = await timeOnceAsync(() => pool.simulateRuns(seed3, fig3.config, fig3.runs));
      keep("fig3", value);
      return { seconds };
    };
    const c3 = await runCase(ctx, {
      id: "fig3-parallel",
      label: `Figure 3 workload (${fig3.runs} runs) over worker threads`,
      unit: "workload",
      parameters: { workers, runs: fig3.runs, generations: fig3.config.generations },
      harness: [
        {
          name: "1 thread (simulateRuns)",
          warmUp: () => simulateRuns(seed3, fig3.config, fig3.runs),
          run: () => {
            const { seconds, value } = timeOnce(() => simulateRuns(seed3, fig3.config, fig3.runs));
            keep("fig3", value);
            return { seconds };
          },
        },
        { name: "pool, 1 worker", warmUp: fig3Pool(pools.one), run: fig3Pool(pools.one) },
        { name: `pool, ${workers} workers`, warmUp: fig3Pool(pools.many), run: fig3Pool(pools.many) },
      ],
      peers: [],
    });
    const identical = [...outputs.values()].every((v) => v !== "MISMATCH");
    const speedup2 = medianOf(c2, ONE) / medianOf(c2, `pool, ${workers} workers`);
    const speedup3 = medianOf(c3, "1 thread (simulateRuns)") / medianOf(c3, `pool, ${workers} workers`);
    for (const [c, s] of [[c2, speedup2], [c3, speedup3]] as const) {
      c.notes = [
        `Speed-up of ${workers} workers over one thread: ${s.toPrecision(3)}x; over a 1-worker pool: ${(medianOf(c, "pool, 1 worker") / medianOf(c, `pool, ${workers} workers`)).toPrecision(3)}x.`,
        `Output identical (JSON, byte for byte) for 1 thread, 1 worker and ${workers} workers in every repetition: ${identical ? "yes" : "NO"}.`,
      ];
    }
    const target = targetAtLeast(`${workers} workers vs 1 thread (Figure 2 workload)`, "one-thread time / pool time >= 1.7, identical output", identical ? speedup2 : 0, 1.7);
    target.verdict += `; Figure 3 workload: ${speedup3.toPrecision(3)}x; identical output: ${identical ? "yes" : "NO"}`;
    return {
      id: "parallel",
      title: `Parallel Monte Carlo (${workers} workers)`,
      description: [
        "`createMonteCarloPool({ workers })` (src/loops/parallel, piscina): the runs of a call are cut into contiguous chunks (4 per worker), run r on stream r of the seed, results put back in run order.",
        "The pools are started before timing (the worker threads load the TypeScript sources under tsx: start-up " + startup.toFixed(2) + " s for both pools), and every side runs the workload once untimed (JIT warm-up in each thread).",
        "Figure 2: the n of the grid are submitted together, so the threads stay busy across n. Times are wall-clock for the whole workload.",
      ],
      cases: [c2, c3],
      targets: [target],
    };
  } finally {
    await Promise.all([pools.one.destroy(), pools.many.destroy()]);
  }
}
