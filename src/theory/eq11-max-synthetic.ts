/**
 * Eq (11), Partially Synthetic: when C0 n/e + 2 <= s, any
 *   n <= 2 pi e^-2 min[s - 2, log(sqrt2 pi N eps/(6 e s))]
 * keeps Theorem 3's bound on E||p^(m) - p^(1)||_1 below eps. Derivation: solve
 * (1/N) sqrt(pi n/2) C1 s e^{e^2 n/(4 pi)} <= eps after sqrt(n) <= e^{e^2 n/(4 pi)}; the s - 2 term
 * is the case condition of G_n(s) (C0 n/e + 2 <= s <=> n <= 2 pi e^-2 (s - 2)).
 */
import { checkChoice, checkFinite, checkIntegerAtLeast } from "../validate.ts";
import { checkParams } from "./params.ts";

export const id = "eq11-max-synthetic";

/** "sqrt2-pi": sqrt(2) pi N eps/(6es) (spec's reading); "sqrt-2pi": sqrt(2 pi) N eps/(6es) (stricter). */
export type Eq11Reading = "sqrt2-pi" | "sqrt-2pi";
const READINGS: readonly Eq11Reading[] = ["sqrt2-pi", "sqrt-2pi"];

/** 2 pi e^-2 ~ 0.8503. */
export const TWO_PI_OVER_E2 = (2 * Math.PI) / Math.exp(2);

/** Eq (11) and when it gives anything. */
export interface MaxSynthetic {
  /** 2 pi e^-2 min[s - 2, logTerm]: real-valued; <= 0 means no n is certified. */
  nMax: number;
  /** floor(nMax) clamped at 0: the largest certified integer n (0: none). */
  nMaxInteger: number;
  /** log(c N eps/(6 e s)), c = sqrt(2) pi or sqrt(2 pi). */
  logTerm: number;
  /** s - 2. */
  regimeTerm: number;
  /** The log term is positive iff N > minN = 6 e s/(c eps) (~3.67 s/eps for c = sqrt(2) pi). */
  minN: number;
  /** nMax > 0. */
  positive: boolean;
}

/**
 * The largest amount of synthetic data n certified by Eq (11) to keep E||p^(m) - p^(1)||_1 < eps.
 * Source: Theorem 3, Eq (11).
 * @example maxSyntheticSamples({ s: 600, N: 1e7, eps: 0.1 }).nMax; // => 5.20... (log term 6.118...)
 */
export function maxSyntheticSamples(params: { s: number; N: number; eps: number; reading?: Eq11Reading }): MaxSynthetic {
  const o = checkParams(params);
  const s = checkIntegerAtLeast(o.s, "s", 1);
  const N = checkIntegerAtLeast(o.N, "N", 1);
  const eps = checkFinite(o.eps, "eps");
  if (!(eps > 0)) throw new RangeError(`eps must be > 0, got ${eps}`);
  const reading = o.reading === undefined ? "sqrt2-pi" : checkChoice(o.reading, "reading", READINGS);
  const logC = reading === "sqrt2-pi" ? 0.5 * Math.LN2 + Math.log(Math.PI) : 0.5 * Math.log(2 * Math.PI);
  const logTerm = logC + Math.log(N) + Math.log(eps) - Math.log(6) - 1 - Math.log(s);
  const regimeTerm = s - 2;
  const nMax = TWO_PI_OVER_E2 * Math.min(regimeTerm, logTerm);
  return {
    nMax,
    nMaxInteger: Math.max(0, Math.floor(nMax)),
    logTerm,
    regimeTerm,
    minN: Math.exp(Math.log(6) + 1 + Math.log(s) - logC - Math.log(eps)),
    positive: nMax > 0,
  };
}
