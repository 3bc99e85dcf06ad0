/** Plain-data records of the tightness search: one map per bound, one cell per grid point. */
import type { Parameters } from "../check/types.ts";

/** One grid point of a bound: the exact value of what it bounds, the bound, the trivial bound. */
export interface TightnessCell {
  /** Grid coordinates (the map's x and y parameters). */
  x: number;
  y: number;
  /** Every parameter of the point (fixed ones included), as a check point would carry them. */
  parameters: Parameters;
  /** Exact value of the bounded quantity; null where it was not computed (the map's note says why). */
  measured: number | null;
  bound: number;
  /** End of the quantity's a priori range on the bound's side; null when there is none (E[T] above). */
  trivial: number | null;
  /** measured / bound (upper bounds), bound / measured (lower bounds); null if undefined. */
  tightness: number | null;
  /**
   * The same bound read on the distance to the far end hi of the a priori range [lo, hi]:
   * (hi - bound)/(hi - measured) (upper), (hi - measured)/(hi - bound) (lower); e.g. for rho_m the
   * tightness of the implied bound on P(T > m). null when hi is infinite or measured sits at hi.
   */
  complementTightness: number | null;
  /**
   * min(tightness, complementTightness) (tightness alone when hi is infinite; null when measured
   * sits at hi to rounding): unlike either alone it does not tend to 1 when quantity and bound
   * both tend to an end of the range. The best point maximises it.
   */
  score: number | null;
  /** A priori range [lo, hi] of the quantity (null: unbounded on that side). */
  range: [number | null, number | null];
  /** The bound is at or beyond the trivial one: it cannot fail, whatever the chain does. */
  vacuous: boolean;
  /** Extra numbers (the generation that gave the cell, E[lambda], mass left out, ...). */
  details?: Record<string, number | boolean | string | null>;
}

/** A grid axis: the parameter's name, its values, and how to draw it. */
export interface TightnessAxis {
  name: string;
  label: string;
  values: number[];
  scale: "linear" | "log";
}

/** The tightest informative cell, or where the bound would become informative. */
export interface BestPoint {
  parameters: Parameters;
  score: number;
  tightness: number;
  complementTightness: number | null;
  measured: number;
  bound: number;
}

/** One bound over a 2-D grid. */
export interface TightnessMap {
  /** Unique key of the map, e.g. "thm3-deviation-bound/s=3". */
  key: string;
  /** The registry statement(s) whose bound this is. */
  statements: string[];
  /** Panel title: the bound and the fixed parameters. */
  title: string;
  relation: "atMost" | "atLeast";
  /** Parameters shared by every cell. */
  fixed: Parameters;
  x: TightnessAxis;
  y: TightnessAxis;
  /** Row-major: y outer, x inner. */
  cells: TightnessCell[];
  /** The informative cell of largest score (ties within 1e-9: the first in row-major order); null if none. */
  best: BestPoint | null;
  /** Where the bound becomes informative when no grid cell is (from the closed form), else null. */
  informativeFrom: string | null;
  /** How `measured` was obtained and what is left out. */
  note: string;
}
