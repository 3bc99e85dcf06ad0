/**
 * Tightness maps of the Partially Synthetic drift bounds over (n, N), p uniform on s tokens:
 * Theorem 3, Theorem 4 (Eq 16, safe and printed zeta), and the deviation probability (s = 2 only).
 * The measured value is exact: E||p^(m) - p^(1)||_1 = s E|p_1^(m) - p_1^(1)| (uniform p), from the
 * coordinate chain (coordinateChainLaw), maximised over m = 2..M with M where alpha^M < 1e-6 (the
 * bounds hold for every m; the law converges at rate alpha = n/(N+n)). Trivial bound: 2 alpha
 * (Eq 17: p^(m) - p^(1) = alpha (p_hat - p^(1))).
 */
import { compositionCount } from "../exact/index.ts";
import {
  deviationProbabilityMarkov,
  deviationProbabilityUnion,
  logGnUnchecked,
  thm3DeviationBound,
  thm4DeviationBound,
  type ZetaChoice,
} from "../theory/index.ts";
import { expectedLambdaOfEmpirical } from "../check/statements/thm4GeneralBound.ts";
import { bestPoint } from "./bestPoint.ts";
import { coordinateChainLaw, type CoordinateChainLaw } from "./coordinateChainLaw.ts";
import { tightnessCell } from "./tightnessCell.ts";
import type { TightnessAxis, TightnessCell, TightnessMap } from "./types.ts";

/** Largest number of real-count vectors summed over for E[lambda(p^(1))] in a map (else its bound 1/4). */
export const MAX_LAMBDA_VECTORS = 20_000;

/** The generations computed for (N, n): 2..M with alpha^M < 1e-6 (the law's distance to its limit shrinks like alpha^m), M in [6, 100]. */
export function driftHorizon(N: number, n: number): number {
  const a = n / (N + n);
  return Math.min(100, Math.max(6, Math.ceil(Math.log(1e-6) / Math.log(a)) + 2));
}

/** Grids of (n, N) per vocabulary size: wide enough to reach the informative region. */
export const DRIFT_GRIDS: Record<number, { n: number[]; N: number[] }> = {
  2: { n: [1, 2, 4, 8, 16, 32, 64], N: [4, 8, 16, 32, 64, 128, 256, 512, 1024] },
  3: { n: [4, 8, 16, 32, 64, 128], N: [16, 32, 64, 128, 256, 512, 1024, 2048] },
  4: { n: [16, 32, 64, 128, 256], N: [128, 256, 512, 1024, 2048, 4096] },
};

/** Deviation-probability threshold of the maps (the check's two-token point uses 0.08). */
export const DEVIATION_EPS = 0.08;

const logAxis = (name: string, label: string, values: number[]): TightnessAxis => ({ name, label, values, scale: "log" });

/**
 * E[lambda(p^(1))] for p uniform on s tokens and N real samples: (1 - 1/N)/4 for s = 2
 * (lambda(q) = q_1 q_2, E[q_1 q_2] = (1 - 1/N)/4); else summed over the real counts when there are
 * at most MAX_LAMBDA_VECTORS of them; else its upper bound 1/4 (exact: false).
 * @example uniformExpectedLambda(2, 4); // => { value: 0.1875, exact: true }
 */
export function uniformExpectedLambda(s: number, N: number): { value: number; exact: boolean } {
  if (s === 2) return { value: (1 - 1 / N) / 4, exact: true };
  if (compositionCount(N, s) > MAX_LAMBDA_VECTORS) return { value: 0.25, exact: false };
  const v = expectedLambdaOfEmpirical(new Float64Array(s).fill(1 / s), N);
  return v === null ? { value: 0.25, exact: false } : { value: v, exact: true };
}

/**
 * Theorem 3 is informative (bound < 2 alpha) iff (1/N) sqrt(pi n/2) G_n(s) < 2n/(N+n), i.e.
 * c = sqrt(pi n/2) G_n(s) < 2n and N > c n/(2n - c). The smallest such integer N, or null for no N.
 * @example thm3InformativeFromN(2, 2); // => 16 (c = 2 sqrt(pi) = 3.545, N > 15.6)
 */
export function thm3InformativeFromN(s: number, n: number): number | null {
  const c = Math.sqrt((Math.PI * n) / 2) * Math.exp(logGnUnchecked(n, s));
  if (!(c < 2 * n)) return null;
  return Math.floor((c * n) / (2 * n - c)) + 1;
}

/** Smallest n (up to 1e7) for which Theorem 3 is informative for some N, with its smallest N. */
export function thm3InformativeFrom(s: number): { n: number; N: number } | null {
  for (let n = 1; n <= 1e7; n = n < 64 ? n + 1 : Math.ceil(n * 1.01)) {
    const N = thm3InformativeFromN(s, n);
    if (N !== null) return { n, N };
  }
  return null;
}

interface DriftLaws {
  s: number;
  N: number;
  n: number;
  M: number;
  law: CoordinateChainLaw;
}

/** The coordinate law of each grid cell (shared by all drift maps of one s). */
function lawsFor(s: number, eps: number | undefined): DriftLaws[] {
  const grid = DRIFT_GRIDS[s];
  const out: DriftLaws[] = [];
  for (const N of grid.N) {
    for (const n of grid.n) {
      const M = driftHorizon(N, n);
      out.push({ s, N, n, M, law: coordinateChainLaw(1 / s, N, n, M, eps === undefined ? undefined : eps / 2) });
    }
  }
  return out;
}

/**
 * sup_{2 <= m <= M} E||p^(m) - p^(1)||_1 and the first m within a relative 1e-9 of it (the drift
 * converges in m, so the last digits would otherwise pick m at random among equal values).
 */
function supDrift(c: DriftLaws): { value: number; m: number } {
  let value = -Infinity;
  for (let m = 2; m <= c.M; m++) value = Math.max(value, c.s * c.law.absDeviation[m]);
  let m = 2;
  while (c.s * c.law.absDeviation[m] < value * (1 - 1e-9)) m++;
  return { value, m };
}

type DriftBound = "thm3" | ZetaChoice;

const DRIFT_TITLES: Record<DriftBound, string> = {
  thm3: "Theorem 3: E||p^(m) - p^(1)||_1 < (1/N) sqrt(πn/2) G_n(s)",
  safe: "Theorem 4 (Eq 16), safe ζ'",
  printed: "Theorem 4 (Eq 16), ζ as printed",
};
const DRIFT_STATEMENTS: Record<DriftBound, string[]> = {
  thm3: ["thm3-deviation-bound"],
  safe: ["thm4-general-bound"],
  printed: ["thm4-general-bound-printed-zeta"],
};

function driftMap(kind: DriftBound, s: number, laws: DriftLaws[]): TightnessMap {
  const lambdas = new Map<number, { value: number; exact: boolean }>();
  const cells: TightnessCell[] = laws.map((c) => {
    const a = c.n / (c.N + c.n);
    const sup = supDrift(c);
    let bound: number;
    const details: TightnessCell["details"] = { m: sup.m, M: c.M, dropped: c.law.dropped };
    if (kind === "thm3") {
      bound = thm3DeviationBound({ N: c.N, n: c.n, s }).value;
    } else {
      let lambda = lambdas.get(c.N);
      if (lambda === undefined) lambdas.set(c.N, (lambda = uniformExpectedLambda(s, c.N)));
      const b = thm4DeviationBound({ N: c.N, n: c.n, s, expectedLambda1: lambda.value, zeta: kind });
      bound = b.value;
      Object.assign(details, { expectedLambda1: lambda.value, lambda1Exact: lambda.exact, zeta: b.zeta, phi: b.phi });
    }
    return tightnessCell("atMost", c.n, c.N, { p: uniformP(s), N: c.N, n: c.n, m: sup.m }, sup.value, bound, [0, 2 * a], { details });
  });
  const best = bestPoint(cells);
  const from = thm3InformativeFrom(s);
  const informativeFrom =
    best !== null
      ? null
      : from === null
        ? "never (sqrt(pi n/2) G_n(s) >= 2n for every n <= 1e7)"
        : `${kind === "thm3" ? "" : "at latest (Theorem 3's condition suffices, Eq 16 <= Theorem 3) "}n >= ${from.n} with N >= ${from.N} (sqrt(pi n/2) G_n(s) < 2n and N > c n/(2n - c))`;
  return {
    key: `${DRIFT_STATEMENTS[kind][0]}/s=${s}`,
    statements: DRIFT_STATEMENTS[kind],
    title: `${DRIFT_TITLES[kind]}, p uniform, s = ${s}`,
    relation: "atMost",
    fixed: { p: uniformP(s), s },
    x: logAxis("n", "n (synthetic samples)", DRIFT_GRIDS[s].n),
    y: logAxis("N", "N (real samples)", DRIFT_GRIDS[s].N),
    cells,
    best,
    informativeFrom,
    note:
      "measured: exact sup over 2 <= m <= M of E||p^(m) - p^(1)||_1 (= s x one coordinate's chain, averaged over its real count); trivial bound 2a = 2n/(N+n)" +
      (kind === "thm3" ? "" : `; E[lambda(p^(1))] exact where at most ${MAX_LAMBDA_VECTORS} real-count vectors, else its bound 1/4 (details.lambda1Exact)`),
  };
}

function uniformP(s: number): number[] {
  return new Array<number>(s).fill(1 / s);
}

type DeviationForm = "markov" | "union";

/**
 * Deviation probability P(||p^(m) - p^(1)||_1 >= eps), s = 2 (exact: 2 |p_1^(m) - p_1^(1)| >= eps):
 * per cell the generation m in 2..M of largest score among those where the bound is informative
 * (else m = M). A priori range [0, 1], or [0, 0] when eps > 2a (the probability is then 0).
 */
function deviationMap(form: DeviationForm, laws: DriftLaws[], eps: number): TightnessMap {
  const cells = laws.map((c) => {
    const a = c.n / (c.N + c.n);
    const range: [number, number] = [0, eps <= 2 * a ? 1 : 0];
    const tail = c.law.tail as number[];
    let pick: TightnessCell | null = null;
    for (let m = 2; m <= c.M; m++) {
      const bound =
        form === "markov" ? deviationProbabilityMarkov({ N: c.N, n: c.n, s: 2, eps }).value : deviationProbabilityUnion({ N: c.N, n: c.n, s: 2, eps, m }).value;
      const cell = tightnessCell("atMost", c.n, c.N, { p: [0.5, 0.5], N: c.N, n: c.n, eps, m }, tail[m], bound, range, { details: { m, M: c.M, dropped: c.law.dropped } });
      const better = pick === null || (pick.vacuous && !cell.vacuous) || (pick.vacuous === cell.vacuous && (cell.score ?? -1) > (pick.score ?? -1));
      if (better) pick = cell;
    }
    return pick as TightnessCell;
  });
  const best = bestPoint(cells);
  return {
    key: `deviation-probability-${form}/s=2`,
    statements: [`deviation-probability-${form}`],
    title: `Deviation probability (${form === "markov" ? "Markov on Theorem 3" : "Lemma 1 per generation, union bound"}), p = (0.5, 0.5), eps = ${eps}`,
    relation: "atMost",
    fixed: { p: [0.5, 0.5], s: 2, eps },
    x: logAxis("n", "n (synthetic samples)", DRIFT_GRIDS[2].n),
    y: logAxis("N", "N (real samples)", DRIFT_GRIDS[2].N),
    cells,
    best,
    informativeFrom: best === null ? "no informative cell on the grid" : null,
    note:
      "measured: exact P(||p^(m) - p^(1)||_1 >= eps) (s = 2: twice one coordinate's deviation), at the m in 2..M of largest score among informative m; " +
      "trivial bound 1, or 0 where eps > 2a (the probability is 0 a priori). s > 2 left out: the event needs the joint law of the coordinates.",
  };
}

/** Every drift map: Theorem 3 and Theorem 4 (safe, printed) for s = 2, 3, 4; deviation probability (s = 2). */
export function driftMaps(): TightnessMap[] {
  const out: TightnessMap[] = [];
  const bySize = new Map<number, DriftLaws[]>();
  for (const s of [2, 3, 4]) bySize.set(s, lawsFor(s, s === 2 ? DEVIATION_EPS : undefined));
  for (const kind of ["thm3", "safe", "printed"] as const) for (const s of [2, 3, 4]) out.push(driftMap(kind, s, bySize.get(s) as DriftLaws[]));
  const two = bySize.get(2) as DriftLaws[];
  out.push(deviationMap("markov", two, DEVIATION_EPS), deviationMap("union", two, DEVIATION_EPS));
  return out;
}
