/** Many runs of one recursive-training setting, reduced to what Figures 3, 4 and 6 plot. */
import { simulateRuns, type SimulationConfig } from "../loops/index.ts";
import { checkIntegerAtLeast } from "../validate.ts";
import { meanByIndex } from "./meanByIndex.ts";

/** Per-generation curves of a set of runs: the first `drawn` runs in full, means over all. */
export interface RunStudy {
  runs: number;
  /** sigma_m = ||p^(m)||_2^2 for m = 0..M, of the runs drawn. */
  sigmaRuns: number[][];
  /** ||p^(m) - p^(1)||_1 for m = 1..M, of the runs drawn. */
  l1Runs: number[][];
  /** Mean sigma_m over all runs, m = 0..M. */
  meanSigma: number[];
  /** Mean ||p^(m) - p^(1)||_1 over all runs, m = 1..M. */
  meanL1: number[];
  /** T per run: first m >= 1 with ||p^(m)||_inf = 1 (Sect. 3), null if none by M. */
  T: (number | null)[];
  /**
   * Per run, the first m at which p^(m-K+1), ..., p^(m) are all Dirac masses (m >= K), null if
   * none by M: with a fixed window of K models every later model is then that Dirac mass (the
   * models are consecutive in the window, so they sit on the same token). Only with `window` K.
   */
  absorbed: (number | null)[] | null;
}

/**
 * First m >= K with supNorm[m - K + 1..m] all equal to 1, null if none.
 * @example absorptionTime([0.5, 1, 0.9, 1, 1], 2); // => 4
 */
export function absorptionTime(supNorm: ArrayLike<number>, K: number): number | null {
  let streak = 0;
  for (let m = 1; m < supNorm.length; m++) {
    streak = supNorm[m] === 1 ? streak + 1 : 0;
    if (streak >= K) return m;
  }
  return null;
}

/**
 * `runs` runs of `config` by simulateRuns (run r on stream r of `seed`), keeping the first
 * `drawn` runs' curves and the means over all of them; with `window` K, the absorption times.
 * @example runStudy(1, { setting: "fully-synthetic", p0: [0.5, 0.5], n: 10, generations: 20 }, 5, 2).sigmaRuns.length; // => 2
 */
export function runStudy(seed: number, config: SimulationConfig, runs: number, drawn: number, window?: number): RunStudy {
  checkIntegerAtLeast(runs, "runs", 1);
  checkIntegerAtLeast(drawn, "drawn", 0);
  const records = simulateRuns(seed, { ...config, stopAtCollapse: false }, runs);
  const l1 = records.map((r) => r.l1ToP1.slice(1));
  return {
    runs,
    sigmaRuns: records.slice(0, drawn).map((r) => r.sigma),
    l1Runs: l1.slice(0, drawn),
    meanSigma: meanByIndex(records.map((r) => r.sigma)),
    meanL1: meanByIndex(l1),
    T: records.map((r) => r.T),
    absorbed: window === undefined ? null : records.map((r) => absorptionTime(r.supNorm, window)),
  };
}
