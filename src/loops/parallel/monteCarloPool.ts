/**
 * A pool of worker threads (piscina) for Monte Carlo studies: the runs of one call are cut into
 * contiguous chunks, each chunk runs on a free thread with run r on stream r of the seed, and the
 * results are put back in run order. The output is byte-identical to `collapseTimes` /
 * `simulateRuns` for any number of workers and any chunking.
 */
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { checkSeed } from "../../rng/index.ts";
import { BINOMIAL_MAX_N } from "../../sample/binomial.ts";
import { checkDistribution, checkIntegerAtLeast } from "../../validate.ts";
import type { RunRecord } from "../runRecord.ts";
import { checkSimulationConfig, type SimulationConfig } from "../simulationConfig.ts";
import { chunkRuns } from "./chunkRuns.ts";
import type { CollapseTimesTask, MonteCarloTask, SimulateRunsTask } from "./monteCarloTask.ts";

/** Options of a pool. */
export interface MonteCarloPoolOptions {
  /** Worker threads (default: the machine's cores, at most 4). */
  workers?: number;
  /** Chunks per worker and call (default 4): more balances uneven runs, fewer saves messages. */
  chunksPerWorker?: number;
}

/** Called after each chunk with the runs done so far and the total. */
export type RunProgress = (done: number, runs: number) => void;

/** A running pool; `destroy()` ends its threads. */
export interface MonteCarloPool {
  readonly workers: number;
  /** `collapseTimes(seed, p0, n, runs, maxGenerations)` over the pool's threads. */
  collapseTimes(seed: number, p0: ArrayLike<number>, n: number, runs: number, maxGenerations: number, onProgress?: RunProgress): Promise<(number | null)[]>;
  /** `simulateRuns(seed, config, runs)` over the pool's threads. */
  simulateRuns(seed: number, config: SimulationConfig, runs: number, onProgress?: RunProgress): Promise<RunRecord[]>;
  /** Runs a trivial task on every thread, so that their start-up (loading the sources) is over. */
  warmUp(): Promise<void>;
  destroy(): Promise<void>;
}

/** Default worker count: the machine's cores, at most 4. */
export function defaultMonteCarloWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** The worker file and the loader it needs: the .ts source runs under tsx, a build under plain node. */
function workerSetup(): { filename: string; execArgv: string[] } {
  const ts = import.meta.url.endsWith(".ts");
  return {
    filename: new URL(ts ? "./monteCarloWorker.ts" : "./monteCarloWorker.js", import.meta.url).href,
    execArgv: ts ? ["--import", import.meta.resolve("tsx")] : [],
  };
}

/** Checks the arguments shared by both study kinds. */
export function checkRunsArguments(seed: number, runs: number): void {
  checkSeed(seed);
  checkIntegerAtLeast(runs, "runs", 0);
}

/** Checks collapseTimes' arguments on the calling thread, so that errors name the parameter there. */
export function checkCollapseTimesArguments(seed: number, p0: ArrayLike<number>, n: number, runs: number, maxGenerations: number): Float64Array {
  checkRunsArguments(seed, runs);
  const p = checkDistribution(p0, "p0");
  checkIntegerAtLeast(n, "n", 1);
  if (n > BINOMIAL_MAX_N) throw new RangeError(`n must be <= ${BINOMIAL_MAX_N}, got ${n}`);
  checkIntegerAtLeast(maxGenerations, "maxGenerations", 1);
  return p;
}

/**
 * Starts a pool of `workers` threads.
 * @example const pool = createMonteCarloPool({ workers: 2 }); await pool.collapseTimes(1, [0.5, 0.5], 10, 100, 1e4); await pool.destroy();
 */
export function createMonteCarloPool(options: MonteCarloPoolOptions = {}): MonteCarloPool {
  const workers = options.workers ?? defaultMonteCarloWorkers();
  checkIntegerAtLeast(workers, "workers", 1);
  const chunksPerWorker = checkIntegerAtLeast(options.chunksPerWorker ?? 4, "chunksPerWorker", 1);
  const { filename, execArgv } = workerSetup();
  // Up to 4 chunks queued per worker: the next chunk's message is already there when one ends
  // (a round trip costs ~0.2 ms here; about 8% of the Figure 2 workload on 2 workers).
  const piscina = new Piscina({ filename, execArgv, minThreads: workers, maxThreads: workers, idleTimeout: 60_000, concurrentTasksPerWorker: 4 });

  async function spread<T>(runs: number, make: (first: number, count: number) => MonteCarloTask, onProgress?: RunProgress): Promise<T[]> {
    let done = 0;
    const parts = await Promise.all(
      chunkRuns(runs, workers * chunksPerWorker).map(({ first, count }) =>
        (piscina.run(make(first, count)) as Promise<T[]>).then((part) => {
          done += count;
          onProgress?.(done, runs);
          return part;
        }),
      ),
    );
    return parts.flat() as T[];
  }

  return {
    workers,
    async collapseTimes(seed, p0, n, runs, maxGenerations, onProgress) {
      const p = checkCollapseTimesArguments(seed, p0, n, runs, maxGenerations);
      return spread<number | null>(
        runs,
        (first, count): CollapseTimesTask => ({ kind: "collapseTimes", seed, p0: p, n, maxGenerations, first, count }),
        onProgress,
      );
    },
    async simulateRuns(seed, config, runs, onProgress) {
      checkRunsArguments(seed, runs);
      checkSimulationConfig(config);
      return spread<RunRecord>(runs, (first, count): SimulateRunsTask => ({ kind: "simulateRuns", seed, config, first, count }), onProgress);
    },
    async warmUp() {
      const tiny: CollapseTimesTask = { kind: "collapseTimes", seed: 1, p0: [0.5, 0.5], n: 2, maxGenerations: 1, first: 0, count: 1 };
      await Promise.all(Array.from({ length: workers }, () => piscina.run(tiny)));
    },
    destroy() {
      return piscina.destroy();
    },
  };
}
