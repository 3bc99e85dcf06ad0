/**
 * A count out of trials with its two-sided 95% Clopper-Pearson interval (src/check/intervals.ts).
 * @example proportion(0, 100).hi; // => 0.0362...
 */
import { clopperPearson } from "../check/intervals.ts";
import type { Proportion } from "./types.ts";

export function proportion(count: number, trials: number): Proportion {
  const ci = clopperPearson(count, trials, 0.05);
  return { count, trials, rate: count / trials, lo: ci.lo, hi: ci.hi };
}

/**
 * One-sided Clopper-Pearson lower bound at level `level` on a rate observed as count / trials:
 * Beta^{-1}(level; count, trials - count + 1), 0 for count 0. The rate is shown to exceed delta
 * (at that level) exactly when this bound does.
 * @example oneSidedLowerBound(0, 50, 0.001); // => 0
 */
export function oneSidedLowerBound(count: number, trials: number, level: number): number {
  return clopperPearson(count, trials, 2 * level).lo;
}
