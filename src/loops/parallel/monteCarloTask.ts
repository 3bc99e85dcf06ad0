/**
 * One chunk of a Monte Carlo study, as plain data a worker thread receives, and the function
 * that runs it. Run r always uses stream r of the seed (`eachRngStream`, one generator at a time), so a chunk's result does
 * not depend on the thread that runs it or on how the runs were chunked.
 */
import { eachRngStream } from "../../rng/index.ts";
import { collapseTimeSampler } from "../collapseTime.ts";
import type { RunRecord } from "../runRecord.ts";
import { simulateRuns } from "../simulateRuns.ts";
import type { SimulationConfig } from "../simulationConfig.ts";

/** Runs first .. first + count - 1 of `collapseTimes(seed, p0, n, runs, maxGenerations)`. */
export interface CollapseTimesTask {
  kind: "collapseTimes";
  seed: number;
  p0: ArrayLike<number>;
  n: number;
  maxGenerations: number;
  first: number;
  count: number;
}

/** Runs first .. first + count - 1 of `simulateRuns(seed, config, runs)`. */
export interface SimulateRunsTask {
  kind: "simulateRuns";
  seed: number;
  config: SimulationConfig;
  first: number;
  count: number;
}

export type MonteCarloTask = CollapseTimesTask | SimulateRunsTask;

/**
 * Runs one chunk: the collapse times, or the run records, of runs first .. first + count - 1.
 * @example runMonteCarloTask({ kind: "collapseTimes", seed: 1, p0: [0.5, 0.5], n: 10, maxGenerations: 1e4, first: 2, count: 1 }); // => [collapseTimes(1, [0.5, 0.5], 10, 3, 1e4)[2]]
 */
export function runMonteCarloTask(task: CollapseTimesTask): (number | null)[];
export function runMonteCarloTask(task: SimulateRunsTask): RunRecord[];
export function runMonteCarloTask(task: MonteCarloTask): (number | null)[] | RunRecord[];
export function runMonteCarloTask(task: MonteCarloTask): (number | null)[] | RunRecord[] {
  if (task.kind === "collapseTimes") {
    const draw = collapseTimeSampler(task.p0, task.n, task.maxGenerations);
    const times: (number | null)[] = [];
    for (const rng of eachRngStream(task.seed, task.count, task.first)) times.push(draw(rng));
    return times;
  }
  return simulateRuns(task.seed, task.config, task.count, undefined, task.first);
}
