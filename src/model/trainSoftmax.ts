import { checkFinite, checkIntegerAtLeast } from "../validate.ts";
import { toCounts } from "./checkData.ts";
import { logSumExp, softmax } from "./softmax.ts";
import type { CountTable, LanguageModel, PairData } from "./types.ts";

/** Options of trainSoftmax. */
export interface SoftmaxTrainingOptions {
  /** Step size eta > 0; eta <= softmaxMaxStep(data) guarantees descent (see there). */
  learningRate: number;
  /** Number of full-batch gradient steps, >= 0. */
  iterations: number;
  /** Starting weights, one row of length s per context (default 0: every softmax uniform). */
  init?: Float64Array[];
  /** Called after each step with the step number (1-based), the weights and the loss before the step. */
  onIteration?: (t: number, W: readonly Float64Array[], lossBefore: number) => void;
}

/** Result of trainSoftmax: the weights, the softmax tables sigma(W^T e_j), the final loss. */
export interface SoftmaxTrainingResult {
  /** W as c rows of length s: W[i] = W^T e_{contexts[i]} (row j of the c x s matrix). */
  W: Float64Array[];
  /** The model p_{jk} = sigma(W^T e_j)_k. */
  model: LanguageModel;
  /** Cross-entropy -(1/M) sum_l y_l^T log sigma(W^T x_l) at the returned W. */
  loss: number;
}

function totals(table: CountTable): { rowTotals: Float64Array; M: number } {
  const rowTotals = new Float64Array(table.counts.length);
  let M = 0;
  table.counts.forEach((row, i) => {
    for (const v of row) rowTotals[i] += v;
    M += rowTotals[i];
  });
  return { rowTotals, M };
}

function crossEntropy(table: CountTable, W: Float64Array[], M: number): number {
  let loss = 0;
  table.counts.forEach((row, i) => {
    const lse = logSumExp(W[i]);
    for (let k = 0; k < row.length; k++) if (row[k] > 0) loss -= row[k] * (W[i][k] - lse);
  });
  return loss / M;
}

/**
 * The largest safe step 1/L = 2M / max_j N_j for the loss of Eq (1) with one-hot contexts:
 * the Hessian in row j is (N_j/M)(diag(sigma) - sigma sigma^T) <= (N_j/(2M)) I (Böhning 1992),
 * so the loss is L-smooth with L = max_j N_j / (2M), N_j = |C_j|, M = sum_j N_j.
 * @example softmaxMaxStep({ s: 2, contextLength: 0, contexts: [0], counts: [Float64Array.of(1, 3)] }); // => 2
 */
export function softmaxMaxStep(data: CountTable | PairData): number {
  const table = toCounts(data);
  const { rowTotals, M } = totals(table);
  let max = 0;
  for (const n of rowTotals) if (n > max) max = n;
  if (max === 0) throw new RangeError("data must contain at least one sample");
  return (2 * M) / max;
}

/**
 * A priori bound, per context, on ||sigma(W_t^T e_j) - p̂_j||_1 after t steps of gradient descent
 * from W = 0 with step eta <= softmaxMaxStep(data), valid when every count n_{jk} is positive:
 * convex L-smooth descent gives f_j(w_t) - f_j* <= ||w* - 0||^2 / (2 eta t) (Nesterov 2004,
 * Thm 2.1.14, applied per context since rows decouple), with w* = log p̂_j - mean(log p̂_j) the
 * optimum nearest 0 (GD never moves along the all-ones direction); f_j - f_j* = (N_j/M) KL(p̂_j ||
 * sigma), and Pinsker gives ||.||_1 <= sqrt(2 KL). Hence bound_j = sqrt(M ||w*||^2 / (N_j eta t)).
 * Source: Eq (1) and Eq (2) (their optimum coincides, App. B.1). Returns Infinity for t = 0.
 * @example softmaxConvergenceBound(counts, softmaxMaxStep(counts), 10000); // => Float64Array of c bounds
 */
export function softmaxConvergenceBound(data: CountTable | PairData, learningRate: number, iterations: number): Float64Array {
  const table = toCounts(data);
  checkFinite(learningRate, "learningRate");
  if (!(learningRate > 0)) throw new RangeError(`learningRate must be > 0, got ${learningRate}`);
  checkIntegerAtLeast(iterations, "iterations", 0);
  const { rowTotals, M } = totals(table);
  return Float64Array.from(table.counts, (row, i) => {
    for (const v of row) if (!(v > 0)) throw new RangeError(`counts[${i}] must be positive everywhere for this bound`);
    let mean = 0;
    for (const v of row) mean += Math.log(v / rowTotals[i]);
    mean /= row.length;
    let dist2 = 0;
    for (const v of row) dist2 += (Math.log(v / rowTotals[i]) - mean) ** 2;
    return Math.sqrt((M * dist2) / (rowTotals[i] * learningRate * iterations));
  });
}

/**
 * The softmax classifier of Eq (1), trained by full-batch gradient descent on the cross-entropy
 * -(1/M) sum_l y_l^T log sigma(W^T x_l) with one-hot contexts x_l = e_j. W is c x s; the gradient
 * (1/M) sum_l (sigma(W^T x_l) - y_l) x_l^T has row j equal to (1/M)(N_j sigma(W_j) - n_j), so
 * W_j <- W_j - eta (N_j sigma(W_j) - n_j) / M. Its optimum is Eq (2), p̂_{jk} = n_{jk}/N_j,
 * reached only in the limit W_{jk} -> -inf where n_{jk} = 0. Source: Sect. 2.1, Eqs (1)-(2), App. B.1.
 * @example trainSoftmax(counts, { learningRate: softmaxMaxStep(counts), iterations: 5000 }).model; // => ≈ empiricalNextToken(counts)
 */
export function trainSoftmax(data: CountTable | PairData, options: SoftmaxTrainingOptions): SoftmaxTrainingResult {
  const table = toCounts(data);
  if (options === null || typeof options !== "object") throw new TypeError("options must be an object");
  const eta = checkFinite(options.learningRate, "learningRate");
  if (!(eta > 0)) throw new RangeError(`learningRate must be > 0, got ${eta}`);
  const iterations = checkIntegerAtLeast(options.iterations, "iterations", 0);
  const { s } = table;
  const c = table.contexts.length;
  const { M } = totals(table);
  if (M === 0) throw new RangeError("data must contain at least one sample");
  const W = Array.from({ length: c }, (_, i) => {
    if (options.init === undefined) return new Float64Array(s);
    const row = options.init[i];
    if (row === undefined || row.length !== s) throw new RangeError(`init[${i}] must be a row of length s = ${s}`);
    return Float64Array.from(row, (v, k) => checkFinite(v, `init[${i}][${k}]`));
  });
  const sigma = new Float64Array(s);
  for (let t = 1; t <= iterations; t++) {
    const before = options.onIteration ? crossEntropy(table, W, M) : Number.NaN;
    for (let i = 0; i < c; i++) {
      const row = table.counts[i];
      let n = 0;
      for (let k = 0; k < s; k++) n += row[k];
      softmax(W[i], sigma);
      const w = W[i];
      for (let k = 0; k < s; k++) w[k] -= (eta * (n * sigma[k] - row[k])) / M;
    }
    options.onIteration?.(t, W, before);
  }
  const tables = W.map((w) => softmax(w));
  return {
    W,
    model: { s, contextLength: table.contextLength, contexts: [...table.contexts], tables },
    loss: crossEntropy(table, W, M),
  };
}
