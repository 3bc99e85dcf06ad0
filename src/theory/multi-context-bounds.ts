/**
 * Uniform (all-contexts) versions of Theorem 1, asked for by the reviewers and left open by the
 * paper's footnote 1 (not in the paper). Context j has n_j samples per generation, S0_j = ||p_j||^2
 * and support s~_j, and collapses at T_j. By Eq (7), for m >= 1,
 *   low_j(m) := (1 - S0_j)/(1 - 1/s~_j) (1 - 1/n_j)^m <= P(T_j > m) <= min(1, n_j (1 - S0_j)(1 - 1/n_j)^m) =: up_j(m).
 * No independence is needed for the union bounds:
 *   1 - sum_j up_j(m) <= P(all collapsed by m) <= min_j (1 - low_j(m)),
 *   max_j (lower E[T_j]) <= 1 + sum_{k>=1} max_j low_j(k) <= E[max_j T_j] <= 1 + sum_{k>=1} min(1, sum_j up_j(k)).
 * With one-hot contexts and fixed n_j the chains are independent, which gives the product bounds.
 */
import { checkIntegerAtLeast } from "../validate.ts";
import { oneMinusExp } from "./stable-powers.ts";
import { checkParams, checkS0AndSupport } from "./params.ts";
import { sumMinOneGeometric } from "./tail-sum.ts";

export const id = "multi-context-bounds";

/** One context: n samples per generation, S0 = ||p_j||^2, support = |supp p_j|. */
export interface ContextSpec {
  n: number;
  S0: number;
  support: number;
}

function checkContexts(x: unknown): ContextSpec[] {
  if (!Array.isArray(x)) throw new TypeError("contexts must be an array of { n, S0, support }");
  if (x.length === 0) throw new RangeError("contexts must have at least one entry");
  return x.map((c, j) => {
    const o = checkParams(c, `contexts[${j}]`);
    const n = checkIntegerAtLeast(o.n, `contexts[${j}].n`, 1);
    const [S0, support] = checkS0AndSupport(o.S0, o.support, `contexts[${j}].`);
    return { n, S0, support };
  });
}

/** log low_j(k) = log1p(-S0) - log1p(-1/s~) + k log1p(-1/n); -Infinity when S0 = 1. */
function logLow(c: ContextSpec, k: number): number {
  if (c.S0 === 1) return -Infinity;
  return Math.log1p(-c.S0) - Math.log1p(-1 / c.support) + (k === 0 ? 0 : k * Math.log1p(-1 / c.n));
}

/** log of n (1 - S0)(1 - 1/n)^k (not capped at 0). */
function logUp(c: ContextSpec, k: number): number {
  if (c.S0 === 1) return -Infinity;
  return Math.log(c.n) + Math.log1p(-c.S0) + (k === 0 ? 0 : k * Math.log1p(-1 / c.n));
}

/** Bounds on P(all contexts collapsed by m): union bounds (any dependence) and product bounds (independent contexts). */
export interface AllCollapsedBounds {
  lower: number;
  upper: number;
  lowerIndependent: number;
  upperIndependent: number;
}

/**
 * P(T_j <= m for all j): lower = max(0, 1 - sum_j min(1, n_j(1 - S0_j)(1 - 1/n_j)^m)),
 * upper = min_j [1 - (1 - S0_j)/(1 - 1/s~_j)(1 - 1/n_j)^m]; for independent contexts the products
 * prod_j (1 - up_j) and prod_j (1 - low_j). At m = 0, P(T_j > 0) = [S0_j < 1] is used exactly
 * (p^(0) is not on the 1/n grid, so Eq (7)'s lower side does not apply there).
 * Source: Theorem 1, Eq (7), per context, plus union / product (not in the paper).
 * @example multiContextCollapseProbabilityBounds({ contexts: [{ n: 20, S0: 0.38, support: 3 }, { n: 50, S0: 0.815, support: 3 }], m: 200 });
 * // => { lower: 0.8368..., upper: 0.9951..., lowerIndependent: 0.8369..., upperIndependent: 0.9950... }
 */
export function multiContextCollapseProbabilityBounds(params: { contexts: readonly ContextSpec[]; m: number }): AllCollapsedBounds {
  const o = checkParams(params);
  const contexts = checkContexts(o.contexts);
  const m = checkIntegerAtLeast(o.m, "m", 0);
  let sumUp = 0;
  let upper = 1;
  let logLowerInd = 0;
  let logUpperInd = 0;
  for (const c of contexts) {
    const lu = m === 0 ? (c.S0 < 1 ? 0 : -Infinity) : Math.min(0, logUp(c, m));
    const ll = logLow(c, m);
    sumUp += Math.exp(lu);
    const oneMinusLow = oneMinusExp(ll);
    if (oneMinusLow < upper) upper = oneMinusLow;
    logLowerInd += Math.log(oneMinusExp(lu));
    logUpperInd += Math.log(oneMinusLow);
  }
  return {
    lower: Math.max(0, 1 - sumUp),
    upper,
    lowerIndependent: Math.exp(logLowerInd),
    upperIndependent: Math.exp(logUpperInd),
  };
}

/** Bounds on E[max_j T_j], the generation by which every context has collapsed. */
export interface MaxCollapseTimeBounds {
  /** max_j of Eq (8)'s lower bound. */
  lower: number;
  /** 1 + sum_{k>=1} max_j low_j(k) (>= lower). */
  lowerEnvelope: number;
  /** 1 + sum_{k>=1} min(1, sum_j n_j (1 - S0_j)(1 - 1/n_j)^k), summed exactly. */
  upper: number;
}

/**
 * 1 + sum_{k>=1} max_j b_j f_j^k (b_j = (1 - S0_j)/(1 - 1/s~_j), f_j = 1 - 1/n_j), exactly: walk the
 * upper envelope of the lines log b_j + k log f_j from k = 1, switching at each crossing to the
 * flatter line that overtakes; each piece is a geometric sum b_j n_j (f_j^a - f_j^(b+1)).
 */
function envelopeSum(contexts: readonly ContextSpec[]): number {
  const lines = contexts
    .filter((c) => c.S0 < 1 && c.n > 1)
    .map((c) => ({ c0: logLow(c, 0), slope: Math.log1p(-1 / c.n), n: c.n }));
  if (lines.length === 0) return 1;
  const at = (l: (typeof lines)[number], k: number): number => l.c0 + k * l.slope;
  let cur = lines[0];
  for (const l of lines) if (at(l, 1) > at(cur, 1) || (at(l, 1) === at(cur, 1) && l.slope > cur.slope)) cur = l;
  let total = 1;
  let k = 1;
  for (;;) {
    let next: (typeof lines)[number] | undefined;
    let xNext = Infinity;
    for (const l of lines) {
      if (l.slope <= cur.slope) continue;
      const x = (cur.c0 - l.c0) / (l.slope - cur.slope);
      if (x < xNext || (x === xNext && next !== undefined && l.slope > next.slope)) {
        xNext = x;
        next = l;
      }
    }
    const piece = (a: number, b: number): number => cur.n * (Math.exp(cur.c0 + a * cur.slope) - (b === Infinity ? 0 : Math.exp(cur.c0 + (b + 1) * cur.slope)));
    if (next === undefined) return total + piece(k, Infinity);
    const last = Math.floor(xNext);
    if (last >= k) {
      total += piece(k, last);
      k = last + 1;
    }
    cur = next;
  }
}

/**
 * Bounds on E[max_j T_j] from E[max T] = sum_{k>=0} P(max T > k), P(max T > 0) = 1 (some S0_j < 1)
 * and the per-context Eq (7) bounds for k >= 1; the upper sum splits exactly where the min switches.
 * Source: Theorem 1, Eq (7)-(8), per context, plus union bound (not in the paper).
 * @example multiContextMaxCollapseTimeBounds({ contexts: [{ n: 20, S0: 0.38, support: 3 }] });
 * // => { lower: 18.67, lowerEnvelope: 18.67, upper: 69.08... }
 */
export function multiContextMaxCollapseTimeBounds(params: { contexts: readonly ContextSpec[] }): MaxCollapseTimeBounds {
  const o = checkParams(params);
  const contexts = checkContexts(o.contexts);
  let lower = 1;
  for (const c of contexts) {
    if (c.S0 === 1) continue;
    const v = 1 + (((1 - c.S0) * c.support) / (c.support - 1)) * (c.n - 1);
    if (v > lower) lower = v;
  }
  const upper = sumMinOneGeometric(
    contexts.map((c) => c.n * (1 - c.S0)),
    contexts.map((c) => c.n),
  );
  return { lower, lowerEnvelope: Math.max(lower, envelopeSum(contexts)), upper };
}
