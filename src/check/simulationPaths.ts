/**
 * Every simulation path whose output a conclusion of `verify` rests on. Each must be held by at
 * least one statement of the registry to an exact value (the exact chain, an exact recursion or an
 * exact pmf), not only to a bound: a statement lists the paths it holds in `covers`, and
 * simulationPaths.test.ts fails if a path has no such statement.
 *
 * Path ids: "setting:<setting>/measure:<field of RunRecord>", "collapse-time:<method>",
 * "sampler:<path>", "contexts:<kind>".
 */
import { COLLAPSE_TIME_METHODS } from "../loops/collapseTime.ts";
import { RUN_SERIES } from "../loops/runRecord.ts";
import { SETTINGS } from "../loops/settings.ts";

/** The measures that `simulateRun` records, by RunRecord field: T, the token collapsed to, and every series. */
export const RUN_MEASURES = ["T", "collapsedTo", ...RUN_SERIES] as const;

/** The sampler paths the engine draws through (each branch that a generation can take). */
export const SAMPLER_PATHS = [
  /** binomialUnchecked below INVERSION_MAX_MEAN (inversion) and above it (BTRD). */
  "sampler:binomial-inversion",
  "sampler:binomial-btrd",
  /** multinomialOnSupport by categorical draws and by conditional binomials. */
  "sampler:multinomial-categorical",
  "sampler:multinomial-binomials",
  /** the collapse-time chain's integer-parameter binomials. */
  "sampler:count-binomial-table",
  "sampler:count-ratio-binomial",
  /** a random subset of the fixed real corpus (count below its size). */
  "sampler:real-corpus-subset",
] as const;

/** The multi-context simulators. */
export const CONTEXT_PATHS = ["contexts:fixed-counts", "contexts:markov-text"] as const;

/** All path ids, in a stable order. */
export function simulationPaths(): string[] {
  const out: string[] = [];
  for (const setting of SETTINGS) for (const measure of RUN_MEASURES) out.push(`setting:${setting}/measure:${measure}`);
  for (const method of COLLAPSE_TIME_METHODS) out.push(`collapse-time:${method}`);
  out.push(...SAMPLER_PATHS, ...CONTEXT_PATHS);
  return out;
}
