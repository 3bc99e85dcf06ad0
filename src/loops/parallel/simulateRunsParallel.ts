import type { RunRecord } from "../runRecord.ts";
import { simulateRuns } from "../simulateRuns.ts";
import { checkSimulationConfig, type SimulationConfig } from "../simulationConfig.ts";
import { checkIntegerAtLeast } from "../../validate.ts";
import { checkRunsArguments, createMonteCarloPool, defaultMonteCarloWorkers, type RunProgress } from "./monteCarloPool.ts";

/**
 * `simulateRuns(seed, config, runs)` spread over `workers` threads (a pool made and ended by this
 * call; with 1 worker it runs on the calling thread): run r on stream r of seed, so the records
 * are byte-identical for any number of workers. Eq (5).
 * @example (await simulateRunsParallel(1, { setting: "partially-synthetic", p0: [0.5, 0.5], n: 10, N: 100, generations: 50 }, 100, { workers: 2 })).length; // => 100
 */
export async function simulateRunsParallel(
  seed: number,
  config: SimulationConfig,
  runs: number,
  options: { workers?: number; onProgress?: RunProgress } = {},
): Promise<RunRecord[]> {
  const workers = checkIntegerAtLeast(options.workers ?? defaultMonteCarloWorkers(), "workers", 1);
  checkRunsArguments(seed, runs);
  checkSimulationConfig(config);
  if (workers === 1) return simulateRuns(seed, config, runs, options.onProgress);
  const pool = createMonteCarloPool({ workers });
  try {
    return await pool.simulateRuns(seed, config, runs, options.onProgress);
  } finally {
    await pool.destroy();
  }
}
