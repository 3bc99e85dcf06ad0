/**
 * Theorem 1, Eq (7), Fully Synthetic: bounds on the probability rho_m = P(T <= m) that total
 * collapse has happened by generation m,
 *   1 - n (1 - S_0)(1 - 1/n)^m <= rho_m <= 1 - [(1 - S_0)/(1 - 1/s~)] (1 - 1/n)^m.
 */
import { checkIntegerAtLeast } from "../validate.ts";
import { checkParams, checkS0AndSupport } from "./params.ts";
import { logPowOneMinusInverse, oneMinusExp } from "./stable-powers.ts";

export const id = "thm1-rho-bounds";

/** Parameters of Eq (7): n, S0 = ||p||_2^2, support = s~ = |supp p|, generation m. */
export interface CollapseProbabilityParams {
  n: number;
  S0: number;
  support: number;
  m: number;
}

/** Lower and upper bound on rho_m (the lower one may be negative, i.e. trivial). */
export interface ProbabilityBounds {
  lower: number;
  upper: number;
}

/**
 * Unchecked Eq (7) for m >= 1, as -expm1 of a log so that values near 1 and near 0 keep their
 * precision: lower = -expm1(log n + log1p(-S0) + m log1p(-1/n)),
 * upper = -expm1(log1p(-S0) - log1p(-1/s~) + m log1p(-1/n)).
 * @example collapseProbabilityBoundsUnchecked(10, 0.9802, 2, 0).lower; // => 0.802 (approx; the printed formula at m = 0)
 */
export function collapseProbabilityBoundsUnchecked(n: number, S0: number, support: number, m: number): ProbabilityBounds {
  if (S0 === 1) return { lower: 1, upper: 1 };
  const logF = logPowOneMinusInverse(n, m);
  const logH = Math.log1p(-S0);
  return {
    lower: oneMinusExp(Math.log(n) + logH + logF),
    upper: oneMinusExp(logH - Math.log1p(-1 / support) + logF),
  };
}

/**
 * Bounds on rho_m = P(||p^(m)||_inf = 1). Source: Theorem 1, Eq (7).
 * lower = 1 - n (1 - S0)(1 - 1/n)^m, upper = 1 - (1 - S0)/(1 - 1/support) (1 - 1/n)^m.
 * The lower bound rests on ||p^(m)||_inf <= 1 - 1/n off collapse, true only once p^(m) lies on
 * the 1/n grid (m >= 1); at m = 0 the printed lower formula can exceed rho_0 = 0 (p = (.99, .01),
 * n = 10 gives 0.802), so at m = 0 `lower` is the exact rho_0 (1 if S0 = 1, else 0).
 * @example collapseProbabilityBounds({ n: 20, S0: 0.38, support: 3, m: 100 });
 * // => { lower: 0.92658..., upper: 0.99449... }
 */
export function collapseProbabilityBounds(params: CollapseProbabilityParams): ProbabilityBounds {
  const o = checkParams(params);
  const n = checkIntegerAtLeast(o.n, "n", 1);
  const [S0, support] = checkS0AndSupport(o.S0, o.support);
  const m = checkIntegerAtLeast(o.m, "m", 0);
  const b = collapseProbabilityBoundsUnchecked(n, S0, support, m);
  if (m === 0) return { lower: S0 === 1 ? 1 : 0, upper: b.upper };
  return b;
}
