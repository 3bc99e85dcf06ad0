/**
 * Exact laws of token-count vectors (length s), as lists of (counts, probability) with distinct
 * counts: the draws Eq (5) is made of. Small s and counts only: every outcome is listed.
 */
import { createCompositionIndex } from "./compositions.ts";
import { logFactorials } from "./logFactorials.ts";
import { multinomialPmf } from "./multinomialPmf.ts";

/** One outcome of a count law. */
export interface CountOutcome {
  x: Int32Array;
  prob: number;
}

/** A law over count vectors: distinct x, probabilities summing to 1. */
export type CountLaw = CountOutcome[];

/**
 * Multinomial(k, w / sum(w)) over s = w.length tokens (w >= 0: counts or probabilities), listed
 * over the compositions of k into the tokens with w_i > 0; C(k + |supp w| - 1, |supp w| - 1) outcomes.
 * @example multinomialLaw(2, [1, 0, 1]).map((o) => [...o.x, o.prob]); // => [[0,0,2,0.25],[1,0,1,0.5],[2,0,0,0.25]]
 */
export function multinomialLaw(k: number, w: ArrayLike<number>): CountLaw {
  const s = w.length;
  const support: number[] = [];
  for (let i = 0; i < s; i++) if (w[i] > 0) support.push(i);
  if (support.length === 0) throw new RangeError("w must have a positive entry");
  const ws = support.map((i) => w[i]);
  const index = createCompositionIndex(k, support.length);
  const out: CountLaw = [];
  const part = new Int32Array(support.length);
  for (let j = 0; j < index.count; j++) {
    for (let a = 0; a < support.length; a++) part[a] = index.states[j * support.length + a];
    const prob = multinomialPmf(part, ws);
    if (prob === 0) continue;
    const x = new Int32Array(s);
    support.forEach((i, a) => (x[i] = part[a]));
    out.push({ x, prob });
  }
  return out;
}

/**
 * k of the R = sum(r) items of a corpus with token counts r, drawn uniformly WITHOUT replacement
 * (multivariate hypergeometric): P(x) = prod_i C(r_i, x_i) / C(R, k), 0 <= x_i <= r_i, sum x = k.
 * @example hypergeometricLaw(1, [1, 1]).map((o) => [...o.x, o.prob]); // => [[0,1,0.5],[1,0,0.5]]
 */
export function hypergeometricLaw(k: number, r: ArrayLike<number>): CountLaw {
  const s = r.length;
  let R = 0;
  for (let i = 0; i < s; i++) R += r[i];
  if (k > R) throw new RangeError(`k must be <= the corpus size ${R}, got ${k}`);
  const lf = logFactorials(R);
  const lnC = (a: number, b: number) => lf[a] - lf[b] - lf[a - b];
  const out: CountLaw = [];
  const x = new Int32Array(s);
  const visit = (i: number, left: number, ln: number): void => {
    if (i === s - 1) {
      if (left > r[i]) return;
      x[i] = left;
      out.push({ x: Int32Array.from(x), prob: Math.exp(ln + lnC(r[i], left) - lnC(R, k)) });
      return;
    }
    for (let v = 0; v <= Math.min(left, r[i]); v++) {
      x[i] = v;
      visit(i + 1, left - v, ln + lnC(r[i], v));
    }
  };
  visit(0, k, 0);
  return out;
}

/** The law of a fixed vector c (probability 1). */
export function pointLaw(c: ArrayLike<number>): CountLaw {
  return [{ x: Int32Array.from(c), prob: 1 }];
}

/**
 * The law of X + Y for independent X ~ a, Y ~ b (equal outcomes merged).
 * @example convolveLaws(pointLaw([1, 0]), multinomialLaw(1, [1, 1])).length; // => 2
 */
export function convolveLaws(a: CountLaw, b: CountLaw): CountLaw {
  const merged = new Map<string, CountOutcome>();
  for (const u of a) {
    for (const v of b) {
      const x = new Int32Array(u.x.length);
      for (let i = 0; i < x.length; i++) x[i] = u.x[i] + v.x[i];
      const key = x.join(",");
      const prior = merged.get(key);
      if (prior) prior.prob += u.prob * v.prob;
      else merged.set(key, { x, prob: u.prob * v.prob });
    }
  }
  return [...merged.values()];
}

/**
 * The mixture sum_j weights[j] laws[j] (equal outcomes merged; zero weights skipped).
 * @example mixLaws([pointLaw([1]), pointLaw([1])], [0.5, 0.5]); // => [{ x: Int32Array [1], prob: 1 }]
 */
export function mixLaws(laws: readonly CountLaw[], weights: readonly number[]): CountLaw {
  const merged = new Map<string, CountOutcome>();
  laws.forEach((law, j) => {
    if (weights[j] === 0) return;
    for (const o of law) {
      const key = o.x.join(",");
      const prior = merged.get(key);
      if (prior) prior.prob += weights[j] * o.prob;
      else merged.set(key, { x: o.x, prob: weights[j] * o.prob });
    }
  });
  return [...merged.values()];
}
