/**
 * The exact law of the collapse time T, of the first-loss time L, and the exact S_m of the Fully Synthetic chain, by
 * propagating the distribution of the sorted counts (partitions of n, `createLumpedIndex` with
 * fixed = 0): T and sigma_m only depend on the sorted counts.
 */
import { createCompositionIndex } from "./compositions.ts";
import { createLumpedIndex } from "./lumpedIndex.ts";
import { logFactorials } from "./logFactorials.ts";
import { multinomialPmfWithTails } from "./multinomialPmf.ts";
import { LOG_TINY } from "./fullySyntheticLevels.ts";
import { supportOf } from "./firstStepExpectations.ts";
import { checkFullySyntheticSize, MAX_EXACT_STATES } from "./stateSpaceLimit.ts";
import { checkDistribution, checkIntegerAtLeast } from "../validate.ts";

/** rho, survival and S for m = 0..M (arrays of length M + 1). */
export interface CollapseLaw {
  /** rho_m = P(||p^(m)||_inf = 1); for m >= 1 this is P(T <= m). rho_0 = 1 only for a Dirac p. */
  rho: number[];
  /** P(T > m), accumulated separately from rho so that values near 0 keep their relative accuracy. */
  survival: number[];
  /** S_m = E[sigma_m] = E ||p^(m)||_2^2. */
  S: number[];
  /** P(L > m), L = first m >= 1 with |supp p^(m)| < |supp p| (0 for all m >= 1 when p is a Dirac mass). */
  lossSurvival: number[];
}

/**
 * Propagates the sorted counts for M generations from p^(0) = p. Mass on the Dirac states is
 * accumulated from the one-step flows (x = n e_i has probability (y_i/n)^n), so rho_m is
 * non-decreasing and accurate also when tiny; survival_m is the mass left on transient states.
 * Cost: M products with a dense matrix over the transient partitions of n into <= |supp p| parts.
 * Source: Theorem 1 (rho_m, Eq 7; S_m, Eq 6), computed instead of bounded.
 * @example collapseLaw([0.5, 0.5], 2, 2).rho; // => [0, 0.5, 0.75]
 */
export function collapseLaw(p: ArrayLike<number>, n: number, M: number, maxStates = MAX_EXACT_STATES): CollapseLaw {
  const pv = checkDistribution(p, "p");
  checkIntegerAtLeast(n, "n", 1);
  checkIntegerAtLeast(M, "M", 0);
  const support = supportOf(pv);
  const k = support.length;
  let S0 = 0;
  for (const v of pv) S0 += v * v;
  if (k === 1) {
    const ones = new Array<number>(M + 1).fill(1);
    const zeros = new Array<number>(M + 1).fill(0);
    return { rho: ones, survival: zeros, S: ones.slice(), lossSurvival: [1, ...zeros.slice(1)] };
  }
  checkFullySyntheticSize(n, k, maxStates);
  const w = Float64Array.from(support, (i) => pv[i]);
  const all = createCompositionIndex(n, k);
  const lumped = createLumpedIndex(n, k, 0, false);
  const reps = lumped.representatives;
  const nc = lumped.count;
  // transient classes: at least two positive parts (the sorted representative has rep[1] > 0)
  const tIndex = new Int32Array(nc).fill(-1);
  const tReps: number[] = [];
  for (let c = 0; c < nc; c++) if (reps[c * k + 1] > 0) tIndex[c] = tReps.push(c) - 1;
  const dim = tReps.length;
  const sigma = new Float64Array(dim);
  const full = new Uint8Array(dim);
  for (let t = 0; t < dim; t++) {
    let s = 0;
    for (let i = 0; i < k; i++) s += (reps[tReps[t] * k + i] / n) ** 2;
    sigma[t] = s;
    full[t] = reps[tReps[t] * k + k - 1] > 0 ? 1 : 0;
  }
  const colT = new Int32Array(all.count);
  const isDirac = new Uint8Array(all.count);
  const logFact = logFactorials(n);
  const coef = new Float64Array(all.count);
  for (let c = 0; c < all.count; c++) {
    colT[c] = tIndex[lumped.classOfBase[c]];
    let lc = logFact[n];
    let positive = 0;
    for (let i = 0; i < k; i++) {
      const xi = all.states[c * k + i];
      lc -= logFact[xi];
      if (xi > 0) positive++;
    }
    coef[c] = lc;
    isDirac[c] = positive === 1 ? 1 : 0;
  }
  // first step from the real p (no truncation)
  const tail = new Float64Array(k + 1);
  for (let i = k - 1; i >= 0; i--) tail[i] = tail[i + 1] + w[i];
  let v = new Float64Array(dim);
  let absorbed = 0;
  for (let c = 0; c < all.count; c++) {
    const pr = multinomialPmfWithTails(all.states, c * k, w, tail, n);
    if (isDirac[c]) absorbed += pr;
    else v[colT[c]] += pr;
  }
  // lumped kernel among transient classes and the exit probability of each
  const K = new Float64Array(dim * dim);
  const exit = new Float64Array(dim);
  // non-zero columns of row t lie in [lo[t], hi[t]) (the kernel is banded for s = 2)
  const lo = new Int32Array(dim).fill(dim);
  const hi = new Int32Array(dim);
  const logq = new Float64Array(k);
  for (let t = 0; t < dim; t++) {
    const y = reps.subarray(tReps[t] * k, tReps[t] * k + k);
    for (let i = 0; i < k; i++) logq[i] = y[i] > 0 ? Math.log(y[i] / n) : -Infinity;
    for (let i = k - 1; i >= 0; i--) tail[i] = tail[i + 1] + y[i];
    const row = t * dim;
    for (let c = 0; c < all.count; c++) {
      const base = c * k;
      if (!isDirac[c]) {
        let lp = coef[c];
        for (let i = 0; i < k; i++) {
          const xi = all.states[base + i];
          if (xi !== 0) lp += xi * logq[i];
        }
        if (!(lp >= LOG_TINY)) continue;
      }
      const pr = multinomialPmfWithTails(all.states, base, y, tail, n);
      if (isDirac[c]) {
        exit[t] += pr;
      } else if (pr > 0) {
        const u = colT[c];
        K[row + u] += pr;
        if (u < lo[t]) lo[t] = u;
        if (u >= hi[t]) hi[t] = u + 1;
      }
    }
  }
  const rho = [0];
  const survival = [1];
  const S = [S0];
  const lossSurvival = [1];
  let next = new Float64Array(dim);
  for (let m = 1; m <= M; m++) {
    if (m > 1) {
      next.fill(0);
      for (let t = 0; t < dim; t++) {
        const vt = v[t];
        if (vt === 0) continue;
        absorbed += vt * exit[t];
        const row = t * dim;
        for (let u = lo[t]; u < hi[t]; u++) next[u] += vt * K[row + u];
      }
      const tmp = v;
      v = next;
      next = tmp;
    }
    let alive = 0;
    let s = 0;
    let intact = 0;
    for (let t = 0; t < dim; t++) {
      alive += v[t];
      s += v[t] * sigma[t];
      if (full[t]) intact += v[t];
    }
    rho.push(absorbed);
    survival.push(alive);
    S.push(absorbed + s);
    lossSurvival.push(intact);
  }
  return { rho, survival, S, lossSurvival };
}
