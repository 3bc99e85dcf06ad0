/**
 * Parameter points of the checks, as plain data, and the p^(0) they describe. The paper's own
 * figure setting comes first everywhere: s = 600, s~ = 52, S_0 = 0.1 (Figures 2-4, 6).
 */
import { targetS0 } from "../init/index.ts";
import { checkDistribution } from "../validate.ts";
import type { Parameters } from "./types.ts";

/** The paper's p^(0): s = 600, support 52, S_0 = 0.1 (see init/targetS0 for the family). */
export const PAPER_P = { init: "target", s: 600, support: 52, S0: 0.1 } as const;

/** p^(0) of a point: its explicit `p`, or the `target` construction from s, support and S0. */
export function distributionOf(point: Parameters): Float64Array {
  if (Array.isArray(point.p)) return checkDistribution(point.p, "p");
  if (point.init === "target") return targetS0(Number(point.s), Number(point.support), Number(point.S0));
  throw new RangeError(`point must give p or init = "target", got ${JSON.stringify(point)}`);
}

/** S_0 = ||p||_2^2 and the support size s~ of p. */
export function summaryOf(p: ArrayLike<number>): { S0: number; support: number } {
  let S0 = 0;
  let support = 0;
  for (let i = 0; i < p.length; i++) {
    S0 += p[i] * p[i];
    if (p[i] > 0) support++;
  }
  return { S0, support };
}

/** The `m` values of a point as a list. */
export function generationsOf(point: Parameters, key = "m"): number[] {
  const v = point[key];
  const list = Array.isArray(v) ? v : [Number(v)];
  for (const m of list) if (!Number.isInteger(m) || m < 0) throw new RangeError(`${key} must be non-negative integers, got ${String(v)}`);
  return list;
}

/** The fields most checks read from a point: p^(0), its S_0 and support, n, N (0 if absent), the m list ([] if absent). */
export interface PointBasics {
  p0: Float64Array;
  S0: number;
  support: number;
  n: number;
  N: number;
  ms: number[];
}

/**
 * Reads a point once: p^(0) (see distributionOf), S_0 and s~, n, N and the generations m.
 * @example readPoint({ p: [0.5, 0.5], n: 10, m: [1, 2] }); // => { p0: [0.5, 0.5], S0: 0.5, support: 2, n: 10, N: 0, ms: [1, 2] }
 */
export function readPoint(point: Parameters): PointBasics {
  const p0 = distributionOf(point);
  return {
    p0,
    ...summaryOf(p0),
    n: Number(point.n),
    N: point.N === undefined ? 0 : Number(point.N),
    ms: point.m === undefined ? [] : generationsOf(point),
  };
}

/** The point's own target discrepancy `epsilon`, or the statement's default. */
export function epsilonOf(point: Parameters, fallback: number): number {
  return typeof point.epsilon === "number" ? point.epsilon : fallback;
}
