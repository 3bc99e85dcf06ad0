import { describe, expect, it } from "vitest";
import { empiricalNextToken } from "./empiricalNextToken.ts";
import { softmax } from "./softmax.ts";
import { softmaxConvergenceBound, softmaxMaxStep, trainSoftmax } from "./trainSoftmax.ts";
import type { CountTable } from "./types.ts";

const counts: CountTable = {
  s: 4,
  contextLength: 1,
  contexts: [0, 3],
  counts: [Float64Array.of(1, 3, 10, 2), Float64Array.of(5, 1, 1, 1)],
};

function l1(a: Float64Array, b: Float64Array): number {
  let d = 0;
  for (let k = 0; k < a.length; k++) d += Math.abs(a[k] - b[k]);
  return d;
}

describe("trainSoftmax (Eq (1))", () => {
  it("converges to the empirical frequencies of Eq (2) when every count is positive", () => {
    const eta = softmaxMaxStep(counts);
    expect(eta).toBe((2 * 24) / 16);
    const { model, W, loss } = trainSoftmax(counts, { learningRate: eta, iterations: 2000 });
    const target = empiricalNextToken(counts);
    model.tables.forEach((t, i) => expect(l1(t, target.tables[i])).toBeLessThan(1e-12));
    // the optimal loss is the empirical conditional entropy (1/M) sum_jk n_jk log(N_j / n_jk)
    let h = 0;
    counts.counts.forEach((row) => {
      const n = row.reduce((a, b) => a + b, 0);
      for (const v of row) h += v * Math.log(n / v);
    });
    expect(loss).toBeCloseTo(h / 24, 12);
    // gradient descent never moves W along the all-ones direction: rows keep sum 0 from W = 0
    for (const w of W) expect(Math.abs(w.reduce((a, b) => a + b, 0))).toBeLessThan(1e-12);
  });

  it("stays within the a priori bound after t steps, and the loss never increases", () => {
    const eta = softmaxMaxStep(counts);
    for (const t of [1, 10, 100]) {
      const bound = softmaxConvergenceBound(counts, eta, t);
      const losses: number[] = [];
      const { model } = trainSoftmax(counts, { learningRate: eta, iterations: t, onIteration: (_t, _W, l) => losses.push(l) });
      const target = empiricalNextToken(counts);
      model.tables.forEach((table, i) => expect(l1(table, target.tables[i])).toBeLessThanOrEqual(bound[i]));
      for (let i = 1; i < losses.length; i++) expect(losses[i]).toBeLessThanOrEqual(losses[i - 1] + 1e-15);
    }
  });

  it("has the gradient (1/M)(N_j sigma(W_j) - n_j): one step matches a finite-difference gradient", () => {
    const init = [Float64Array.of(0.3, -0.2, 0.1, 0.5), Float64Array.of(-1, 0, 2, 0.25)];
    const eta = 1e-3;
    const W1 = trainSoftmax(counts, { learningRate: eta, iterations: 1, init }).W;
    const lossAt = (W: Float64Array[]) => trainSoftmax(counts, { learningRate: 1, iterations: 0, init: W }).loss;
    const h = 1e-6;
    for (let i = 0; i < 2; i++) {
      for (let k = 0; k < 4; k++) {
        const plus = init.map((r) => Float64Array.from(r));
        const minus = init.map((r) => Float64Array.from(r));
        plus[i][k] += h;
        minus[i][k] -= h;
        const numeric = (lossAt(plus) - lossAt(minus)) / (2 * h);
        expect((init[i][k] - W1[i][k]) / eta).toBeCloseTo(numeric, 7);
      }
    }
  });

  it("drives a zero-count token to 0 only in the limit: positive and strictly decreasing", () => {
    const zero: CountTable = { s: 3, contextLength: 0, contexts: [0], counts: [Float64Array.of(1, 1, 0)] };
    const eta = softmaxMaxStep(zero);
    const seen: number[] = [];
    trainSoftmax(zero, { learningRate: eta, iterations: 20_000, onIteration: (_t, W) => seen.push(softmax(W[0])[2]) });
    let violations = 0;
    for (let t = 1; t < seen.length; t++) if (!(seen[t] > 0 && seen[t] < seen[t - 1])) violations++;
    expect(violations).toBe(0);
    // asymptotically sigma_k ~ 1 / (beta eta' t) with eta' = eta N_j / M and beta = s/(s - #zeros) = 3/2
    expect(seen[19_999] * 20_000 * eta).toBeCloseTo(2 / 3, 3);
  });

  it("accepts the raw pairs and gives the same weights as the counts", () => {
    const pairs = { s: 2, contextLength: 0, x: [0, 0, 0], y: [1, 0, 1] };
    const table: CountTable = { s: 2, contextLength: 0, contexts: [0], counts: [Float64Array.of(1, 2)] };
    expect(trainSoftmax(pairs, { learningRate: 1, iterations: 50 }).W).toEqual(trainSoftmax(table, { learningRate: 1, iterations: 50 }).W);
  });

  it("rejects bad options naming the parameter", () => {
    expect(() => trainSoftmax(counts, { learningRate: 0, iterations: 1 })).toThrow(/^learningRate/);
    expect(() => trainSoftmax(counts, { learningRate: Number.NaN, iterations: 1 })).toThrow(TypeError);
    expect(() => trainSoftmax(counts, { learningRate: 1, iterations: -1 })).toThrow(/^iterations/);
    expect(() => trainSoftmax(counts, { learningRate: 1, iterations: 1.5 })).toThrow(/^iterations/);
    expect(() => trainSoftmax(counts, { learningRate: 1, iterations: 1, init: [new Float64Array(4)] })).toThrow(/^init\[1\]/);
    expect(() => softmaxConvergenceBound({ s: 2, contextLength: 0, contexts: [0], counts: [Float64Array.of(0, 2)] }, 1, 1)).toThrow(/^counts\[0\]/);
  });
});
