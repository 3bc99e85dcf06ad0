/** One grid cell of a tightness map, from the exact value, the bound and the a priori range. */
import { isVacuous, tightness as tightnessOf, trivialBound } from "../check/decide.ts";
import type { Parameters, Relation } from "../check/types.ts";
import type { TightnessCell } from "./types.ts";

type BoundRelation = Exclude<Relation, "equals">;

/**
 * The bound read from the far end hi of the range: (hi - bound)/(hi - measured) for an upper bound,
 * (hi - measured)/(hi - bound) for a lower one; `far` = [hi - measured, hi - bound] computed
 * accurately by the caller when both are near hi (e.g. P(T > m) for rho_m). null when hi is
 * infinite or hi - measured is below 1e-12 max(1, |hi|) (no room left to measure).
 * @example complementTightness("atMost", 0.9, 0.8, 1); // => 0.5 (approx)
 */
export function complementTightness(relation: BoundRelation, bound: number, measured: number, hi: number, far?: [number, number]): number | null {
  if (!Number.isFinite(hi)) return null;
  const [qRoom, bRoom] = far ?? [hi - measured, hi - bound];
  if (!(qRoom > 1e-12 * Math.max(1, Math.abs(hi)))) return null;
  if (relation === "atMost") return bRoom / qRoom;
  return bRoom > 0 ? qRoom / bRoom : null;
}

/**
 * The cell (x, y) of a bound on a quantity with a priori range `range` = [lo, hi]:
 * tightness = measured / bound (upper) or bound / measured (lower) as in src/check/decide.ts,
 * complementTightness as above, score = their minimum (tightness alone for hi = Infinity, null
 * when the quantity sits at hi), vacuous when the bound is at or beyond the trivial bound (hi for
 * an upper bound, lo for a lower one). measured = null (not computed) gives nulls.
 * @example tightnessCell("atMost", 2, 100, {}, 0.5, 0.8, [0, 1]).score; // => 0.4 (approx; complement 0.2/0.5)
 */
export function tightnessCell(
  relation: BoundRelation,
  x: number,
  y: number,
  parameters: Parameters,
  measured: number | null,
  bound: number,
  range: [number, number],
  options: { far?: [number, number]; details?: TightnessCell["details"] } = {},
): TightnessCell {
  const [lo, hi] = range;
  const trivial = trivialBound(relation, range);
  const vacuous = isVacuous(relation, bound, range);
  const t = measured === null ? null : tightnessOf(relation, bound, measured);
  const c = measured === null ? null : complementTightness(relation, bound, measured, hi, options.far);
  const score = t === null ? null : Number.isFinite(hi) ? (c === null ? null : Math.min(t, c)) : t;
  const finite = (v: number | null): number | null => (v !== null && Number.isFinite(v) ? v : null);
  const cell: TightnessCell = {
    x,
    y,
    parameters,
    measured,
    bound,
    trivial: finite(trivial),
    tightness: t,
    complementTightness: c,
    score,
    range: [finite(lo), finite(hi)],
    vacuous,
  };
  if (options.details !== undefined) cell.details = options.details;
  return cell;
}
