/**
 * Every tightness map, in the order of the registry: Theorem 1 (Eq 7, Eq 8), Theorem 2's S_inf,
 * Lemma 1 (exact multinomial tails), Theorems 3 and 4, the deviation probability, the per-token
 * loss bounds. All exact and deterministic; Eq (11) is left out (proven vacuous everywhere:
 * eq11-implied-by-trivial), as are the deviation probability for s > 2 (it needs the joint law of
 * the coordinates) and the Monte Carlo-only bounds (multi-context, Most Recent Models).
 */
import { collapseMaps } from "./collapseMaps.ts";
import { driftMaps } from "./driftMaps.ts";
import { lemma1Maps } from "./lemma1Map.ts";
import { smLimitMap } from "./smLimitMap.ts";
import type { TightnessMap } from "./types.ts";

/**
 * All maps (about 2 s on one core).
 * @example tightnessMaps().map((m) => m.key)[0]; // => "thm1-rho-lower/p=(0.5, 0.5)"
 */
export function tightnessMaps(): TightnessMap[] {
  const collapse = collapseMaps();
  const tokens = collapse.filter((m) => m.key.startsWith("token-loss"));
  return [...collapse.filter((m) => !m.key.startsWith("token-loss")), smLimitMap(), ...lemma1Maps(), ...driftMaps(), ...tokens];
}
