/**
 * Theorem 3, Partially Synthetic: for m >= 2, E||p^(m) - p^(1)||_1 < (1/N) sqrt(pi n/2) G_n(s),
 * a bound independent of m (Theorem 4 with phi replaced by its minimum 2).
 */
import { checkIntegerAtLeast } from "../validate.ts";
import { logGnUnchecked, type GnRegime, gnRegimeUnchecked } from "./lemma1-l1-concentration.ts";
import { checkParams } from "./params.ts";

export const id = "thm3-deviation-bound";

/** The bound, its natural log (finite when the value overflows) and the G_n(s) case used. */
export interface DeviationBound {
  value: number;
  log: number;
  regime: GnRegime;
}

/**
 * log of the Theorem 3 bound without checks: -log N + (1/2) log(pi n/2) + log G_n(s).
 * @example logThm3BoundUnchecked(100, 10, 600); // => 10.12353202346441
 */
export function logThm3BoundUnchecked(N: number, n: number, s: number): number {
  return -Math.log(N) + 0.5 * Math.log((Math.PI * n) / 2) + logGnUnchecked(n, s);
}

/**
 * E||p^(m) - p^(1)||_1 < (1/N) sqrt(pi n/2) G_n(s) for every m >= 2. Source: Theorem 3.
 * @example thm3DeviationBound({ N: 100, n: 10, s: 600 }).value; // => 24922.6... (vacuous: L1 <= 2)
 */
export function thm3DeviationBound(params: { N: number; n: number; s: number }): DeviationBound {
  const o = checkParams(params);
  const N = checkIntegerAtLeast(o.N, "N", 1);
  const n = checkIntegerAtLeast(o.n, "n", 1);
  const s = checkIntegerAtLeast(o.s, "s", 1);
  const log = logThm3BoundUnchecked(N, n, s);
  return { value: Math.exp(log), log, regime: gnRegimeUnchecked(n, s) };
}
