import { collapseTimes } from "../collapseTime.ts";
import { checkCollapseTimesArguments, createMonteCarloPool, defaultMonteCarloWorkers, type RunProgress } from "./monteCarloPool.ts";
import { checkIntegerAtLeast } from "../../validate.ts";

/**
 * `collapseTimes(seed, p0, n, runs, maxGenerations)` spread over `workers` threads (a pool made
 * and ended by this call; with 1 worker it runs on the calling thread): run r on stream r, so the
 * result is identical for any number of workers. Figure 2, Theorem 1.
 * @example await collapseTimesParallel(1, [0.5, 0.5], 10, 4, 1e5, { workers: 2 }); // => collapseTimes(1, [0.5, 0.5], 10, 4, 1e5)
 */
export async function collapseTimesParallel(
  seed: number,
  p0: ArrayLike<number>,
  n: number,
  runs: number,
  maxGenerations: number,
  options: { workers?: number; onProgress?: RunProgress } = {},
): Promise<(number | null)[]> {
  const workers = checkIntegerAtLeast(options.workers ?? defaultMonteCarloWorkers(), "workers", 1);
  const p = checkCollapseTimesArguments(seed, p0, n, runs, maxGenerations);
  if (workers === 1) {
    const out = collapseTimes(seed, p, n, runs, maxGenerations);
    options.onProgress?.(runs, runs);
    return out;
  }
  const pool = createMonteCarloPool({ workers });
  try {
    return await pool.collapseTimes(seed, p, n, runs, maxGenerations, options.onProgress);
  } finally {
    await pool.destroy();
  }
}
