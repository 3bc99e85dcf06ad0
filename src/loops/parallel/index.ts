/** Monte Carlo studies over worker threads, identical to the single-thread results. */
export { chunkRuns, type RunChunk } from "./chunkRuns.ts";
export { runMonteCarloTask, type MonteCarloTask, type CollapseTimesTask, type SimulateRunsTask } from "./monteCarloTask.ts";
export { createMonteCarloPool, defaultMonteCarloWorkers, type MonteCarloPool, type MonteCarloPoolOptions, type RunProgress } from "./monteCarloPool.ts";
export { collapseTimesParallel } from "./collapseTimesParallel.ts";
export { simulateRunsParallel } from "./simulateRunsParallel.ts";
