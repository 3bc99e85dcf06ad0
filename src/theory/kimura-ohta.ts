/**
 * Diffusion (Kimura-Ohta / Littler) approximations for the Fully Synthetic chain, i.e. haploid
 * Wright-Fisher with population n (spec 4.4, classical, not in the paper):
 *   E[T] ~ -2n sum_i (1 - p_i) ln(1 - p_i)   (mean time to total collapse),
 *   two tokens: time to lose token k given it is lost ~ -2n p_k ln p_k/(1 - p_k),
 *               time to fix token k given it fixes ~ -2n (1 - p_k) ln(1 - p_k)/p_k.
 */
import { checkDistribution, checkIntegerAtLeast, checkProbability } from "../validate.ts";
import { checkParams } from "./params.ts";

export const id = "kimura-ohta";

/** -(1 - x) ln(1 - x) for x in [0, 1] (0 at both ends), with ln(1 - x) = log1p(-x). */
function entropyTermOneMinus(x: number): number {
  return x === 1 ? 0 : -(1 - x) * Math.log1p(-x);
}

/** -x ln x for x in [0, 1] (0 at both ends); ln x = log1p(-(1 - x)) for x > 1/2. */
function entropyTerm(x: number): number {
  if (x === 0) return 0;
  return -x * (x > 0.5 ? Math.log1p(-(1 - x)) : Math.log(x));
}

/**
 * Diffusion approximation of E[T]: -2n sum_i (1 - p_i) ln(1 - p_i). Slightly high (about 5%) at
 * small n. Source: spec 4.4 (Kimura-Ohta).
 * @example kimuraOhtaCollapseTime({ n: 20, p: [0.5, 0.3, 0.2] }); // => 30.99 (approx)
 */
export function kimuraOhtaCollapseTime(params: { n: number; p: readonly number[] }): number {
  const o = checkParams(params);
  const n = checkIntegerAtLeast(o.n, "n", 1);
  const p = checkDistribution(o.p, "p");
  let sum = 0;
  for (const pi of p) sum += entropyTermOneMinus(Math.min(1, pi));
  return 2 * n * sum;
}

/**
 * Uniform p over s tokens: 2n (s - 1) ln(s/(s - 1)) = -2n (s - 1) log1p(-1/s), increasing to 2n.
 * Source: spec 4.4.
 * @example kimuraOhtaUniform({ n: 30, s: 10 }); // => 56.9 (approx)
 */
export function kimuraOhtaUniform(params: { n: number; s: number }): number {
  const o = checkParams(params);
  const n = checkIntegerAtLeast(o.n, "n", 1);
  const s = checkIntegerAtLeast(o.s, "s", 1);
  return s === 1 ? 0 : -2 * n * (s - 1) * Math.log1p(-1 / s);
}

/** The two-token diffusion times for token k with initial frequency pk. */
export interface TwoTokenTimes {
  /** -2n [pk ln pk + (1 - pk) ln(1 - pk)]: mean time until one of the two tokens is lost. */
  absorption: number;
  /** -2n pk ln pk/(1 - pk): mean time to lose token k, given it is lost (2n at pk = 1). */
  lossGivenLoss: number;
  /** -2n (1 - pk) ln(1 - pk)/pk: mean time to fix token k, given it fixes (2n at pk = 0). */
  fixationGivenFixation: number;
}

/**
 * Two-token (or one token against the rest) diffusion times: unconditional absorption time and the
 * conditional loss and fixation times. Source: spec 4.4.
 * @example kimuraOhtaTwoToken({ n: 10, pk: 0.5 }); // => { absorption: 13.86..., lossGivenLoss: 13.86..., fixationGivenFixation: 13.86... }
 */
export function kimuraOhtaTwoToken(params: { n: number; pk: number }): TwoTokenTimes {
  const o = checkParams(params);
  const n = checkIntegerAtLeast(o.n, "n", 1);
  const pk = checkProbability(o.pk, "pk");
  const a = entropyTerm(pk);
  const b = entropyTermOneMinus(pk);
  return {
    absorption: 2 * n * (a + b),
    lossGivenLoss: pk === 1 ? 2 * n : (2 * n * a) / (1 - pk),
    fixationGivenFixation: pk === 0 ? 2 * n : (2 * n * b) / pk,
  };
}
