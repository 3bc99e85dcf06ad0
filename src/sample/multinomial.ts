/**
 * Exact Multinomial(n, w / sum w) counts, by one of two methods chosen from n and the support size k:
 * - conditional binomials: X_j ~ Binomial(n - sum_{i<j} X_i, w_j / sum_{i>=j} w_i), O(k) binomial
 *   draws (stops when nothing is left; the last positive entry takes the rest);
 * - categorical counting: n draws x = U * sum w located in the cumulative weights (binary search
 *   when n is small against k, a guide table (Chen & Asau 1974) otherwise), O(n + k).
 * Both are exact up to floating-point rounding of the weights' sums.
 * @example multinomial(createRng(1), 10, [0.5, 0.5]); // => Int32Array [a, 10 - a]
 */
import type { Rng } from "../rng/index.ts";
import { checkDistributionValues, checkIntegerInRange } from "../validate.ts";
import { BINOMIAL_MAX_N, INVERSION_MAX_MEAN } from "./binomial.ts";
import { inversionDraw } from "./binomialInversion.ts";
import { btrdRest, restArgs } from "./btrd.ts";

/** The two counting methods. */
export type MultinomialMethod = "binomial" | "categorical";

/**
 * The categorical method is used while n < ratio * k, ratio = 2 for k < 128 and 4 above: the
 * measured crossovers (Zipf and flat weights, k = 20 to 1000; benchmarks/quick/sample-timing.ts)
 * lie near n / k = 2 for small k and between 3.5 and 5 for k >= 300.
 */
export const CATEGORICAL_MAX_RATIO_SMALL_K = 2;
export const CATEGORICAL_MAX_RATIO = 4;

/** Binary search (not a guide table) in the categorical method while n * this < k. */
const BINARY_SEARCH_RATIO = 8;

/**
 * The method `multinomialOnSupport` uses for n draws over a support of size k.
 * @example chooseMultinomialMethod(10, 600); // => "categorical"
 */
export function chooseMultinomialMethod(n: number, k: number): MultinomialMethod {
  return n < (k < 128 ? CATEGORICAL_MAX_RATIO_SMALL_K : CATEGORICAL_MAX_RATIO) * k ? "categorical" : "binomial";
}

// Scratch buffers, grown on demand and reused across calls.
let scratchF64 = new Float64Array(1024);
let scratchI32 = new Int32Array(1025);
let supportScratch = new Int32Array(0);
const f64Slot = new Float64Array(1);

function f64Scratch(k: number): Float64Array {
  if (scratchF64.length < k) scratchF64 = new Float64Array(Math.max(k, 2 * scratchF64.length));
  return scratchF64;
}
function i32Scratch(k: number): Int32Array {
  if (scratchI32.length < k) scratchI32 = new Int32Array(Math.max(k, 2 * scratchI32.length));
  return scratchI32;
}
/**
 * Multinomial(n, p) counts over all s categories; p a probability vector (validated), n an
 * integer in [0, 2^31 - 1]. The draw runs over the support of p (its k positive entries) and the
 * method is chosen from n and k; zero entries take no draw in either method, so the counts are
 * those of `multinomialOnSupport` over that support.
 * @example multinomial(createRng(1), 5, [0, 1]); // => Int32Array [0, 5]
 */
export function multinomial(rng: Rng, n: number, p: ArrayLike<number>): Int32Array {
  checkIntegerInRange(n, "n", 0, BINOMIAL_MAX_N);
  const probs = checkDistributionValues(p, "p");
  const s = probs.length;
  if (supportScratch.length < s) supportScratch = new Int32Array(Math.max(s, 2 * supportScratch.length));
  const support = supportScratch;
  let k = 0;
  for (let i = 0; i < s; i++) if (probs[i] > 0) support[k++] = i;
  const out = new Int32Array(s);
  multinomialOnSupportWith(rng, n, probs, support, k, out, chooseMultinomialMethod(n, k));
  return out;
}

/**
 * Multinomial(n, w restricted to support / sum of those w): for j < k writes
 * out[support[j]] = count of category support[j]; other entries of out are not touched.
 * weights is indexed by category (weights[support[j]]), non-negative, with a positive finite sum
 * over the support (e.g. the integer counts of the previous generation); support[0..k) holds
 * distinct categories. Picks the method with `chooseMultinomialMethod(n, k)`: for n >= 4k (2k when
 * k < 128) at most k binomial draws (O(k)), else O(n + k) (O(k + n log k) when 8n < k). No allocation per call
 * (module scratch buffers, grown on demand; not reentrant).
 * @example multinomialOnSupport(rng, 10, [3, 0, 7], Int32Array.of(0, 2), 2, out); // out[0] + out[2] = 10
 */
export function multinomialOnSupport(
  rng: Rng,
  n: number,
  weights: ArrayLike<number>,
  support: Int32Array,
  k: number,
  out: Int32Array,
): void {
  multinomialOnSupportWith(rng, n, weights, support, k, out, chooseMultinomialMethod(n, k));
}

/**
 * `multinomialOnSupport` with the method forced (for tests and benchmarks). Validates n, k, the
 * support indices and the weights inside its own O(k) pass.
 */
export function multinomialOnSupportWith(
  rng: Rng,
  n: number,
  weights: ArrayLike<number>,
  support: Int32Array,
  k: number,
  out: Int32Array,
  method: MultinomialMethod,
): void {
  checkIntegerInRange(n, "n", 0, BINOMIAL_MAX_N);
  checkIntegerInRange(k, "k", 0, support.length);
  if (method === "binomial") conditionalBinomials(rng, n, weights, support, k, out);
  else categoricalCounts(rng, n, weights, support, k, out);
}

function badIndex(i: number): never {
  throw new RangeError(`support entries must index weights and out, got ${i}`);
}

function badWeight(weights: ArrayLike<number>, i: number): never {
  const w = weights[i];
  if (typeof w !== "number" || Number.isNaN(w)) throw new TypeError(`weights[${i}] must be a number, got ${String(w)}`);
  throw new RangeError(`weights[${i}] must be finite and >= 0, got ${w}`);
}

function noMass(sum: number): never {
  throw new RangeError(`weights must have a positive, finite sum over the support, got ${sum}`);
}

function conditionalBinomials(
  rng: Rng,
  n: number,
  weights: ArrayLike<number>,
  support: Int32Array,
  k: number,
  out: Int32Array,
): void {
  // cond[j] = w_j / (w_j + ... + w_{k-1}): the conditional probability of entry j (NaN after the
  // last positive weight, where it is never read).
  const cond = f64Scratch(k);
  const nw = weights.length;
  const no = out.length;
  let sum = 0;
  let last = -1;
  for (let j = k - 1; j >= 0; j--) {
    const i = support[j];
    if (!(i >= 0 && i < nw && i < no)) badIndex(i);
    const w = weights[i];
    if (!(w >= 0 && w < Infinity)) badWeight(weights, i);
    sum += w;
    cond[j] = w / sum;
    if (last < 0 && w > 0) last = j;
  }
  if (!(sum < Infinity)) noMass(sum);
  if (last < 0) {
    if (n > 0) noMass(sum);
    for (let j = 0; j < k; j++) out[support[j]] = 0;
    return;
  }
  let rest = n;
  let j = 0;
  // The loop is the hot path of every simulation: binomialAt (binomial.ts) with BTRD's step 1
  // written out here, so that its speed does not hang on V8's inlining decisions.
  const qSlot = f64Slot;
  for (; j < last && rest > 0; j++) {
    const p = cond[j];
    const flip = p > 0.5;
    const q = flip ? 1 - p : p;
    let x = 0;
    if (q > 0) {
      const nq = rest * q;
      if (nq < INVERSION_MAX_MEAN) {
        qSlot[0] = q;
        x = inversionDraw(rng, rest, qSlot, 0);
      } else {
        const spq = Math.sqrt(nq - nq * q);
        const b = 1.15 + 2.53 * spq;
        const d = 0.92 * b - 4.2;
        const vb = rng.uniform() * b;
        if (vb <= 0.86 * d) {
          const a = -0.0873 + 0.0248 * b + 0.01 * q;
          const t = vb - 0.43 * d;
          const s = 0.5 * d - Math.abs(t);
          x = Math.floor(((2 * a * d + b * s) * t) / (s * d) + nq + 0.5);
        } else {
          restArgs[0] = q;
          restArgs[1] = vb / b;
          restArgs[2] = spq;
          restArgs[3] = b;
          x = btrdRest(rng, rest, restArgs);
        }
      }
      if (flip) x = rest - x;
    } else if (flip) {
      x = rest;
    }
    out[support[j]] = x;
    rest -= x;
  }
  if (j === last) out[support[j++]] = rest;
  for (; j < k; j++) out[support[j]] = 0;
}

function categoricalCounts(
  rng: Rng,
  n: number,
  weights: ArrayLike<number>,
  support: Int32Array,
  k: number,
  out: Int32Array,
): void {
  const cum = f64Scratch(k);
  const nw = weights.length;
  const no = out.length;
  let sum = 0;
  let last = -1;
  for (let j = 0; j < k; j++) {
    const i = support[j];
    if (!(i >= 0 && i < nw && i < no)) badIndex(i);
    const w = weights[i];
    if (!(w >= 0 && w < Infinity)) badWeight(weights, i);
    sum += w;
    cum[j] = sum;
    if (w > 0) last = j;
    out[i] = 0;
  }
  if (!(sum < Infinity)) noMass(sum);
  if (n === 0) return;
  if (last < 0) noMass(sum);
  const total = sum;
  if (n * BINARY_SEARCH_RATIO < k) {
    for (let t = 0; t < n; t++) {
      const x = rng.uniform() * total;
      let lo = 0;
      let hi = last;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (x < cum[mid]) hi = mid;
        else lo = mid + 1;
      }
      out[support[lo]]++;
    }
    return;
  }
  // Guide table: guide[b] = first j with cum[j] > b * total / k (slightly lowered, so that it
  // never overshoots); a draw x in bucket floor(x k / total) starts its search there.
  const guide = i32Scratch(k + 1);
  const scale = k / total;
  let j = 0;
  for (let b = 0; b < k; b++) {
    const threshold = (b / scale) * (1 - 1e-12);
    while (j < last && cum[j] <= threshold) j++;
    guide[b] = j;
  }
  guide[k] = last;
  for (let t = 0; t < n; t++) {
    const u = rng.uniform();
    let i = guide[Math.floor(u * k)];
    const x = u * total;
    while (i < last && cum[i] <= x) i++;
    out[support[i]]++;
  }
}
