/**
 * Theorem 4 (App. B.3), Partially Synthetic, for k >= 1:
 *   E||p^(k+1) - p^(1)||_1 < (1/N) sqrt(n pi/phi(zeta)) G_n(s),                      (16)
 *   zeta = 1/2 - (1/2 - 2 E[lambda(p^(1))]) (N/(N+n))^2,  lambda(q) = max_A q(A) q(A^c).
 * The proof's step E[lambda_{k+1}] <= (N^2 E lambda_1 + Nn + n^2/4)/(N+n)^2 is right, but its
 * rewriting as 1/4 - (1/4 - E lambda_1)(N/(N+n))^2 drops Nn/(2(N+n)^2) (spec, Theorem 4). The safe
 * choice is zeta' = min{1/2, zeta + Nn/(N+n)^2}. Both are offered, as is the per-pair inequality,
 * so that a property test can refute the printed step (thm4-printed-step: refuted pair by pair, by
 * realizable pairs). The expectation-level form the proof needs, E[lambda_{k+1}] <= printed bound in
 * E[lambda_1], is not refuted on exact chains (thm4-expectation-step) and is unproven, so the
 * printed zeta is unproven, not refuted.
 */
import { checkChoice, checkDistribution, checkInInterval, checkIntegerAtLeast } from "../validate.ts";
import { gnRegimeUnchecked, type GnRegime, logGnUnchecked, phiUnchecked, piUnchecked, type PiMethod } from "./lemma1-l1-concentration.ts";
import { checkParams } from "./params.ts";

export const id = "thm4-general-bound";

/** lambda(q) with an upper bound (equal for small supports) and the method of pi_q. */
export interface LambdaResult {
  value: number;
  upper: number;
  method: PiMethod;
}

/**
 * lambda without checks: pi (1 - pi), increasing in pi on [0, 1/2].
 * @example lambdaUnchecked([0.4, 0.35, 0.25]).value; // => 0.24
 */
export function lambdaUnchecked(p: ArrayLike<number>): LambdaResult {
  const r = piUnchecked(p);
  return { value: r.value * (1 - r.value), upper: r.upper * (1 - r.upper), method: r.method };
}

/**
 * lambda(p) = max_{A subset [s]} p(A) p([s] minus A) = pi_p (1 - pi_p), via pi_p of Lemma 1 (exact
 * for supports up to 36, else greedy with an upper bound). Source: proof of Theorem 4.
 * @example lambdaP({ p: [0.5, 0.3, 0.2] }).value; // => 0.25
 */
export function lambdaP(params: { p: readonly number[] }): LambdaResult {
  const o = checkParams(params);
  return lambdaUnchecked(checkDistribution(o.p, "p"));
}

function checkNn(o: Record<string, unknown>): [number, number] {
  return [checkIntegerAtLeast(o.N, "N", 1), checkIntegerAtLeast(o.n, "n", 1)];
}

/** zeta as printed and the safe zeta' (Theorem 4). */
export interface Zeta {
  printed: number;
  safe: number;
}

/**
 * Both zetas without checks; a = n/(N+n), 1 - a = N/(N+n).
 * @example zetaUnchecked(100, 100, 0.2); // => { printed: 0.475, safe: 0.5 }
 */
export function zetaUnchecked(N: number, n: number, expectedLambda1: number): Zeta {
  const a = n / (N + n);
  const printed = 0.5 - (0.5 - 2 * expectedLambda1) * (1 - a) * (1 - a);
  return { printed, safe: Math.min(0.5, printed + a * (1 - a)) };
}

/**
 * zeta = 1/2 - (1/2 - 2 E lambda_1)(N/(N+n))^2 as printed, and zeta' = min{1/2, zeta + Nn/(N+n)^2}.
 * `expectedLambda1` is E[lambda(p^(1))] (or an upper bound on it), in [0, 1/4]. Source: Theorem 4.
 * @example thm4Zeta({ N: 100, n: 100, expectedLambda1: 0.2 }); // => { printed: 0.475, safe: 0.5 }
 */
export function thm4Zeta(params: { N: number; n: number; expectedLambda1: number }): Zeta {
  const o = checkParams(params);
  const [N, n] = checkNn(o);
  return zetaUnchecked(N, n, checkInInterval(o.expectedLambda1, "expectedLambda1", 0, 0.25));
}

/** Which zeta to put in Eq (16). */
export type ZetaChoice = "printed" | "safe";
const ZETAS: readonly ZetaChoice[] = ["printed", "safe"];

/** Eq (16) with the zeta and phi(zeta) used. */
export interface Thm4Bound {
  value: number;
  log: number;
  zeta: number;
  phi: number;
  regime: GnRegime;
}

/**
 * E||p^(k+1) - p^(1)||_1 < (1/N) sqrt(n pi/phi(zeta)) G_n(s), k >= 1, with zeta "safe" (default,
 * zeta') or "printed". Never above Theorem 3's bound since phi >= 2. Source: Theorem 4, Eq (16).
 * @example thm4DeviationBound({ N: 100, n: 10, s: 3, expectedLambda1: 0.1 }).value; // => 0.2332...
 */
export function thm4DeviationBound(params: { N: number; n: number; s: number; expectedLambda1: number; zeta?: ZetaChoice }): Thm4Bound {
  const o = checkParams(params);
  const [N, n] = checkNn(o);
  const s = checkIntegerAtLeast(o.s, "s", 1);
  const lambda1 = checkInInterval(o.expectedLambda1, "expectedLambda1", 0, 0.25);
  const choice = o.zeta === undefined ? "safe" : checkChoice(o.zeta, "zeta", ZETAS);
  const zeta = zetaUnchecked(N, n, lambda1)[choice];
  const ph = phiUnchecked(zeta);
  const log = -Math.log(N) + 0.5 * (Math.log(n * Math.PI) - Math.log(ph)) + logGnUnchecked(n, s);
  return { value: Math.exp(log), log, zeta, phi: ph, regime: gnRegimeUnchecked(n, s) };
}

/**
 * lambda((N p1 + n pHat)/(N + n)): the left side of the proof's step for one concrete pair
 * (p^(1), p_hat^(k)) (Eq (17)). Source: proof of Theorem 4.
 * @example lambdaOfMixture({ N: 3, n: 1, p1: [1, 0], pHat: [0, 1] }); // => 0.1875 (= Nn/(N+n)^2)
 */
export function lambdaOfMixture(params: { N: number; n: number; p1: readonly number[]; pHat: readonly number[] }): number {
  const o = checkParams(params);
  const [N, n] = checkNn(o);
  const p1 = checkDistribution(o.p1, "p1");
  const pHat = checkDistribution(o.pHat, "pHat");
  if (pHat.length !== p1.length) throw new RangeError(`pHat must have the length of p1 (${p1.length}), got ${pHat.length}`);
  const a = n / (N + n);
  const q = p1.map((x, i) => (1 - a) * x + a * pHat[i]);
  return lambdaUnchecked(q).value;
}

/**
 * The printed step: E[lambda_{k+1}] <= 1/4 - (1/4 - E lambda_1)(N/(N+n))^2, evaluated as
 * (1-a)^2 lambda1 + a(1-a)/2 + a^2/4, a = n/(N+n). Fails for p1 = delta_1, pHat = delta_2 when
 * n < 2N. Source: proof of Theorem 4 (as printed).
 * @example printedLambdaStepBound({ N: 3, n: 1, lambda1: 0 }); // => 0.109375 (< 0.1875 attained)
 */
export function printedLambdaStepBound(params: { N: number; n: number; lambda1: number }): number {
  const o = checkParams(params);
  const [N, n] = checkNn(o);
  const l = checkInInterval(o.lambda1, "lambda1", 0, 0.25);
  const a = n / (N + n);
  return (1 - a) * (1 - a) * l + (a * (1 - a)) / 2 + (a * a) / 4;
}

/**
 * The corrected step: E[lambda_{k+1}] <= (N^2 E lambda_1 + Nn + n^2/4)/(N+n)^2
 * = printed + Nn/(2(N+n)^2), i.e. (1-a)^2 lambda1 + a(1-a) + a^2/4. Holds pairwise because
 * q(A)q(A^c) = (1-a)^2 x(1-x) + a(1-a)[x(1-y) + y(1-x)] + a^2 y(1-y) with the cross term <= 1.
 * Source: proof of Theorem 4 (first expression), spec's correction.
 * @example correctedLambdaStepBound({ N: 3, n: 1, lambda1: 0 }); // => 0.203125
 */
export function correctedLambdaStepBound(params: { N: number; n: number; lambda1: number }): number {
  const o = checkParams(params);
  const [N, n] = checkNn(o);
  const l = checkInInterval(o.lambda1, "lambda1", 0, 0.25);
  const a = n / (N + n);
  return (1 - a) * (1 - a) * l + a * (1 - a) + (a * a) / 4;
}
