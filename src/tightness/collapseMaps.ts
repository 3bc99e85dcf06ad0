/**
 * Tightness maps of the Fully Synthetic bounds, measured exactly (src/exact):
 * Theorem 1, Eq (7) on rho_m = P(T <= m) over (n, m) for a few p; Eq (8) on E[T] over (n, p_1) with
 * p = (p_1, 1 - p_1); and the per-token loss bounds of spec 4.5 on P(0 < p_k^(m) < 1) over (n, m)
 * (token k against the rest: the two-token chain (p_k, 1 - p_k), whose P(T > m) it is).
 */
import { collapseLaw, expectedCollapseTime, type CollapseLaw } from "../exact/index.ts";
import { collapseProbabilityBounds, collapseTimeBounds, tokenSegregationBounds } from "../theory/index.ts";
import { bestPoint } from "./bestPoint.ts";
import { tightnessCell } from "./tightnessCell.ts";
import type { TightnessAxis, TightnessCell, TightnessMap } from "./types.ts";

/** n and m of the (n, m) maps: powers of two, m up to where the lower bounds turn informative. */
export const COLLAPSE_NS = [2, 4, 8, 16, 32, 64];
export const COLLAPSE_MS = [1, 2, 4, 8, 16, 32, 64, 128, 256];
/** p of the rho_m maps: the sharp point (uniform on two tokens) and a three-token p of the checks. */
export const RHO_PS: number[][] = [
  [0.5, 0.5],
  [0.5, 0.3, 0.2],
];
/** p_k of the token-loss maps. */
export const TOKEN_PKS = [0.5, 0.1];
/** n and p_1 of the E[T] maps (p = (p_1, 1 - p_1)). */
export const TIME_NS = [2, 4, 8, 16, 32, 64, 128, 256];
export const TIME_P1S = [0.5, 0.6, 0.7, 0.8, 0.9];

const axis = (name: string, label: string, values: number[], scale: "linear" | "log"): TightnessAxis => ({ name, label, values, scale });
const N_AXIS = axis("n", "n (samples per generation)", COLLAPSE_NS, "log");
const M_AXIS = axis("m", "m (generation)", COLLAPSE_MS, "log");
const PROBABILITY: [number, number] = [0, 1];
const COLLAPSE_TIME: [number, number] = [1, Number.POSITIVE_INFINITY];

function summary(p: readonly number[]): { S0: number; support: number } {
  let S0 = 0;
  let support = 0;
  for (const v of p) {
    S0 += v * v;
    if (v > 0) support++;
  }
  return { S0, support };
}

const fmt = (p: readonly number[]): string => `(${p.map((v) => String(v)).join(", ")})`;

type Side = "lower" | "upper";

/** P(T > m) >= c f^m (upper side of Eq 7) and <= n (1 - S0) f^m (lower side): the bounds on the complement. */
function survivalBound(side: Side, n: number, S0: number, support: number, m: number): number {
  const logF = m * Math.log1p(-1 / n) + Math.log1p(-S0);
  return Math.exp(side === "lower" ? Math.log(n) + logF : logF - Math.log1p(-1 / support));
}

/**
 * Eq (7), one side, over (n, m) for one p: exact rho_m and P(T > m) from the law of T (collapseLaw,
 * `laws` by n, shared by both sides). The complement tightness is read on P(T > m), computed
 * directly, so it keeps its precision where rho_m is within 1e-16 of 1.
 */
export function rhoMap(side: Side, p: number[], laws: ReadonlyMap<number, CollapseLaw>): TightnessMap {
  const { S0, support } = summary(p);
  const relation = side === "lower" ? "atLeast" : "atMost";
  const cells: TightnessCell[] = [];
  for (const m of COLLAPSE_MS) {
    for (const n of COLLAPSE_NS) {
      const law = laws.get(n) as CollapseLaw;
      const b = collapseProbabilityBounds({ n, S0, support, m });
      const far: [number, number] = [law.survival[m], survivalBound(side, n, S0, support, m)];
      cells.push(tightnessCell(relation, n, m, { p, n, m }, law.rho[m], side === "lower" ? b.lower : b.upper, PROBABILITY, { far }));
    }
  }
  return {
    key: `thm1-rho-${side}/p=${fmt(p)}`,
    statements: [`thm1-rho-${side}`, `thm1-rho-${side}-exact`],
    title: `Theorem 1, Eq (7): ${side} bound on ρ_m, p = ${fmt(p)}`,
    relation,
    fixed: { p, S0, support },
    x: N_AXIS,
    y: M_AXIS,
    cells,
    best: bestPoint(cells),
    informativeFrom: null,
    note:
      (side === "lower"
        ? "lower bound 1 - n(1 - S0)(1 - 1/n)^m, trivial bound 0 (informative iff m > log(n(1 - S0))/(-log(1 - 1/n)))"
        : "upper bound 1 - (1 - S0)/(1 - 1/s~) (1 - 1/n)^m, trivial bound 1 (never reached for S0 < 1)") +
      "; measured: exact rho_m (law of T); complement tightness on P(T > m)",
  };
}

/** Eq (8), one side, over (n, p_1) with p = (p_1, 1 - p_1): exact E[T] (`times`, row-major, from expectedCollapseTime). */
export function collapseTimeMap(side: Side, times: readonly number[]): TightnessMap {
  const relation = side === "lower" ? "atLeast" : "atMost";
  const cells: TightnessCell[] = [];
  TIME_P1S.forEach((p1, i) => {
    const p = [p1, 1 - p1];
    const { S0, support } = summary(p);
    TIME_NS.forEach((n, j) => {
      const b = collapseTimeBounds({ n, S0, support });
      cells.push(tightnessCell(relation, n, p1, { p, n }, times[i * TIME_NS.length + j], side === "lower" ? b.lower : b.upper, COLLAPSE_TIME));
    });
  });
  return {
    key: `thm1-collapse-time-${side}/p=(p1, 1 - p1)`,
    statements: [`thm1-collapse-time-${side}`, `thm1-collapse-time-${side}-exact`],
    title: `Theorem 1, Eq (8): ${side} bound on E[T], p = (p_1, 1 - p_1)`,
    relation,
    fixed: { s: 2 },
    x: axis("n", "n (samples per generation)", TIME_NS, "log"),
    y: axis("p1", "p_1", TIME_P1S, "linear"),
    cells,
    best: bestPoint(cells),
    informativeFrom: null,
    note:
      side === "lower"
        ? "measured: exact E[T] (linear solve); lower bound 1 + (1 - S0)(n - 1)/(1 - 1/s~), trivial bound 1 (T >= 1)"
        : "measured: exact E[T] (linear solve); upper bound 1 + (1 - S0) n (n - 1); no trivial bound (T is unbounded), never vacuous",
  };
}

/** The per-token bounds of spec 4.5 over (n, m) for one p_k: exact P(0 < p_k^(m) < 1) = P(T > m) of (p_k, 1 - p_k) (`laws` by n). */
export function tokenLossMap(side: Side, pk: number, laws: ReadonlyMap<number, CollapseLaw>): TightnessMap {
  const relation = side === "lower" ? "atLeast" : "atMost";
  const cells: TightnessCell[] = [];
  for (const m of COLLAPSE_MS) {
    for (const n of COLLAPSE_NS) {
      const segregating = (laws.get(n) as CollapseLaw).survival[m];
      const b = tokenSegregationBounds({ n, pk, m });
      cells.push(tightnessCell(relation, n, m, { pk, n, m }, segregating, side === "lower" ? b.lower : b.upper, PROBABILITY));
    }
  }
  return {
    key: `token-loss-${side}/pk=${pk}`,
    statements: [`token-loss-${side}`, `token-loss-${side}-exact`],
    title: `Token loss (spec 4.5): ${side} bound on P(0 < p_k^(m) < 1), p_k = ${pk}`,
    relation,
    fixed: { pk },
    x: N_AXIS,
    y: M_AXIS,
    cells,
    best: bestPoint(cells),
    informativeFrom: null,
    note:
      side === "lower"
        ? "measured: exact P(T > m) of the chain (p_k, 1 - p_k); lower bound 4 (1 - 1/n)^m p_k(1 - p_k) (> 0: never vacuous), trivial bound 0"
        : "measured: exact P(T > m) of the chain (p_k, 1 - p_k); upper bound n (1 - 1/n)^(m-1) p_k(1 - p_k), trivial bound 1",
  };
}

function lawsByN(p: number[]): Map<number, CollapseLaw> {
  const M = Math.max(...COLLAPSE_MS);
  return new Map(COLLAPSE_NS.map((n) => [n, collapseLaw(p, n, M)]));
}

/** All Fully Synthetic maps, in the order of the registry; each exact law is computed once. */
export function collapseMaps(): TightnessMap[] {
  const times = TIME_P1S.flatMap((p1) => TIME_NS.map((n) => expectedCollapseTime([p1, 1 - p1], n)));
  return [
    ...RHO_PS.flatMap((p) => {
      const laws = lawsByN(p);
      return [rhoMap("lower", p, laws), rhoMap("upper", p, laws)];
    }),
    collapseTimeMap("lower", times),
    collapseTimeMap("upper", times),
    ...TOKEN_PKS.flatMap((pk) => {
      const laws = lawsByN([pk, 1 - pk]);
      return [tokenLossMap("lower", pk, laws), tokenLossMap("upper", pk, laws)];
    }),
  ];
}
