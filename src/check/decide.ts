/**
 * From an interval to a verdict. For `equals`, the statement holds when the predicted value lies in
 * the interval and is refuted when it does not. For a bound (`atMost`: quantity <= predicted,
 * `atLeast`: quantity >= predicted) it holds when the whole interval is on the right side, is refuted
 * when the whole interval is on the wrong side, and is inconclusive when the interval straddles it.
 * With an interval of coverage 1 - delta, "refuted" is a false alarm with probability <= delta.
 * @example decideVerdict("atMost", 10, [3, 4]); // => "holds"
 */
import type { Relation, Verdict } from "./types.ts";

export function decideVerdict(relation: Relation, predicted: number, interval: readonly [number, number]): Verdict {
  const [lo, hi] = interval;
  if (Number.isNaN(predicted) || Number.isNaN(lo) || Number.isNaN(hi)) return "inconclusive";
  switch (relation) {
    case "equals":
      return lo <= predicted && predicted <= hi ? "holds" : "refuted";
    case "atMost":
      return hi <= predicted ? "holds" : lo > predicted ? "refuted" : "inconclusive";
    case "atLeast":
      return lo >= predicted ? "holds" : hi < predicted ? "refuted" : "inconclusive";
  }
}

/**
 * Measured / bound for bounds (how much of the bound is used; 1 = tight), estimate / predicted for
 * equalities; null when the bound is trivial (<= 0 for an upper bound of a positive quantity, or a
 * lower bound <= 0) or undefined.
 * @example tightness("atMost", 236.6, 29.05); // => 0.1228...
 */
export function tightness(relation: Relation, predicted: number, estimate: number): number | null {
  if (!Number.isFinite(predicted) || !Number.isFinite(estimate)) return null;
  if (relation === "atLeast") return predicted > 0 && estimate > 0 ? predicted / estimate : null;
  return predicted !== 0 ? estimate / predicted : null;
}
