/**
 * Drives many independent runs of an implementation's simulator: run r uses stream r of the seed,
 * so any subset of runs (a pilot, the main sample, a worker's share) is reproducible on its own.
 */
import type { RunRecord, SimulationConfig } from "../loops/index.ts";
import { eachRngStream } from "../rng/index.ts";
import type { Implementation } from "./implementation.ts";

/** Calls `visit` with runs first .. first + count - 1 of `config` under `impl`. */
export function forEachRun(
  impl: Implementation,
  seed: number,
  config: SimulationConfig,
  count: number,
  first: number,
  visit: (record: RunRecord, r: number) => void,
): void {
  let r = first;
  for (const rng of eachRngStream(seed, count, first)) visit(impl.simulateRun(rng, config), r++);
}

/** Per run, the values of `pick` at each requested generation: result[j][r] for ms[j]. */
export function collectAt(
  impl: Implementation,
  seed: number,
  config: SimulationConfig,
  count: number,
  first: number,
  ms: readonly number[],
  pick: (record: RunRecord, m: number) => number,
): Float64Array[] {
  const out = ms.map(() => new Float64Array(count));
  forEachRun(impl, seed, config, count, first, (rec, r) => {
    for (let j = 0; j < ms.length; j++) out[j][r - first] = pick(rec, ms[j]);
  });
  return out;
}
