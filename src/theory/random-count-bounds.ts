/**
 * Theorem 1 with a random per-context sample count (reviewers' question; not in the paper). If context
 * j is trained on a random number n^(t) of pairs in generation t, and conditional on n^(t) the update
 * is Mult(n^(t), p^(t-1))/n^(t), then E[1 - sigma_t | past, n^(t)] = (1 - 1/n^(t))(1 - sigma_{t-1}).
 * PREMISE of every formula here: the counts n^(1), n^(2), ... are i.i.d., >= 1, independent of this
 * context's chain, and the update given the count is that multinomial. Text written autoregressively
 * by an l-gram model does NOT satisfy it in general: n_j^(t) depends on every context's p^(t-1) (so
 * the counts are neither i.i.d. nor independent of the chains), on context j's own draws (a token
 * drawn at j decides where the text goes next), and given n_j the tokens at j are not multinomial
 * (Eq (2) on a Markov text is biased: s = 2, L = 2 from context 0, E[p_00^(1)] = a (1 + a) / 2 with
 * a = p_00^(0); src/exact/multiContextExact.test.ts). So these bounds are claimed, and checked
 * (random-count-*), only where the premise holds exactly (text that restarts after every token);
 * the dependent loop is held to its exact law instead (contexts-markov-text-exact).
 * With F := E[1 - 1/n] (the mixed per-step factor, F <= 1 - 1/E[n] by Jensen: random counts
 * collapse faster than fixed E[n]):
 *   S_m = 1 - F^m (1 - S_0),
 *   1 - E[n - 1] F^(m-1) (1 - S_0) <= rho_m <= 1 - [(1 - S_0)/(1 - 1/s~)] F^m        (m >= 1),
 *   1 + [(1 - S_0)/(1 - 1/s~)] F/(1 - F) <= E[T] <= 1 + sum_{k>=1} min(1, E[n - 1](1 - S_0) F^(k-1)).
 * Lower side of rho: off collapse ||p^(m)||_inf <= 1 - 1/n^(m), so 1[T > m] <= n^(m)(1 - sigma_m), and
 * E[n^(m)(1 - sigma_m)] = E[n^(m) - 1] E[1 - sigma_{m-1}] by independence. Fixed n recovers Eq (6)-(8).
 */
import { checkDistribution, checkIntegerAtLeast, checkProbability } from "../validate.ts";
import { oneMinusExp } from "./stable-powers.ts";
import { checkParams, checkS0AndSupport } from "./params.ts";
import { sumMinOneGeometric } from "./tail-sum.ts";

export const id = "random-count-bounds";

/** The law of the per-generation count: values (integers >= 1) with probabilities. */
export interface CountLaw {
  values: readonly number[];
  probabilities: readonly number[];
}

/** E[1 - 1/n] (F), its complement E[1/n], E[n - 1], and log F. */
export interface MixedFactor {
  F: number;
  oneMinusF: number;
  logF: number;
  expectedNMinusOne: number;
}

function checkLaw(o: Record<string, unknown>): MixedFactor {
  if (!Array.isArray(o.values)) throw new TypeError("values must be an array of integers >= 1");
  const probs = checkDistribution(o.probabilities, "probabilities");
  if (o.values.length !== probs.length) {
    throw new RangeError(`values must have the length of probabilities (${probs.length}), got ${o.values.length}`);
  }
  let F = 0;
  let G = 0;
  let e = 0;
  o.values.forEach((v, i) => {
    const n = checkIntegerAtLeast(v, `values[${i}]`, 1);
    F += probs[i] * (1 - 1 / n);
    G += probs[i] / n;
    e += probs[i] * (n - 1);
  });
  return { F, oneMinusF: G, logF: Math.log1p(-G), expectedNMinusOne: e };
}

/**
 * The mixed per-step factor F = E[1 - 1/n] for a count law (and E[n - 1]). Source: spec 1.1
 * (reconstructed note on random n_j); not in the paper.
 * @example mixedStepFactor({ values: [10, 30], probabilities: [0.5, 0.5] }).F; // => 0.9333... (< 1 - 1/20)
 */
export function mixedStepFactor(params: CountLaw): MixedFactor {
  return checkLaw(checkParams(params));
}

/**
 * S_m = 1 - F^m (1 - S_0) under random i.i.d. counts. Source: Eq (6) with the mixed factor (not in the paper).
 * @example randomCountSm({ values: [10, 30], probabilities: [0.5, 0.5], S0: 0.38, m: 10 }); // => 0.6890...
 */
export function randomCountSm(params: CountLaw & { S0: number; m: number }): number {
  const o = checkParams(params);
  const { logF } = checkLaw(o);
  const S0 = checkProbability(o.S0, "S0");
  const m = checkIntegerAtLeast(o.m, "m", 0);
  if (m === 0) return S0;
  const f = Math.exp(m * logF);
  return oneMinusExp(m * logF) + f * S0;
}

/**
 * Bounds on rho_m = P(T <= m) under random counts (see the file comment); at m = 0 `lower` is the
 * exact rho_0. Source: Eq (7) with the mixed factor (not in the paper).
 * @example randomCountCollapseProbabilityBounds({ values: [10, 30], probabilities: [0.5, 0.5], S0: 0.38, support: 3, m: 100 });
 * // => { lower: 0.9872..., upper: 0.9990... }
 */
export function randomCountCollapseProbabilityBounds(params: CountLaw & { S0: number; support: number; m: number }): { lower: number; upper: number } {
  const o = checkParams(params);
  const { logF, expectedNMinusOne } = checkLaw(o);
  const [S0, support] = checkS0AndSupport(o.S0, o.support);
  const m = checkIntegerAtLeast(o.m, "m", 0);
  if (S0 === 1) return { lower: 1, upper: 1 };
  const logH = Math.log1p(-S0);
  const upper = oneMinusExp(logH - Math.log1p(-1 / support) + (m === 0 ? 0 : m * logF));
  if (m === 0) return { lower: 0, upper };
  const lower = oneMinusExp(Math.log(expectedNMinusOne) + logH + (m === 1 ? 0 : (m - 1) * logF));
  return { lower, upper };
}

/**
 * Bounds on E[T] under random counts: lower 1 + b F/(1 - F), upper 1 + sum_{k>=1} min(1, E[n-1](1 - S0) F^(k-1))
 * summed exactly (F = 1 - 1/n_eff with n_eff = 1/(1 - F)). Source: Eq (8) with the mixed factor (not in the paper).
 * @example randomCountCollapseTimeBounds({ values: [20], probabilities: [1], S0: 0.38, support: 3 });
 * // => { lower: 18.67, upper: 69.08... } (the fixed-n values)
 */
export function randomCountCollapseTimeBounds(params: CountLaw & { S0: number; support: number }): { lower: number; upper: number } {
  const o = checkParams(params);
  const { F, oneMinusF, expectedNMinusOne } = checkLaw(o);
  const [S0, support] = checkS0AndSupport(o.S0, o.support);
  if (S0 === 1 || F === 0) return { lower: 1, upper: 1 };
  const nEff = 1 / oneMinusF;
  const lower = 1 + (((1 - S0) * support) / (support - 1)) * (F / oneMinusF);
  const upper = sumMinOneGeometric([(expectedNMinusOne * (1 - S0)) / F], [nEff]);
  return { lower, upper };
}
