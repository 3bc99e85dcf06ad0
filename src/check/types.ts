/** Plain-data types of the verdict layer: what a check returns and what reports render. */

export type Relation = "equals" | "atMost" | "atLeast";
/**
 * "vacuous": the bound is at or beyond the largest (smallest) value the measured quantity can take
 * at this point, so no implementation could have made it fail; it is evidence of nothing.
 */
export type Verdict = "holds" | "refuted" | "inconclusive" | "vacuous";
export type Method = "exact" | "monte-carlo" | "oracle" | "property";
/** The verdict a check is expected to give. */
export type Expected = "holds" | "refuted" | "vacuous";
export type StatementKind = "statement" | "erratum" | "planted-bug" | "extension";

/** Parameters of one check point; JSON-serialisable. */
export type Parameters = Record<string, number | string | number[]>;

/**
 * What one check measured: the statement's prediction, the estimate, and an interval that holds
 * with probability at least 1 - delta (for exact checks, a floating-point tolerance band).
 */
export interface Measurement {
  relation: Relation;
  predicted: number;
  estimate: number;
  interval: [number, number];
  replicates: number;
  /** Smallest discrepancy |estimate - predicted| the check detects with probability >= 1 - delta. */
  epsilon: number;
  /** One line saying where and how far off (or how close) the estimate is. */
  evidence: string;
  /** Extra numbers for plots and the JSON report (per-m values, etc.). */
  details?: Record<string, unknown>;
  /**
   * A priori range [lo, hi] of the measured quantity at this point, whatever the implementation does
   * (a probability: [0, 1]; an L1 distance: [0, 2]; Partially Synthetic drift ||p^(m) - p^(1)||_1: [0, 2 alpha]).
   * An upper bound >= hi (a lower bound <= lo) is vacuous. Required for bounds (relation atMost/atLeast).
   */
  range?: [number, number];
}

/** The full record of one check, as written to verdicts.json. */
export interface VerdictRecord {
  id: string;
  title: string;
  where: string;
  kind: StatementKind;
  /** "vacuous" for the paper's own points where the bound is known to be at or beyond the trivial one. */
  expected: Expected;
  method: Method;
  relation: Relation;
  parameters: Parameters;
  predicted: number;
  estimate: number;
  interval: [number, number];
  replicates: number;
  delta: number;
  epsilon: number;
  tightness: number | null;
  /** A priori range of the measured quantity (bounds), as the measurement declared it. */
  range?: [number, number];
  /** The trivial bound (the end of `range` on the bound's side), null for equalities or without a range. */
  trivialBound?: number | null;
  verdict: Verdict;
  evidence: string;
  seed: number;
  hash: string;
  details?: Record<string, unknown>;
}
