/**
 * Binomial probabilities accurate to a few ulps for every n (Loader's saddle-point form). The
 * naive exp(lnC(n,x) + x ln p + (n-x) ln q) adds terms of size n ln n that cancel, losing about
 * n ln n * 1e-16 of relative accuracy (1e-12 at n = 2000); the exact chain's martingale
 * identities are then off by that much times the condition number.
 */
import { Decimal } from "decimal.js";

const LN_2PI = Math.log(2 * Math.PI);

/** stirlerr(k) = ln k! - (k + 1/2) ln k + k - ln sqrt(2 pi), for k = 1..15, to 30 digits. */
const STIRLERR_TABLE: Float64Array = (() => {
  const D = Decimal.clone({ precision: 40 });
  const t = new Float64Array(16);
  let lnFact = new D(0);
  const halfLn2Pi = D.ln(new D("6.283185307179586476925286766559005768394")).div(2);
  for (let k = 1; k <= 15; k++) {
    lnFact = lnFact.plus(D.ln(k));
    t[k] = lnFact.minus(new D(k).plus(0.5).times(D.ln(k))).plus(k).minus(halfLn2Pi).toNumber();
  }
  return t;
})();

/**
 * Stirling's error ln k! - (k + 1/2) ln k + k - ln sqrt(2 pi) for integers k >= 1: a table below
 * 16, else the series 1/(12k) - 1/(360k^3) + 1/(1260k^5) - 1/(1680k^7) + 1/(1188k^9).
 * @example stirlerr(1); // => 0.08106146679532726 (1 - ln sqrt(2 pi))
 */
export function stirlerr(k: number): number {
  if (k < 16) return STIRLERR_TABLE[k];
  const k2 = 1 / (k * k);
  return (1 / 12 - k2 * (1 / 360 - k2 * (1 / 1260 - k2 * (1 / 1680 - k2 / 1188)))) / k;
}

/**
 * The deviance term bd0(x, M) = x ln(x / M) + M - x >= 0, by a series when x is near M.
 * @example bd0(10, 10); // => 0
 */
export function bd0(x: number, M: number): number {
  if (Math.abs(x - M) < 0.1 * (x + M)) {
    let v = (x - M) / (x + M);
    let s = (x - M) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / M) + M - x;
}

/**
 * P(X = x) for X ~ Binomial(n, p), with q = 1 - p given separately (so q can be exact when p is
 * a ratio). 0 <= x <= n integers. Formula (Loader 2000):
 * exp(stirlerr(n) - stirlerr(x) - stirlerr(n-x) - bd0(x, np) - bd0(n-x, nq)) sqrt(n / (2 pi x (n-x))).
 * Relative error about 1e-16 (10 + |ln P|): the exponent of a tiny P cannot be more exact than its size.
 * @example binomialPmf(1, 2, 0.5, 0.5); // => 0.5 (to rounding)
 */
export function binomialPmf(x: number, n: number, p: number, q: number): number {
  if (p === 0) return x === 0 ? 1 : 0;
  if (q === 0) return x === n ? 1 : 0;
  if (x === 0) return powerOf(q, p, n);
  if (x === n) return powerOf(p, q, n);
  const lc = stirlerr(n) - stirlerr(x) - stirlerr(n - x) - bd0(x, n * p) - bd0(n - x, n * q);
  const lf = LN_2PI + Math.log((x * (n - x)) / n);
  return Math.exp(lc - 0.5 * lf);
}

/** u^n where u = 1 - v: through log1p(-v) when v is the small one (the rounding of u would cost n ulps). */
function powerOf(u: number, v: number, n: number): number {
  return v < 0.5 ? Math.exp(n * Math.log1p(-v)) : Math.pow(u, n);
}
