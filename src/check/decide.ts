/**
 * From an interval to a verdict. For `equals`, the statement holds when the predicted value lies in
 * the interval and is refuted when it does not. For a bound (`atMost`: quantity <= predicted,
 * `atLeast`: quantity >= predicted) it holds when the whole interval is on the right side, is refuted
 * when the whole interval is on the wrong side, and is inconclusive when the interval straddles it.
 * With an interval of coverage 1 - delta, "refuted" is a false alarm with probability <= delta.
 * Given the a priori range [a, b] of the measured quantity, an upper bound >= b (a lower bound <= a)
 * cannot fail whatever the implementation does: such a bound is "vacuous" (unless the interval
 * itself is on the wrong side, which only a value outside the a priori range can cause: "refuted").
 * @example decideVerdict("atMost", 10, [3, 4]); // => "holds"
 * @example decideVerdict("atMost", 10, [3, 4], [0, 2]); // => "vacuous"
 */
import type { Relation, Verdict } from "./types.ts";

export function decideVerdict(
  relation: Relation,
  predicted: number,
  interval: readonly [number, number],
  range?: readonly [number, number],
): Verdict {
  const verdict = sideVerdict(relation, predicted, interval);
  return verdict !== "refuted" && range !== undefined && isVacuous(relation, predicted, range) ? "vacuous" : verdict;
}

/**
 * Whether a bound is at or beyond the a priori range [a, b] of what it bounds (equalities never are).
 * @example isVacuous("atLeast", -0.3, [0, 1]); // => true
 */
export function isVacuous(relation: Relation, predicted: number, range: readonly [number, number]): boolean {
  if (relation === "atMost") return predicted >= range[1];
  if (relation === "atLeast") return predicted <= range[0];
  return false;
}

/**
 * The trivial bound of a relation: the end of the a priori range on the bound's side (null for
 * equalities or without a range). Tightness against it (measured / trivial) says how much of the
 * quantity's room the measured value uses, beside how much of the bound it uses.
 * @example trivialBound("atMost", [0, 2]); // => 2
 */
export function trivialBound(relation: Relation, range: readonly [number, number] | undefined): number | null {
  if (range === undefined || relation === "equals") return null;
  return relation === "atMost" ? range[1] : range[0];
}

function sideVerdict(relation: Relation, predicted: number, interval: readonly [number, number]): Verdict {
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
