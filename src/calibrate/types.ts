/** Plain-data types of `calibrate`: what one calibration task returns and what the report renders. */
import type { Implementation } from "../check/implementation.ts";
import type { Relation, VerdictRecord, Verdict } from "../check/types.ts";

/** One compared row of a record (a generation, a token, a measure at m): its prediction and estimate. */
export interface ReferenceRow {
  predicted: number;
  estimate: number;
  /** The row's label (details.rows), when the record has one. */
  label?: string;
}

/**
 * A graded family of perturbations of one check (statement x point), built through the
 * Implementation hooks as the planted bugs are: size 0 is the reference implementation itself.
 */
export interface PowerFamily {
  /** Panel and table name, e.g. "thm1-sm". */
  id: string;
  statement: string;
  /** Index into the statement's (default) points. */
  point: number;
  /** What is perturbed, in words, with the size t. */
  perturbation: string;
  /** Grid of sizes t, increasing, first 0. */
  sizes: readonly number[];
  impl(t: number): Implementation;
  /**
   * The discrepancy size t makes, in the units of the stated epsilon, given the rows of the
   * reference runs pooled over seeds (for bounds: the violation, negative while the bound has slack).
   */
  discrepancy(t: number, rows: readonly ReferenceRow[]): number;
  /** The units of the discrepancy and epsilon, in words. */
  units: string;
  /** The epsilon a record states, in the discrepancy's units (default record.epsilon). */
  epsilonOf?(record: VerdictRecord): number;
}

/** One unit of work: a check at an inflated delta (false alarms) or a perturbed check at the default delta (power). */
export type CalibrationTask =
  | { kind: "false-alarm"; statement: string; point: number; delta: number; replicate: number }
  | { kind: "power"; family: string; size: number; replicate: number };

/** What one task returns (small, for worker messages). */
export interface TaskOutcome {
  verdict: Verdict;
  relation: Relation;
  /** The stated epsilon of the record, in its family's units (power tasks). */
  epsilon: number;
  /** The record's rows (power tasks at size 0 only). */
  rows?: ReferenceRow[];
}

/** A proportion with its Clopper-Pearson interval. */
export interface Proportion {
  count: number;
  trials: number;
  rate: number;
  lo: number;
  hi: number;
}

export interface FalseAlarmResult {
  statement: string;
  point: number;
  parameters: Record<string, unknown>;
  relation: string;
  delta: number;
  /** "refuted" verdicts (false alarms) with the 95% Clopper-Pearson interval. */
  refuted: Proportion;
  inconclusive: number;
  vacuous: number;
  /** refuted.rate / delta: near 1 uses the budget; near 0 wastes samples. */
  ratio: number;
  /** One-sided Clopper-Pearson test at `testLevel`: passes unless the lower bound of the rate exceeds delta. */
  lowerBound: number;
  passes: boolean;
}

export interface PowerPoint {
  size: number;
  discrepancy: number;
  detected: Proportion;
}

export interface PowerResult {
  family: string;
  statement: string;
  point: number;
  parameters: Record<string, unknown>;
  perturbation: string;
  units: string;
  delta: number;
  curve: PowerPoint[];
  /** Discrepancy where the detection rate reaches 50% and 95% (interpolated on the grid), null beyond it. */
  at50: number | null;
  at95: number | null;
  /** The epsilon the check states at the default budget (median over the size-0 runs). */
  statedEpsilon: number;
  /** at95 / statedEpsilon. */
  ratio: number | null;
}

export interface CalibrationReport {
  tool: string;
  version: string;
  seed: number;
  quick: boolean;
  /** Seeds per (check, delta) for false alarms and per (family, size) for power. */
  seeds: { falseAlarm: number; power: number };
  /** The default run's per-check delta (1e-6 / checks of the default plan). */
  defaultDelta: number;
  inflatedDeltas: number[];
  testLevel: number;
  /** Statements whose false alarms run on fewer seeds (costly checks), with their count. */
  reducedSeeds: Array<{ statement: string; seeds: number }>;
  falseAlarms: FalseAlarmResult[];
  power: PowerResult[];
  /** Calibrated statements without a power family, and why. */
  noPowerFamily: Array<{ statement: string; reason: string }>;
  /** Monte Carlo statements of the registry not calibrated (with why, when known). */
  notCalibrated: string[];
  /** Deterministic statements (delta 0), skipped. */
  deterministic: string[];
}
