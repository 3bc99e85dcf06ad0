/**
 * The check's own oracle for the conditional two-token times (spec 4.4): the s = 2 Fully
 * Synthetic chain, state x = count of token 1 in 0..n, solved densely as an absorbing chain.
 * With Q the interior block (x = 1..n-1) of P(x, y) = Bin(n, x/n)(y),
 *   (I - Q) u = P(., 0)     u(x) = P(token 1 lost | x),
 *   (I - Q) w = u           w(x) = E[T_rest 1{lost} | x]  (from w = sum_y P(x, y)(u(y) + w(y)), u harmonic),
 * and the same with v = 1 - u (fixation) and z. From p^(0) = (pk, 1 - pk), not necessarily on the
 * 1/n grid, one step X^(1) ~ Bin(n, pk) enters the chain and T >= 1:
 *   E[T 1{lost}] = sum_y Bin(n, pk)(y) (u(y) + w(y)),   E[T | lost] = E[T 1{lost}] / P(lost).
 */
import { binomialPmf, luFactor, luSolve } from "../../exact/index.ts";
import { checkIntegerAtLeast, checkInInterval } from "../../validate.ts";

/** Exact two-token quantities for token 1 with p_1^(0) = pk. */
export interface TwoTokenConditionalTimes {
  /** P(token 1 eventually lost) (= 1 - pk by Proposition 1). */
  lossProbability: number;
  /** P(token 1 eventually fixed) (= pk). */
  fixationProbability: number;
  /** E[T], T = first m >= 1 with one token lost. */
  absorption: number;
  /** E[T | token 1 lost]. */
  lossGivenLoss: number;
  /** E[T | token 1 fixed]. */
  fixationGivenFixation: number;
}

/** Largest n accepted (a dense (n - 1) x (n - 1) LU; n = 1000 takes well under a second). */
export const MAX_TWO_TOKEN_N = 1000;

/**
 * Exact E[T | token 1 lost] and E[T | token 1 fixed] of the s = 2 Fully Synthetic chain with n
 * samples per generation from p^(0) = (pk, 1 - pk), 0 < pk < 1, n >= 2. Cost O(n^3).
 * Source: first-step analysis of the absorbing chain (Kemeny-Snell); spec 4.4.
 * @example twoTokenConditionalTimes(2, 0.5).lossGivenLoss; // => 2 (T is geometric(1/2), independent of the end state)
 */
export function twoTokenConditionalTimes(n: number, pk: number): TwoTokenConditionalTimes {
  checkIntegerAtLeast(n, "n", 2);
  if (n > MAX_TWO_TOKEN_N) throw new RangeError(`n must be at most ${MAX_TWO_TOKEN_N}, got ${n}`);
  checkInInterval(pk, "pk", 0, 1, true);
  const dim = n - 1;
  const a = new Float64Array(dim * dim);
  // Right-hand sides, one row per interior state: [P(x -> 0), P(x -> n)].
  const b = new Float64Array(dim * 2);
  for (let x = 1; x < n; x++) {
    const q = x / n;
    const r = (n - x) / n;
    const row = (x - 1) * dim;
    for (let y = 1; y < n; y++) a[row + y - 1] = (x === y ? 1 : 0) - binomialPmf(y, n, q, r);
    b[(x - 1) * 2] = binomialPmf(0, n, q, r);
    b[(x - 1) * 2 + 1] = binomialPmf(n, n, q, r);
  }
  const lu = luFactor(a, dim);
  const uv = luSolve(lu, b, 2);
  const wz = luSolve(lu, uv, 2);
  const first = (y: number): number => binomialPmf(y, n, pk, 1 - pk);
  let lost = first(0);
  let fixed = first(n);
  let timeLost = lost;
  let timeFixed = fixed;
  for (let y = 1; y < n; y++) {
    const pr = first(y);
    const u = uv[(y - 1) * 2];
    const v = uv[(y - 1) * 2 + 1];
    lost += pr * u;
    fixed += pr * v;
    timeLost += pr * (u + wz[(y - 1) * 2]);
    timeFixed += pr * (v + wz[(y - 1) * 2 + 1]);
  }
  return {
    lossProbability: lost,
    fixationProbability: fixed,
    absorption: timeLost + timeFixed,
    lossGivenLoss: timeLost / lost,
    fixationGivenFixation: timeFixed / fixed,
  };
}
