import { eachRngStream } from "../rng/index.ts";
import type { RunRecord } from "./runRecord.ts";
import { simulateRunChecked, Workspace } from "./simulateRun.ts";
import { checkSimulationConfig, type SimulationConfig } from "./simulationConfig.ts";

/**
 * `runs` independent runs of `simulateRun`, run r on stream r of `seed` (`eachRngStream`), so run r
 * is the same however many runs are asked for or however they are split over workers. The streams
 * are made one at a time, as the runs need them: memory grows with the records kept, not with the
 * generators (a billion runs do not make a billion generators before the first run).
 * onProgress(done, runs) is called after each run.
 * @example simulateRuns(1, { setting: "fully-synthetic", p0: [0.5, 0.5], n: 10, generations: 50 }, 3).length; // => 3
 */
export function simulateRuns(
  seed: number,
  config: SimulationConfig,
  runs: number,
  onProgress?: (done: number, runs: number) => void,
  firstRun = 0,
): RunRecord[] {
  const checked = checkSimulationConfig(config);
  const streams = eachRngStream(seed, runs, firstRun);
  const out: RunRecord[] = [];
  const ws = new Workspace(checked.p0.length);
  for (const rng of streams) {
    out.push(simulateRunChecked(rng, checked, undefined, ws));
    onProgress?.(out.length, runs);
  }
  return out;
}
