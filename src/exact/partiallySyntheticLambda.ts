/**
 * E[lambda(p^(m))] on the Partially Synthetic chain, computed exactly (in float64) by enumerating
 * its states: r ~ Multinomial(N, p) real counts (p^(1) = r/N), then p^(m+1) = (r + Y)/(N + n) with
 * Y ~ Multinomial(n, p^(m)). lambda(q) = max_A q(A) q(A^c) (proof of Theorem 4).
 */
import { checkDistribution, checkIntegerAtLeast, checkIntegerInRange } from "../validate.ts";
import { compositionCount, createCompositionIndex } from "./compositions.ts";
import { multinomialPmfWithTails } from "./multinomialPmf.ts";

/** Largest number of tokens of a count vector whose best split is found by trying all 2^k subsets. */
export const MAX_SPLIT_TOKENS = 20;

/**
 * max_A c(A) (T - c(A)) over subsets A of the tokens, T = sum c: lambda(c/T) = that / T^2, in
 * integers (exact). Tries all 2^k subsets of the k counts read from c[off .. off + k - 1].
 * @example bestSplitProduct([2, 1, 1]); // => 4 (A = {1}: 2 * 2)
 */
export function bestSplitProduct(c: ArrayLike<number>, off = 0, k = c.length - off): number {
  let T = 0;
  for (let i = 0; i < k; i++) T += c[off + i];
  let best = 0;
  for (let mask = 0; mask < 1 << k; mask++) {
    let a = 0;
    for (let i = 0; i < k; i++) if (mask & (1 << i)) a += c[off + i];
    const v = a * (T - a);
    if (v > best) best = v;
  }
  return best;
}

/** Work limit (pmf evaluations) of partiallySyntheticExpectedLambda: sum over r of C(n + k_r - 1, k_r - 1)^2. */
export const MAX_LAMBDA_WORK = 5e7;

/**
 * E[lambda(p^(m))] for m = 1..M (index m of the result; index 0 is NaN) of the Partially Synthetic
 * chain with real sample size N and synthetic size n. For each real count vector r (weight
 * Mult(N, p)(r)), the law of Y over the compositions of n on the support of r is propagated with
 * the kernel Mult(n, (r + y)/(N + n)); lambda of a state is exact in integers (bestSplitProduct).
 * Cost: sum over r of (M - 1) C(n + k - 1, k - 1)^2; throws past MAX_LAMBDA_WORK.
 * @example partiallySyntheticExpectedLambda([0.5, 0.5], 2, 1, 2); // => [NaN, 0.125, 0.1111...] (r = (1, 1) w.p. 1/2, then p^(2) = (2, 1)/3 or (1, 2)/3, lambda 2/9)
 */
export function partiallySyntheticExpectedLambda(p: ArrayLike<number>, N: number, n: number, M: number): number[] {
  const pv = checkDistribution(p, "p");
  checkIntegerAtLeast(N, "N", 1);
  checkIntegerAtLeast(n, "n", 1);
  checkIntegerInRange(M, "M", 1, 1000);
  const support: number[] = [];
  for (let i = 0; i < pv.length; i++) if (pv[i] > 0) support.push(i);
  const k = support.length;
  if (k > MAX_SPLIT_TOKENS) throw new RangeError(`p must have at most ${MAX_SPLIT_TOKENS} tokens in its support, has ${k}`);
  let work = 0;
  for (let j = 1; j <= k; j++) work += compositionCount(N, k) * compositionCount(n, j) ** 2;
  if (work > MAX_LAMBDA_WORK) throw new RangeError(`N, n: about ${work.toExponential(1)} pmf evaluations, more than ${MAX_LAMBDA_WORK.toExponential(0)}`);
  const w = Float64Array.from(support, (i) => pv[i]);
  const tail = new Float64Array(k + 1);
  for (let i = k - 1; i >= 0; i--) tail[i] = tail[i + 1] + w[i];
  const out = new Array<number>(M + 1).fill(0);
  out[0] = NaN;
  const reals = createCompositionIndex(N, k);
  const synthetic = new Map<number, ReturnType<typeof createCompositionIndex>>();
  const T = N + n;
  for (let c = 0; c < reals.count; c++) {
    const weight = multinomialPmfWithTails(reals.states, c * k, w, tail, N);
    if (weight === 0) continue;
    const r: number[] = [];
    for (let t = 0; t < k; t++) if (reals.states[c * k + t] > 0) r.push(reals.states[c * k + t]);
    out[1] += (weight * bestSplitProduct(r)) / (N * N);
    if (M < 2) continue;
    const j = r.length;
    let idx = synthetic.get(j);
    if (!idx) synthetic.set(j, (idx = createCompositionIndex(n, j)));
    const dim = idx.count;
    // per state y: lambda((r + y)/T) and the kernel row Mult(n, (r + y)/T)
    const lam = new Float64Array(dim);
    const kernel = new Float64Array(dim * dim);
    const q = new Float64Array(j);
    const qTail = new Float64Array(j + 1);
    for (let a = 0; a < dim; a++) {
      for (let t = 0; t < j; t++) q[t] = r[t] + idx.states[a * j + t];
      lam[a] = bestSplitProduct(q) / (T * T);
      for (let t = j - 1; t >= 0; t--) qTail[t] = qTail[t + 1] + q[t];
      for (let b = 0; b < dim; b++) kernel[a * dim + b] = multinomialPmfWithTails(idx.states, b * j, q, qTail, n);
    }
    // law of Y^(2) ~ Mult(n, r/N)
    let law = new Float64Array(dim);
    const rTail = new Float64Array(j + 1);
    for (let t = j - 1; t >= 0; t--) rTail[t] = rTail[t + 1] + r[t];
    for (let b = 0; b < dim; b++) law[b] = multinomialPmfWithTails(idx.states, b * j, r, rTail, n);
    for (let m = 2; m <= M; m++) {
      let e = 0;
      for (let a = 0; a < dim; a++) e += law[a] * lam[a];
      out[m] += weight * e;
      if (m === M) break;
      const next = new Float64Array(dim);
      for (let a = 0; a < dim; a++) {
        const pa = law[a];
        if (pa === 0) continue;
        for (let b = 0; b < dim; b++) next[b] += pa * kernel[a * dim + b];
      }
      law = next;
    }
  }
  return out;
}
