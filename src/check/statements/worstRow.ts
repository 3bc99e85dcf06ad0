/**
 * One Measurement from several compared values (generations, tokens, contexts): each row has its
 * own interval (already at its share of the check's delta); the reported row is a refuted one if
 * any, else an inconclusive one, else the one with the least slack (bounds) or the largest
 * discrepancy in half-widths (equalities), and a vacuous one (bound beyond `range`) only when all
 * rows are. All rows go to `details.rows`; the stated epsilon is the reported row's width.
 */
import { decideVerdict } from "../decide.ts";
import { formatEvidenceNumber } from "../evidence.ts";
import type { Measurement, Relation } from "../types.ts";

export interface Row {
  label: string;
  predicted: number;
  estimate: number;
  lo: number;
  hi: number;
}

/** How far a row is from failing, in units where smaller is worse. */
function score(relation: Relation, r: Row): number {
  const half = Math.max((r.hi - r.lo) / 2, Number.MIN_VALUE);
  if (relation === "equals") return -Math.abs(r.estimate - r.predicted) / half;
  return relation === "atMost" ? r.predicted - r.hi : r.lo - r.predicted;
}

/**
 * The row to report and the Measurement built from it; `what` names the interval in the
 * evidence line (e.g. "Clopper-Pearson, 20000 runs").
 * @example worstRowMeasurement("atMost", [{ label: "m = 1", predicted: 1, estimate: 0.5, lo: 0.4, hi: 0.6 }], 100, "CP").estimate; // => 0.5
 */
export function worstRowMeasurement(
  relation: Relation,
  rows: readonly Row[],
  replicates: number,
  what: string,
  details: Record<string, unknown> = {},
  range?: [number, number],
): Measurement {
  if (rows.length === 0) throw new RangeError("rows must not be empty");
  // A vacuous row is reported only when every row is: an informative row that holds says more.
  const rank = { refuted: 0, inconclusive: 1, holds: 2, vacuous: 3 } as const;
  const verdictOf = (r: Row) => decideVerdict(relation, r.predicted, [r.lo, r.hi], range);
  const w = [...rows].sort((a, b) => rank[verdictOf(a)] - rank[verdictOf(b)] || score(relation, a) - score(relation, b))[0];
  const v = verdictOf(w);
  const head = v === "holds" || v === "vacuous" ? (relation === "equals" ? "largest discrepancy" : "least slack") : v;
  return {
    relation,
    predicted: w.predicted,
    estimate: w.estimate,
    interval: [w.lo, w.hi],
    replicates,
    // The width of the reported row (the one that decides), not the widest over rows.
    epsilon: w.hi - w.lo,
    evidence:
      `${head} at ${w.label}: estimate ${formatEvidenceNumber(w.estimate)} in [${formatEvidenceNumber(w.lo)}, ${formatEvidenceNumber(w.hi)}] ` +
      `vs ${relation === "equals" ? "predicted" : relation === "atMost" ? "upper bound" : "lower bound"} ${formatEvidenceNumber(w.predicted)} (${rows.length} compared; ${what})`,
    details: { ...details, rows: rows.map((r) => ({ ...r })) },
    ...(range ? { range } : {}),
  };
}
