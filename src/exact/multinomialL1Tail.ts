/**
 * The exact tail P(||p_hat - p||_1 >= eps) of the empirical distribution p_hat of n samples from p,
 * p = w / sum(w) with integer weights w, as an exact rational (BigInt), by enumerating the count
 * vectors up to the symmetry of equal weights: tokens of equal weight form a group, and a group's
 * counts are enumerated as a partition (a multiset) with its number of arrangements. Few distinct
 * weights make large s and moderate n cheap (s = 40 uniform, n = 30: 5,604 partitions).
 */
import { Decimal } from "decimal.js";
import { checkFinite, checkIntegerAtLeast } from "../validate.ts";

/** Largest number of (group totals, partitions) configurations visited before giving up. */
export const MAX_L1_TAIL_CONFIGURATIONS = 3_000_000;

/** Relative slack of the threshold: a deviation on the grid equal to eps (in decimal) counts as reaching it. */
export const L1_THRESHOLD_SLACK = 1e-12;

/** The law of ||p_hat - p||_1: each attainable value L/(nW) (L an integer) with its exact probability numerator over W^n. */
export interface L1DeviationLaw {
  n: number;
  /** sum of the weights. */
  W: number;
  /** Attainable integer deviations L = sum_i |X_i W - n w_i| (ascending); ||p_hat - p||_1 = L/(nW). */
  deviations: number[];
  /** P(L = deviations[j]) * W^n. */
  numerators: bigint[];
  /** W^n. */
  denominator: bigint;
  /** Count-vector classes visited. */
  configurations: number;
}

export interface ExactL1Tail {
  /** The probability, rounded from numerator / denominator (40 significant digits, then float64). */
  value: number;
  numerator: bigint;
  /** (sum w)^n. */
  denominator: bigint;
  /** The largest ||p_hat - p||_1 that has positive probability. */
  maxDeviation: number;
}

const D40 = Decimal.clone({ precision: 40 });

function factorials(n: number): bigint[] {
  const f: bigint[] = [1n];
  for (let i = 1; i <= n; i++) f.push(f[i - 1] * BigInt(i));
  return f;
}

/**
 * The exact law of ||p_hat - p||_1, p = w / W (w non-negative integers, W = sum w), p_hat = X/n,
 * X ~ Multinomial(n, p): every attainable L = sum_i |X_i W - n w_i| with P(L) W^n, an integer
 * (sum over classes of n!/prod X_i! * prod w_i^X_i * the arrangements of each group's multiset).
 * Tokens of equal weight form a group whose counts are enumerated as a partition.
 * @example multinomialL1DeviationLaw({ weights: [1, 1], n: 2 }).deviations; // => [0, 4] (L/(nW) = 0 or 1)
 */
export function multinomialL1DeviationLaw(params: { weights: readonly number[]; n: number }): L1DeviationLaw {
  const n = checkIntegerAtLeast(params.n, "n", 1);
  const weights = params.weights.map((w, i) => checkIntegerAtLeast(w, `weights[${i}]`, 0));
  const W = weights.reduce((a, b) => a + b, 0);
  if (W === 0) throw new RangeError("weights must not all be 0");
  if (!Number.isSafeInteger(W * n * 2)) throw new RangeError(`sum(weights) * n is too large for exact integer deviations (${W} * ${n})`);
  // groups of equal positive weight (zero weights never receive samples and add 0 to the deviation)
  const byWeight = new Map<number, number>();
  for (const w of weights) if (w > 0) byWeight.set(w, (byWeight.get(w) ?? 0) + 1);
  const groups = [...byWeight.entries()].sort((a, b) => b[0] - a[0]).map(([w, m]) => ({ w, m }));
  const fact = factorials(Math.max(n, ...groups.map((g) => g.m)));
  const nFact = fact[n];
  const law = new Map<number, bigint>();
  let configurations = 0;
  // state: group index, samples left, sum of |c W - n w| so far, prod c_i! so far, prod (arrangements * w^t) so far
  const visitGroup = (g: number, left: number, dev: number, factProd: bigint, weightProd: bigint): void => {
    if (g === groups.length) {
      if (left !== 0) return;
      if (++configurations > MAX_L1_TAIL_CONFIGURATIONS) throw new RangeError(`more than ${MAX_L1_TAIL_CONFIGURATIONS} count classes: n or the number of distinct weights is too large`);
      law.set(dev, (law.get(dev) ?? 0n) + (nFact / factProd) * weightProd);
      return;
    }
    const { w, m } = groups[g];
    const parts: number[] = [];
    const last = g === groups.length - 1;
    for (let t = last ? left : 0; t <= left; t++) {
      const wPow = BigInt(w) ** BigInt(t);
      // partitions of t into at most m positive parts, non-increasing
      const visitPart = (rest: number, maxPart: number, dev0: number, fp: bigint): void => {
        if (rest === 0) {
          const len = parts.length;
          // arrangements: m! / (prod over distinct values of multiplicity! * (m - len)!)
          let arrangements = fact[m] / fact[m - len];
          for (let i = 0; i < len; ) {
            let j = i;
            while (j < len && parts[j] === parts[i]) j++;
            arrangements /= fact[j - i];
            i = j;
          }
          visitGroup(g + 1, left - t, dev0 + (m - len) * n * w, fp, weightProd * wPow * arrangements);
          return;
        }
        if (parts.length === m) return;
        for (let c = Math.min(rest, maxPart); c >= 1; c--) {
          parts.push(c);
          visitPart(rest - c, c, dev0 + Math.abs(c * W - n * w), fp * fact[c]);
          parts.pop();
        }
      };
      visitPart(t, t, dev, factProd);
    }
  };
  visitGroup(0, n, 0, 1n, 1n);
  const deviations = [...law.keys()].sort((a, b) => a - b);
  return { n, W, deviations, numerators: deviations.map((d) => law.get(d) as bigint), denominator: BigInt(W) ** BigInt(n), configurations };
}

/**
 * P(||p_hat - p||_1 >= eps) from the exact law: the sum over L >= eps n W (1 - 1e-12) (a grid value
 * written as the decimal eps counts as reaching it).
 * @example l1TailFromLaw(multinomialL1DeviationLaw({ weights: [1, 1], n: 2 }), 1).value; // => 0.5
 */
export function l1TailFromLaw(law: L1DeviationLaw, eps: number): ExactL1Tail {
  checkFinite(eps, "eps");
  if (!(eps > 0)) throw new RangeError(`eps must be > 0, got ${eps}`);
  const threshold = eps * law.n * law.W * (1 - L1_THRESHOLD_SLACK);
  let numerator = 0n;
  for (let j = 0; j < law.deviations.length; j++) if (law.deviations[j] >= threshold) numerator += law.numerators[j];
  const value = new D40(numerator.toString()).div(law.denominator.toString()).toNumber();
  return { value, numerator, denominator: law.denominator, maxDeviation: law.deviations[law.deviations.length - 1] / (law.n * law.W) };
}

/**
 * P(||p_hat - p||_1 >= eps) exactly, p = w / W with integer weights w (see multinomialL1DeviationLaw).
 * Source: the definition (the quantity Lemma 1 bounds).
 * @example multinomialL1TailExact({ weights: [1, 1], n: 2, eps: 1 }).value; // => 0.5 (X = (2, 0) or (0, 2))
 */
export function multinomialL1TailExact(params: { weights: readonly number[]; n: number; eps: number }): ExactL1Tail {
  return l1TailFromLaw(multinomialL1DeviationLaw(params), params.eps);
}
