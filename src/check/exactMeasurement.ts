/**
 * Measurement of a closed form against an exactly computed value (the Markov chain solved in
 * float64, or a high-precision oracle): no sampling error, only a floating-point tolerance.
 * Over several points the one with the largest relative discrepancy (or the smallest slack for a
 * bound) is reported.
 */
import { isVacuous } from "./decide.ts";
import { formatEvidenceNumber } from "./evidence.ts";
import type { Measurement, Relation } from "./types.ts";

/** Relative tolerance of exact comparisons (the LU solves are accurate to ~1e-12 here). */
export const EXACT_TOLERANCE = 1e-9;

export interface ExactPair {
  label: string;
  predicted: number;
  exact: number;
}

/** `range`: the a priori range of the compared quantity (for bounds; see Measurement.range). */
export function exactMeasurement(
  relation: Relation,
  pairs: readonly ExactPair[],
  tolerance = EXACT_TOLERANCE,
  range?: [number, number],
): Measurement {
  if (pairs.length === 0) throw new RangeError("pairs must not be empty");
  const slack = (p: ExactPair): number => {
    const scale = Math.max(1, Math.abs(p.predicted));
    if (relation === "equals") return -Math.abs(p.exact - p.predicted) / scale;
    return (relation === "atMost" ? p.predicted - p.exact : p.exact - p.predicted) / scale;
  };
  // With a range, vacuous pairs (bound at or beyond it) are reported only when every pair is.
  const informative = range ? pairs.filter((p) => !isVacuous(relation, p.predicted, range)) : pairs;
  const candidates = informative.length > 0 ? informative : pairs;
  let worst = candidates[0];
  for (const p of candidates) if (slack(p) < slack(worst)) worst = p;
  const tol = tolerance * Math.max(1, Math.abs(worst.exact));
  // The band is placed so that decideVerdict applies the tolerance in the statement's favour.
  const interval: [number, number] =
    relation === "equals"
      ? [worst.exact - tol, worst.exact + tol]
      : relation === "atMost"
        ? [worst.exact - tol, worst.exact - tol]
        : [worst.exact + tol, worst.exact + tol];
  const diff = worst.exact - worst.predicted;
  return {
    relation,
    predicted: worst.predicted,
    estimate: worst.exact,
    interval,
    replicates: 0,
    epsilon: tol,
    evidence:
      `${relation === "equals" ? "largest discrepancy" : "least slack"} at ${worst.label}: exact ${formatEvidenceNumber(worst.exact)} vs ` +
      `predicted ${formatEvidenceNumber(worst.predicted)} (difference ${formatEvidenceNumber(diff)}; ${pairs.length} values compared, exact chain)`,
    details: { pairs: pairs.map((p) => ({ ...p })) },
    ...(range ? { range } : {}),
  };
}
