/**
 * The Fully Synthetic chain X^(m) | X^(m-1) ~ Multinomial(n, X^(m-1)/n) solved exactly, level by
 * level: a state with k tokens present only moves to states whose tokens are a subset, and by
 * exchangeability every set of k present tokens behaves like the first k. Within a level the
 * states are lumped (`createLumpedIndex`, fixed = 1): token 1's count, then the other counts
 * sorted. One dense system (I - Q) X = B per k = 2..maxSupport gives, on every transient state,
 * h = expected generations to total collapse, g = expected generations until some token is lost,
 * a1 = probability that the chain ends at the Dirac mass on token 1. B collects 1 (for h and g)
 * and the one-step flows into lower levels, whose values are already known.
 */
import { createCompositionIndex } from "./compositions.ts";
import { createLumpedIndex, type LumpedIndex } from "./lumpedIndex.ts";
import { logFactorials } from "./logFactorials.ts";
import { multinomialPmfWithTails } from "./multinomialPmf.ts";
import { luFactor, luSolve } from "./luSolve.ts";
import { checkFullySyntheticSize, MAX_EXACT_STATES } from "./stateSpaceLimit.ts";
import { checkIntegerAtLeast } from "../validate.ts";

/**
 * Transition probabilities below exp(LOG_TINY) = 1e-30 (judged by the fast lgamma sum, accurate
 * to 1e-12 relative) are dropped; the others are computed as products of binomials accurate to a
 * few ulps (`multinomialPmf`). A row loses at most
 * dim * 1e-30 of its mass, which moves h, g, a by about kappa * dim * 1e-30 relative (kappa, the
 * condition number, is of order E[T] <= n^2): below 1e-20 for every size the solvers accept.
 * It makes the s = 2 system banded (half-width about 11.7 sqrt(n)/2 instead of n).
 */
export const LOG_TINY = -30 * Math.LN10;

/** Solution on the states where exactly k tokens are present, each with count >= 1. */
export interface FullySyntheticLevel {
  readonly k: number;
  /** Lumped index of the interior states: token 1's count, then the others sorted. */
  readonly index: LumpedIndex;
  /** Expected number of generations until total collapse (h = 0 on Dirac states). */
  readonly h: Float64Array;
  /** Expected number of generations until fewer than k tokens are present. */
  readonly g: Float64Array;
  /** Probability that the chain ends at the Dirac mass on token 1 (the first position). */
  readonly a1: Float64Array;
}

/** Levels k = 2..maxSupport (entries 0 and 1 and levels with k > n are null). */
export interface FullySyntheticLevels {
  readonly n: number;
  readonly maxSupport: number;
  readonly levels: ReadonlyArray<FullySyntheticLevel | null>;
  /** ln k! for k = 0..n. */
  readonly logFact: Float64Array;
}

/** Values of h, g and a (per position of `x`) at one count state x. */
export interface StateValues {
  h: number;
  g: number;
  a: Float64Array;
  support: number;
}

/**
 * Solves every level k = 2..maxSupport of the Fully Synthetic count chain with sample size n.
 * Cost: per level one LU of the lumped interior (about C(n-1, k-1)/(k-1)! states). Throws a
 * RangeError naming n when a lumped system exceeds `maxStates` (`checkFullySyntheticSize`).
 * Source: absorbing Markov chain (Kemeny-Snell), the paper's Sect. 3 setting.
 * @example solveFullySyntheticLevels(2, 2).levels[2]?.h; // => Float64Array [2] (to rounding; from (1,1) stay w.p. 1/2)
 */
export function solveFullySyntheticLevels(n: number, maxSupport: number, maxStates = MAX_EXACT_STATES): FullySyntheticLevels {
  checkIntegerAtLeast(n, "n", 1);
  checkIntegerAtLeast(maxSupport, "support", 1);
  const top = Math.min(maxSupport, n);
  checkFullySyntheticSize(n, maxSupport, maxStates);
  const logFact = logFactorials(n);
  const levels: Array<FullySyntheticLevel | null> = [];
  const solved: FullySyntheticLevels = { n, maxSupport, levels, logFact };
  for (let k = 0; k <= maxSupport; k++) levels.push(null);
  for (let k = 2; k <= top; k++) levels[k] = solveLevel(solved, k);
  return solved;
}

/**
 * h, g, a at the count state x (entries >= 0 summing to n); x may have zeros.
 * On a Dirac state h = g = 0 and a is the indicator of the token held.
 * @example stateValues(solveFullySyntheticLevels(2, 2), [1, 1]).h; // => 2 (to rounding)
 */
export function stateValues(levels: FullySyntheticLevels, x: ArrayLike<number>): StateValues {
  const k = x.length;
  const a = new Float64Array(k);
  const present: number[] = [];
  for (let i = 0; i < k; i++) if (x[i] > 0) present.push(i);
  const j = present.length;
  if (j === 1) {
    a[present[0]] = 1;
    return { h: 0, g: 0, a, support: 1 };
  }
  const level = levels.levels[j];
  if (!level) throw new RangeError(`support: level ${j} was not solved (maxSupport ${levels.maxSupport})`);
  const y = new Int32Array(j);
  let first = -1;
  for (let t = 0; t < j; t++) {
    y[0] = x[present[t]];
    let u = 1;
    for (let q = 0; q < j; q++) if (q !== t) y[u++] = x[present[q]];
    const c = level.index.classOf(y);
    if (first < 0) first = c;
    a[present[t]] = level.a1[c];
  }
  return { h: level.h[first], g: level.g[first], a, support: j };
}

function solveLevel(solved: FullySyntheticLevels, k: number): FullySyntheticLevel {
  const { n, logFact } = solved;
  const index = createLumpedIndex(n, k, 1, true);
  const all = createCompositionIndex(n, k);
  const dim = index.count;
  const nrhs = 3;
  const states = all.states;
  // per column x: log multinomial coefficient, lumped interior class (or -1), boundary h and a1
  const coef = new Float64Array(all.count);
  const col = new Int32Array(all.count);
  const bh = new Float64Array(all.count);
  const ba = new Float64Array(all.count);
  for (let c = 0; c < all.count; c++) {
    let lc = logFact[n];
    let positive = 0;
    for (let i = 0; i < k; i++) {
      const xi = states[c * k + i];
      lc -= logFact[xi];
      if (xi > 0) positive++;
    }
    coef[c] = lc;
    if (positive === k) {
      col[c] = index.classOf(states, c * k);
    } else {
      col[c] = -1;
      const v = stateValues(solved, states.subarray(c * k, c * k + k));
      bh[c] = v.h;
      ba[c] = v.a[0];
    }
  }
  const A = new Float64Array(dim * dim);
  const B = new Float64Array(dim * nrhs);
  const logq = new Float64Array(k);
  const tail = new Float64Array(k + 1);
  const reps = index.representatives;
  for (let r = 0; r < dim; r++) {
    const w = reps.subarray(r * k, r * k + k);
    for (let i = 0; i < k; i++) logq[i] = Math.log(w[i] / n);
    for (let i = k - 1; i >= 0; i--) tail[i] = tail[i + 1] + w[i];
    const rowA = r * dim;
    const rowB = r * nrhs;
    for (let c = 0; c < all.count; c++) {
      let lp = coef[c];
      const base = c * k;
      for (let i = 0; i < k; i++) {
        const xi = states[base + i];
        if (xi !== 0) lp += xi * logq[i];
      }
      if (lp < LOG_TINY) continue;
      const pr = multinomialPmfWithTails(states, base, w, tail, n);
      const cc = col[c];
      if (cc >= 0) {
        A[rowA + cc] -= pr;
      } else {
        B[rowB] += pr * bh[c];
        B[rowB + 2] += pr * ba[c];
      }
    }
    A[rowA + r] += 1;
    B[rowB] += 1;
    B[rowB + 1] = 1;
  }
  const X = luSolve(luFactor(A, dim), B, nrhs);
  const h = new Float64Array(dim);
  const g = new Float64Array(dim);
  const a1 = new Float64Array(dim);
  for (let r = 0; r < dim; r++) {
    h[r] = X[r * nrhs];
    g[r] = X[r * nrhs + 1];
    a1[r] = X[r * nrhs + 2];
  }
  return { k, index, h, g, a1 };
}
