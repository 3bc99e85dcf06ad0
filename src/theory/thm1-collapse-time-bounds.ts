/**
 * Theorem 1, Eq (8), Fully Synthetic: bounds on the expected collapse generation T,
 *   1 + [(1 - S_0)/(1 - 1/s~)] (n - 1) <= E[T] <= 1 + (1 - S_0) n (n - 1).
 */
import { checkIntegerAtLeast } from "../validate.ts";
import { checkParams, checkS0AndSupport } from "./params.ts";
import { sumMinOneGeometric } from "./tail-sum.ts";

export const id = "thm1-collapse-time-bounds";

/** Parameters of Eq (8): n, S0 = ||p||_2^2, support = s~. */
export interface CollapseTimeParams {
  n: number;
  S0: number;
  support: number;
}

/** Eq (8) bounds, plus the tighter upper bound obtained before the paper drops the min(1, .). */
export interface CollapseTimeBounds {
  lower: number;
  upper: number;
  /** 1 + sum_{k>=1} min(1, n (1 - S0)(1 - 1/n)^k) <= upper (not in the paper; same proof). */
  upperTight: number;
}

/**
 * Bounds on E[T] from E[T] = sum_{k>=0} P(T > k), P(T > 0) = 1 and Eq (7) for k >= 1.
 * lower = 1 + (1 - S0) s~ (n - 1)/(s~ - 1), upper = 1 + (1 - S0) n (n - 1). Source: Theorem 1, Eq (8).
 * @example collapseTimeBounds({ n: 20, S0: 0.38, support: 3 });
 * // => { lower: 18.67, upper: 236.6, upperTight: 69.08... }
 */
export function collapseTimeBounds(params: CollapseTimeParams): CollapseTimeBounds {
  const o = checkParams(params);
  const n = checkIntegerAtLeast(o.n, "n", 1);
  const [S0, support] = checkS0AndSupport(o.S0, o.support);
  if (S0 === 1) return { lower: 1, upper: 1, upperTight: 1 };
  const h = 1 - S0;
  return {
    lower: 1 + ((h * support) / (support - 1)) * (n - 1),
    upper: 1 + h * n * (n - 1),
    upperTight: sumMinOneGeometric([n * h], [n]),
  };
}
