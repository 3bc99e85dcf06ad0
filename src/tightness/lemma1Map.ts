/**
 * Tightness map of Lemma 1 (Eq (13)) over (n, eps) for p uniform on s tokens: the exact tail
 * P(||p_hat - p||_1 >= eps) (multinomial law enumerated in BigInt, src/exact/multinomialL1Tail.ts)
 * against min(1, G exp(-n phi(pi_p) eps^2/4)), G = Eq (13)'s G_n(s) as printed; trivial bound 1.
 * For s = 2 and 3 every n of the grid is in the 2^s - 2 case; for s = 8 the grid crosses into the
 * middle case (s >= C0 n/4 + 2 for n <= 7). The large case (s >= C0 n/e + 2) is refuted
 * (lemma1-large-case) and is not mapped.
 */
import { multinomialL1TailExact } from "../exact/index.ts";
import { gnRegimeUnchecked, l1TailBoundUnchecked, piP } from "../theory/index.ts";
import { bestPoint } from "./bestPoint.ts";
import { tightnessCell } from "./tightnessCell.ts";
import type { TightnessCell, TightnessMap } from "./types.ts";

export const LEMMA1_NS = [2, 4, 8, 16, 32, 64];
export const LEMMA1_EPS = [0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.4];
/** Vocabulary sizes mapped, with the largest n that keeps the exact enumeration cheap. */
export const LEMMA1_S: ReadonlyArray<{ s: number; maxN: number }> = [
  { s: 2, maxN: 64 },
  { s: 3, maxN: 64 },
  { s: 8, maxN: 16 },
];

/**
 * The map for p uniform on s tokens.
 * @example lemma1Map(2, 64).cells.length; // => 42
 */
export function lemma1Map(s: number, maxN: number): TightnessMap {
  const p = Array.from({ length: s }, () => 1 / s);
  const pi = piP({ p }).upper;
  const weights = Array.from({ length: s }, () => 1);
  const ns = LEMMA1_NS.filter((n) => n <= maxN);
  const cells: TightnessCell[] = [];
  for (const eps of LEMMA1_EPS) {
    for (const n of ns) {
      const measured = multinomialL1TailExact({ weights, n, eps }).value;
      const bound = l1TailBoundUnchecked(n, s, pi, eps, "lemma1").value;
      cells.push(tightnessCell("atMost", n, eps, { p, n, eps }, measured, bound, [0, 1], { details: { regime: gnRegimeUnchecked(n, s) } }));
    }
  }
  return {
    key: `lemma1-l1-concentration/s=${s}`,
    statements: ["lemma1-l1-concentration", "lemma1-l1-concentration-weissman"],
    title: `Lemma 1, Eq (13): P(||p_hat - p||_1 >= eps), p uniform on s = ${s}`,
    relation: "atMost",
    fixed: { s, pi },
    x: { name: "n", label: "n (samples)", values: ns, scale: "log" },
    y: { name: "eps", label: "eps", values: LEMMA1_EPS, scale: "linear" },
    cells,
    best: bestPoint(cells),
    informativeFrom: null,
    note: "measured: exact multinomial tail (BigInt enumeration); bound min(1, G_n(s) exp(-n phi(pi_p) eps^2/4)) with Eq (13)'s G as printed (the 2^s - 2 and middle cases; the large case is refuted and not mapped); trivial bound 1",
  };
}

/** One map per vocabulary size of LEMMA1_S. */
export function lemma1Maps(): TightnessMap[] {
  return LEMMA1_S.map(({ s, maxN }) => lemma1Map(s, maxN));
}
