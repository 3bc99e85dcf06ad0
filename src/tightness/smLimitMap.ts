/**
 * Tightness map of Theorem 2's uniform bound S_m <= S_inf = 1 - gamma (m >= 1) over (n, m), for a
 * fixed p and N. S_m is exact: S_m = sum_i E[(p_i^(m))^2], one coordinate chain per token
 * (coordinateChainLaw), averaged over the real data. The bound is the limit of S_m, so the
 * tightness tends to 1 in m at every (n, N); the map shows how fast.
 */
import { partiallySyntheticLimit } from "../theory/index.ts";
import { bestPoint } from "./bestPoint.ts";
import { coordinateChainLaw } from "./coordinateChainLaw.ts";
import { tightnessCell } from "./tightnessCell.ts";
import type { TightnessCell, TightnessMap } from "./types.ts";

export const SM_P = [0.5, 0.3, 0.2];
export const SM_N = 4;
export const SM_NS = [1, 2, 4, 8, 16, 32, 64];
export const SM_MS = [1, 2, 4, 8, 16, 32];

/**
 * The map for p = SM_P, N = SM_N (the exact check's points use N = 2, 4, 10).
 * @example smLimitMap().cells.length; // => 42
 */
export function smLimitMap(): TightnessMap {
  const S0 = SM_P.reduce((a, v) => a + v * v, 0);
  const M = Math.max(...SM_MS);
  const cells: TightnessCell[] = [];
  const byN = SM_NS.map((n) => {
    const laws = SM_P.map((pi) => coordinateChainLaw(pi, SM_N, n, M));
    return { n, S: Array.from({ length: M + 1 }, (_, m) => laws.reduce((a, l) => a + l.secondMoment[m], 0)), dropped: laws.reduce((a, l) => a + l.dropped, 0) };
  });
  for (const m of SM_MS) {
    for (const { n, S, dropped } of byN) {
      const bound = partiallySyntheticLimit({ N: SM_N, n, S0 }).SInf;
      cells.push(tightnessCell("atMost", n, m, { p: SM_P, N: SM_N, n, m }, S[m], bound, [0, 1], { details: { dropped } }));
    }
  }
  return {
    key: `ps-sm-limit/p=(0.5, 0.3, 0.2), N=${SM_N}`,
    statements: ["ps-sm-limit", "ps-sm-limit-exact"],
    title: `Theorem 2: S_m <= S_inf = 1 - γ, p = (0.5, 0.3, 0.2), N = ${SM_N}`,
    relation: "atMost",
    fixed: { p: SM_P, N: SM_N, S0 },
    x: { name: "n", label: "n (synthetic samples)", values: SM_NS, scale: "log" },
    y: { name: "m", label: "m (generation)", values: SM_MS, scale: "log" },
    cells,
    best: bestPoint(cells),
    informativeFrom: null,
    note: "measured: exact S_m (sum over tokens of one coordinate chain each, averaged over the real data); trivial bound 1 (S_inf < 1 whenever S0 < 1: never vacuous); S_inf is the limit of S_m, so the tightness tends to 1 in m",
  };
}
