/**
 * A statement of the paper as one plain object: a stable id (it names the theory file, the check,
 * the report row and the plot), where it is in the paper, what the harness expects of it, its
 * example points (the paper's own figure settings first) and a `measure` that computes the
 * prediction and the estimate at one point within an error budget.
 */
import type { Measurement, Method, Parameters, StatementKind } from "./types.ts";

/** The error budget and seed one check runs with. */
export interface CheckContext {
  /** Seed of this check's streams (already derived from the run seed and the check's id). */
  seed: number;
  /** False-alarm rate of this check (its share of the suite's budget). */
  delta: number;
  /** Target smallest detectable discrepancy; Monte Carlo sample sizes derive from (delta, epsilon). */
  epsilon?: number;
  /** Larger budgets and more points. */
  extended: boolean;
  /**
   * Anytime-valid sequential sampling (betting confidence sequences, src/check/sequentialMeans.ts)
   * where a check supports it: stop as soon as the verdict is decided at delta. Default off.
   */
  sequential?: boolean;
}

export interface Statement {
  id: string;
  /** Checks with the same label draw the same streams (e.g. a lower and an upper bound on one sample); default: id. */
  seedLabel?: string;
  title: string;
  where: string;
  kind: StatementKind;
  expected: "holds" | "refuted";
  method: Method;
  /** One line: what is computed on each side. */
  description: string;
  points: Parameters[];
  /**
   * Simulation paths this statement holds to an exact value (the exact chain, an exact recursion or
   * an exact pmf), not only to a bound: e.g. "setting:most-recent/measure:entropy",
   * "collapse-time:fixing-token", "sampler:binomial-btrd". See src/check/simulationPaths.ts.
   */
  covers?: string[];
  extendedPoints?: Parameters[];
  measure(point: Parameters, ctx: CheckContext): Measurement;
}
