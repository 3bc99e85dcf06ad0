/** Targets of issue 4, judged on observed medians. */
import { formatRatio } from "./stats.ts";
import type { TargetResult } from "./types.ts";

/**
 * observed <= limit (e.g. a time ratio harness / numpy <= 1).
 * @example targetAtMost("m", "harness / numpy <= 1", 0.5, 1).verdict; // => "met (2.00x below the limit)"
 */
export function targetAtMost(name: string, goal: string, observed: number | null, limit: number): TargetResult {
  if (observed === null || !Number.isFinite(observed)) return { name, goal, observed: null, met: null, verdict: "not measured" };
  const met = observed <= limit;
  const by = met ? limit / observed : observed / limit;
  return { name, goal, observed, met, verdict: met ? `met (${formatRatio(by)}x below the limit)` : `missed by ${formatRatio(by)}x (observed ${formatRatio(observed)}, limit ${limit})` };
}

/**
 * observed >= limit (e.g. a speed-up >= 25).
 * @example targetAtLeast("f", "speed-up >= 25", 20, 25).verdict; // => "missed by 1.25x (observed 20.0, needs 25)"
 */
export function targetAtLeast(name: string, goal: string, observed: number | null, limit: number): TargetResult {
  if (observed === null || !Number.isFinite(observed)) return { name, goal, observed: null, met: null, verdict: "not measured" };
  const met = observed >= limit;
  const by = met ? observed / limit : limit / observed;
  return { name, goal, observed, met, verdict: met ? `met (${formatRatio(by)}x above the target)` : `missed by ${formatRatio(by)}x (observed ${formatRatio(observed)}, needs ${limit})` };
}
