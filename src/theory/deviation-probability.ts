/**
 * Deviation probabilities P(||p^(m) - p^(1)||_1 >= eps) in the Partially Synthetic setting, which
 * the paper states only as expectations (Theorems 3 and 4); the published version calls this
 * "the deviation probability". Two routes, both valid for every m >= 2:
 *
 * 1. Markov: P(D_m >= eps) <= E[D_m]/eps <= B/eps with B from Theorem 3 or Theorem 4 (Eq (16)).
 *
 * 2. Lemma 1 generation by generation (derivation). Write D_k = ||p^(k) - p^(1)||_1 and
 *    E_k = ||p_hat^(k) - p^(k)||_1, a = n/(N+n). By Eq (17), p^(k+1) - p^(1) =
 *    a(p_hat^(k) - p^(k)) + a(p^(k) - p^(1)), so D_{k+1} <= a E_k + a D_k and, from D_1 = 0,
 *    D_m <= sum_{j=1}^{m-1} a^{m-j} E_j (Eq (18), pathwise). Pick thresholds eps_i, i = m - j, with
 *    sum_i a^i eps_i <= eps: if E_j < eps_{m-j} for all j then D_m < eps, so by the union bound
 *    P(D_m >= eps) <= sum_{i=1}^{m-1} P(E_{m-i} >= eps_i). Given p^(j), p_hat^(j) is the empirical
 *    distribution of n draws from p^(j) on s tokens, so Lemma 1 with phi >= 2 (pi of the random
 *    p^(j) is unknown, and <= 1/2) gives P(E_j >= t) <= min(1, G e^{-n t^2/2}), with
 *    G = 2^s - 2 where Eq (13)'s large case applies (refuted: lemma1-large-case), else min(G_n(s), 2^s - 2), and P(E_j >= t) = 0 for t > 2 since an L1
 *    distance between distributions is at most 2. Thresholds: eps_i = K r^i with 1 <= r < 1/a and
 *    K = eps (1 - a r)/(a r), so that sum_{i>=1} a^i eps_i = eps exactly. Any r > 1 (e.g. a^{-1/2},
 *    eps_i^2 growing like a^{-i}) gives a bound uniform in m, since only the finitely many i with
 *    eps_i <= 2 contribute; r = 1 is the equal split eps_i = eps (1 - a)/a, whose bound grows
 *    linearly in m but is often smaller for moderate m. The ratio is fixed before looking at any
 *    data, so the minimum over a fixed grid of ratios is still a valid bound (the default).
 */
import { checkFinite, checkIntegerAtLeast } from "../validate.ts";
import { logBestGUnchecked } from "./lemma1-l1-concentration.ts";
import { checkParams } from "./params.ts";
import { logSumExp } from "./stable-powers.ts";
import { logThm3BoundUnchecked } from "./thm3-deviation-bound.ts";
import { type ZetaChoice, thm4DeviationBound } from "./thm4-general-bound.ts";

export const id = "deviation-probability";

/** A probability bound (value in [0, 1]) and the log of the unclamped bound. */
export interface DeviationProbability {
  value: number;
  log: number;
}

function checkEps(x: unknown): number {
  const eps = checkFinite(x, "eps");
  if (!(eps > 0)) throw new RangeError(`eps must be > 0, got ${eps}`);
  return eps;
}

/**
 * P(||p^(m) - p^(1)||_1 >= eps) <= min(1, B/eps) for all m >= 2, with B = (1/N) sqrt(pi n/2) G_n(s)
 * (Theorem 3) or, when `expectedLambda1` is given, B of Theorem 4 with zeta "safe" (default) or
 * "printed". 0 for eps > 2. Source: Markov's inequality on Theorems 3/4.
 * @example deviationProbabilityMarkov({ N: 1e6, n: 10, s: 3, eps: 0.1 }).value; // => 0.000237...
 */
export function deviationProbabilityMarkov(params: {
  N: number;
  n: number;
  s: number;
  eps: number;
  expectedLambda1?: number;
  zeta?: ZetaChoice;
}): DeviationProbability {
  const o = checkParams(params);
  const N = checkIntegerAtLeast(o.N, "N", 1);
  const n = checkIntegerAtLeast(o.n, "n", 1);
  const s = checkIntegerAtLeast(o.s, "s", 1);
  const eps = checkEps(o.eps);
  const logB =
    o.expectedLambda1 === undefined
      ? logThm3BoundUnchecked(N, n, s)
      : thm4DeviationBound({ N, n, s, expectedLambda1: o.expectedLambda1 as number, zeta: o.zeta as ZetaChoice | undefined }).log;
  const log = logB - Math.log(eps);
  if (eps > 2) return { value: 0, log: -Infinity };
  return { value: Math.min(1, Math.exp(log)), log };
}


/** Terms of route 2 summed one by one; beyond this many, the rest are bounded by the last (terms decrease in i). */
export const MAX_EXACT_TERMS = 1_000_000;

/** Route 2 with the ratio and the first thresholds it used. */
export interface UnionDeviationProbability extends DeviationProbability {
  /** The geometric ratio r of the thresholds. */
  ratio: number;
  /** The first (at most 16) thresholds eps_1, eps_2, ...; those > 2 contribute 0. */
  thresholds: number[];
}

/**
 * Unchecked route 2 for one ratio r in [1, 1/a); m >= 2, 0 < eps <= 2.
 * @example unionBoundForRatio(1000, 1000, 3, 0.5, 50, 1).value; // => 1.5e-52 (approx)
 */
export function unionBoundForRatio(N: number, n: number, s: number, eps: number, m: number, r: number): UnionDeviationProbability {
  const a = n / (N + n);
  const K = (eps * (1 - a * r)) / (a * r);
  // Eq (13)'s large case is refuted (lemma1-large-case): 2^s - 2 there, the smaller valid G elsewhere.
  const logG = logBestGUnchecked(n, s);
  const logTerm = (i: number): number => {
    const t = K * r ** i;
    return t > 2 ? -Infinity : Math.min(0, logG - (n * t * t) / 2);
  };
  const logR = Math.log(r);
  const thresholds = (k: number): number[] => Array.from({ length: k }, (_, i) => K * r ** (i + 1));
  if (logR === 0) {
    const log = Math.log(m - 1) + logTerm(1);
    return { value: Math.min(1, Math.exp(log)), log, ratio: r, thresholds: thresholds(Math.min(m - 1, 16)) };
  }
  const count = Math.min(m - 1, Math.max(0, Math.floor(Math.log(2 / K) / logR)) + 1);
  const exact = Math.min(count, MAX_EXACT_TERMS);
  const logTerms: number[] = [];
  for (let i = 1; i <= exact; i++) logTerms.push(logTerm(i));
  if (count > exact) logTerms.push(Math.log(count - exact) + logTerm(exact));
  const log = logSumExp(logTerms);
  return { value: Math.min(1, Math.exp(log)), log, ratio: r, thresholds: thresholds(Math.min(exact, 16)) };
}

/** The grid searched by `ratio: "optimize"`: r = a^(-theta), theta = 0, 0.05, ..., 0.95. */
export const RATIO_EXPONENTS: readonly number[] = Array.from({ length: 20 }, (_, k) => k / 20);

/**
 * P(||p^(m) - p^(1)||_1 >= eps) <= min(1, sum_{i=1}^{m-1} min(1, G e^{-n eps_i^2/2}) [eps_i <= 2]),
 * eps_i = K r^i, K = eps (1 - a r)/(a r), G as in the file comment (logBestGUnchecked); see the file comment for the
 * derivation. `ratio`: a number r in [1, 1/a), or "optimize" (default): the smallest bound over
 * r = a^(-theta), theta in RATIO_EXPONENTS (a minimum of fixed, data-free bounds is a bound).
 * m = 1 gives 0 (p^(1) - p^(1) = 0). Up to 1e6 terms are summed one by one; the rest are bounded
 * by the last (terms decrease in i). Source: Lemma 1 through Eq (17)-(18) and a union bound over
 * generations (not in the paper).
 * @example deviationProbabilityUnion({ N: 1000, n: 1000, s: 3, eps: 0.5, m: 50 }).value; // => 1.5e-52 (approx)
 */
export function deviationProbabilityUnion(params: {
  N: number;
  n: number;
  s: number;
  eps: number;
  m: number;
  ratio?: number | "optimize";
}): UnionDeviationProbability {
  const o = checkParams(params);
  const N = checkIntegerAtLeast(o.N, "N", 1);
  const n = checkIntegerAtLeast(o.n, "n", 1);
  const s = checkIntegerAtLeast(o.s, "s", 1);
  const eps = checkEps(o.eps);
  const m = checkIntegerAtLeast(o.m, "m", 1);
  const a = n / (N + n);
  let ratios: number[];
  if (o.ratio === undefined || o.ratio === "optimize") {
    ratios = RATIO_EXPONENTS.map((theta) => a ** -theta);
  } else {
    const r = checkFinite(o.ratio, "ratio");
    if (!(r >= 1 && a * r < 1)) throw new RangeError(`ratio must lie in [1, 1/alpha) = [1, ${1 / a}), got ${r}`);
    ratios = [r];
  }
  if (m === 1 || eps > 2) return { value: 0, log: -Infinity, ratio: ratios[0], thresholds: [] };
  let best = unionBoundForRatio(N, n, s, eps, m, ratios[0]);
  for (const r of ratios.slice(1)) {
    const b = unionBoundForRatio(N, n, s, eps, m, r);
    if (b.log < best.log) best = b;
  }
  return best;
}
