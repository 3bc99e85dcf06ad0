/**
 * The Partially Synthetic chain computed exactly: the N real samples are fixed, with counts
 * r = N p^(1), and for m >= 2, p^(m) = (r + Y^(m)) / (N + n) with Y^(m) ~ Multinomial(n, p^(m-1)).
 * The state is Y (a composition of n over the tokens of r); its distribution is propagated.
 */
import { compositionCount, createCompositionIndex } from "./compositions.ts";
import { logFactorials } from "./logFactorials.ts";
import { multinomialPmfWithTails } from "./multinomialPmf.ts";
import { LOG_TINY } from "./fullySyntheticLevels.ts";
import { supportOf } from "./firstStepExpectations.ts";
import { checkStateSpace, MAX_EXACT_STATES } from "./stateSpaceLimit.ts";
import { checkDistribution, checkIntegerAtLeast } from "../validate.ts";

/** Exact moments for m = 0..M (arrays of length M + 1). */
export interface PartiallySyntheticTrajectory {
  /** S_m = E ||p^(m)||_2^2 (S_0 = ||p||^2, S_1 = E ||r/N||^2). */
  S: number[];
  /** E ||p^(m) - p^(1)||_2^2 (m = 0: E ||p - p^(1)||_2^2; m = 1: 0). Sect. 4.3: equals S_m - S_1 for m >= 1. */
  l2FromFirst: number[];
  /** E ||p^(m) - p^(1)||_1 (Theorem 3 bounds it for m >= 2). */
  l1FromFirst: number[];
}

/** Work limit (multiply-adds) of the average over r: C(N+s-1, s-1) * C(n+s-1, s-1)^2 * M. */
export const MAX_AVERAGE_WORK = 3e9;

/**
 * Checks real counts r against p: non-negative integers, length s, sum N >= 1, r_i = 0 where p_i = 0.
 * @example checkRealCounts([3, 1], Float64Array.of(0.5, 0.5)); // => 4
 */
export function checkRealCounts(real: ArrayLike<number>, p: Float64Array): number {
  if (real.length !== p.length) throw new RangeError(`real must have ${p.length} entries (one per token of p), has ${real.length}`);
  let N = 0;
  for (let i = 0; i < real.length; i++) {
    checkIntegerAtLeast(real[i], `real[${i}]`, 0);
    if (real[i] > 0 && p[i] === 0) throw new RangeError(`real[${i}] must be 0 where p[${i}] = 0, got ${real[i]}`);
    N += real[i];
  }
  checkIntegerAtLeast(N, "N (sum of real)", 1);
  return N;
}

/**
 * Exact S_m, E||p^(m) - p^(1)||_2^2 and E||p^(m) - p^(1)||_1 for m = 0..M given the real counts r.
 * Cost: a dense C(n + k - 1, k - 1)^2 kernel (k = |supp r|) and M - 1 products with it.
 * Compare Theorem 2, Eq (9) (which averages over r ~ Multinomial(N, p)).
 * @example partiallySyntheticTrajectory([0.5, 0.5], [1, 1], 1, 2).S; // => [0.5, 0.5, 0.5555555555555556]
 */
export function partiallySyntheticTrajectory(
  p: ArrayLike<number>,
  real: ArrayLike<number>,
  n: number,
  M: number,
  maxStates = MAX_EXACT_STATES,
): PartiallySyntheticTrajectory {
  const pv = checkDistribution(p, "p");
  checkRealCounts(real, pv);
  checkIntegerAtLeast(n, "n", 1);
  checkIntegerAtLeast(M, "M", 0);
  checkStateSpace(n, supportOf(real).length, "n", maxStates);
  return trajectoryGivenReal(pv, Int32Array.from(real), n, M);
}

/**
 * The same moments averaged over the real data, r ~ Multinomial(N, p): sum_r Mult(N, p)(r) x (moments given r).
 * Throws a RangeError naming N when C(N+s~-1, s~-1) C(n+s~-1, s~-1)^2 M exceeds MAX_AVERAGE_WORK.
 * Theorem 2, Eq (9) ("+" sign) gives S_m in closed form.
 * @example partiallySyntheticAveragedTrajectory([0.5, 0.5], 1, 1, 1).S; // => [0.5, 1]
 */
export function partiallySyntheticAveragedTrajectory(
  p: ArrayLike<number>,
  N: number,
  n: number,
  M: number,
  maxStates = MAX_EXACT_STATES,
): PartiallySyntheticTrajectory {
  const pv = checkDistribution(p, "p");
  checkIntegerAtLeast(N, "N", 1);
  checkIntegerAtLeast(n, "n", 1);
  checkIntegerAtLeast(M, "M", 0);
  const support = supportOf(pv);
  const k = support.length;
  checkStateSpace(n, k, "n", maxStates);
  const reals = compositionCount(N, k);
  const work = reals * compositionCount(n, k) ** 2 * Math.max(M, 1);
  if (reals > 1e6 || work > MAX_AVERAGE_WORK) {
    throw new RangeError(
      `N: averaging over the ${reals} real-count vectors (compositions of N = ${N} into ${k} parts) needs about ${work.toExponential(1)} operations, more than ${MAX_AVERAGE_WORK.toExponential(0)}; pass fixed real counts instead`,
    );
  }
  const w = Float64Array.from(support, (i) => pv[i]);
  const tail = new Float64Array(k + 1);
  for (let i = k - 1; i >= 0; i--) tail[i] = tail[i + 1] + w[i];
  const rIndex = createCompositionIndex(N, k);
  const out: PartiallySyntheticTrajectory = {
    S: new Array<number>(M + 1).fill(0),
    l2FromFirst: new Array<number>(M + 1).fill(0),
    l1FromFirst: new Array<number>(M + 1).fill(0),
  };
  const r = new Int32Array(pv.length);
  for (let c = 0; c < rIndex.count; c++) {
    const weight = multinomialPmfWithTails(rIndex.states, c * k, w, tail, N);
    if (weight === 0) continue;
    r.fill(0);
    for (let t = 0; t < k; t++) r[support[t]] = rIndex.states[c * k + t];
    const tr = trajectoryGivenReal(pv, r, n, M);
    for (let m = 0; m <= M; m++) {
      out.S[m] += weight * tr.S[m];
      out.l2FromFirst[m] += weight * tr.l2FromFirst[m];
      out.l1FromFirst[m] += weight * tr.l1FromFirst[m];
    }
  }
  let S0 = 0;
  for (const v of pv) S0 += v * v;
  out.S[0] = S0;
  return out;
}

function trajectoryGivenReal(p: Float64Array, real: Int32Array, n: number, M: number): PartiallySyntheticTrajectory {
  const N = real.reduce((a, b) => a + b, 0);
  const s = p.length;
  let S0 = 0;
  let d2 = 0;
  let d1 = 0;
  let S1 = 0;
  for (let i = 0; i < s; i++) {
    const q = real[i] / N;
    S0 += p[i] * p[i];
    S1 += q * q;
    d2 += (p[i] - q) ** 2;
    d1 += Math.abs(p[i] - q);
  }
  const out: PartiallySyntheticTrajectory = { S: [S0], l2FromFirst: [d2], l1FromFirst: [d1] };
  if (M >= 1) {
    out.S.push(S1);
    out.l2FromFirst.push(0);
    out.l1FromFirst.push(0);
  }
  if (M < 2) return out;
  const support = supportOf(real);
  const k = support.length;
  const r = Float64Array.from(support, (i) => real[i]);
  const all = createCompositionIndex(n, k);
  const dim = all.count;
  const states = all.states;
  const total = N + n;
  // per state y: sigma, squared and absolute distance of (r + y)/(N + n) from r/N
  const f = new Float64Array(dim);
  const g2 = new Float64Array(dim);
  const g1 = new Float64Array(dim);
  const coef = new Float64Array(dim);
  const logFact = logFactorials(n);
  for (let c = 0; c < dim; c++) {
    let a = 0;
    let b = 0;
    let e = 0;
    let lc = logFact[n];
    for (let i = 0; i < k; i++) {
      const y = states[c * k + i];
      const q = (r[i] + y) / total;
      const dev = q - r[i] / N;
      a += q * q;
      b += dev * dev;
      e += Math.abs(dev);
      lc -= logFact[y];
    }
    f[c] = a;
    g2[c] = b;
    g1[c] = e;
    coef[c] = lc;
  }
  const tail = new Float64Array(k + 1);
  for (let i = k - 1; i >= 0; i--) tail[i] = tail[i + 1] + r[i];
  let v = new Float64Array(dim);
  for (let c = 0; c < dim; c++) v[c] = multinomialPmfWithTails(states, c * k, r, tail, n);
  const K = new Float64Array(dim * dim);
  const lo = new Int32Array(dim).fill(dim);
  const hi = new Int32Array(dim);
  const wy = new Float64Array(k);
  const logq = new Float64Array(k);
  for (let c = 0; c < dim; c++) {
    for (let i = 0; i < k; i++) {
      wy[i] = r[i] + states[c * k + i];
      logq[i] = Math.log(wy[i] / total);
    }
    for (let i = k - 1; i >= 0; i--) tail[i] = tail[i + 1] + wy[i];
    const row = c * dim;
    for (let x = 0; x < dim; x++) {
      let lp = coef[x];
      for (let i = 0; i < k; i++) {
        const xi = states[x * k + i];
        if (xi !== 0) lp += xi * logq[i];
      }
      if (lp < LOG_TINY) continue;
      const pr = multinomialPmfWithTails(states, x * k, wy, tail, n);
      if (pr === 0) continue;
      K[row + x] = pr;
      if (x < lo[c]) lo[c] = x;
      hi[c] = x + 1;
    }
  }
  let next = new Float64Array(dim);
  for (let m = 2; m <= M; m++) {
    if (m > 2) {
      next.fill(0);
      for (let c = 0; c < dim; c++) {
        const vc = v[c];
        if (vc === 0) continue;
        const row = c * dim;
        for (let x = lo[c]; x < hi[c]; x++) next[x] += vc * K[row + x];
      }
      const tmp = v;
      v = next;
      next = tmp;
    }
    let a = 0;
    let b = 0;
    let e = 0;
    for (let c = 0; c < dim; c++) {
      a += v[c] * f[c];
      b += v[c] * g2[c];
      e += v[c] * g1[c];
    }
    out.S.push(a);
    out.l2FromFirst.push(b);
    out.l1FromFirst.push(e);
  }
  return out;
}
