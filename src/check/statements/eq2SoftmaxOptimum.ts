/**
 * eq2-softmax-optimum: the softmax classifier of Eq (1), trained by full-batch gradient descent
 * on one-hot contexts, reaches the closed form of Eq (2), the empirical next-token frequencies
 * p_hat_{jk} = n_{jk} / N_j, when every count is positive (a zero count is only a limit). Oracle
 * check: after training, max_{j,k} |softmax_{jk} - p_hat_{jk}| <= tolerance. The a priori bound
 * of softmaxConvergenceBound (convex L-smooth descent + Pinsker) is reported alongside.
 */
import { empiricalNextToken, softmaxConvergenceBound, softmaxMaxStep, trainSoftmax, type CountTable } from "../../model/index.ts";
import { formatEvidenceNumber } from "../evidence.ts";
import type { Statement } from "../statement.ts";
import type { Parameters } from "../types.ts";

/** A count table from a point: c = counts.length / s contexts of a bigram model, counts flattened row by row. */
function tableOf(point: Parameters): CountTable {
  const s = Number(point.s);
  const flat = point.counts as number[];
  const c = flat.length / s;
  return { s, contextLength: 1, contexts: Array.from({ length: c }, (_, j) => j), counts: Array.from({ length: c }, (_, j) => Float64Array.from(flat.slice(j * s, (j + 1) * s))) };
}

export function eq2SoftmaxStatement(): Statement {
  return {
    id: "eq2-softmax-optimum",
    title: "Eq (1)-(2): the trained softmax equals the empirical next-token frequencies",
    where: "Sect. 2.1, Eq (1)-(2), App. B.1",
    kind: "statement",
    expected: "holds",
    method: "oracle",
    description: "max |softmax(W^T e_j)_k - n_jk / N_j| after gradient descent with step 2M / max_j N_j vs a tolerance (upper)",
    points: [
      { s: 3, counts: [3, 5, 2, 1, 1, 8], iterations: 20000, tolerance: 1e-6 },
      { s: 4, counts: [10, 1, 1, 1, 2, 2, 3, 5, 40, 30, 20, 10], iterations: 20000, tolerance: 1e-6 },
    ],
    measure(point) {
      const table = tableOf(point);
      const eta = softmaxMaxStep(table);
      const iterations = Number(point.iterations);
      const trained = trainSoftmax(table, { learningRate: eta, iterations }).model;
      const target = empiricalNextToken(table);
      let worst = 0;
      let where = "";
      trained.tables.forEach((row, j) =>
        row.forEach((v, k) => {
          const d = Math.abs(v - target.tables[j][k]);
          if (d >= worst) {
            worst = d;
            where = `context ${j}, token ${k}`;
          }
        }),
      );
      const apriori = Math.max(...softmaxConvergenceBound(table, eta, iterations));
      return {
        relation: "atMost",
        predicted: Number(point.tolerance),
        estimate: worst,
        interval: [worst, worst],
        replicates: iterations,
        epsilon: 0,
        evidence: `after ${iterations} gradient steps (eta = ${formatEvidenceNumber(eta)}): max |softmax - empirical| = ${formatEvidenceNumber(worst)} at ${where} (a priori L1 bound ${formatEvidenceNumber(apriori)})`,
        details: { aPrioriL1Bound: apriori, learningRate: eta },
        range: [0, 1],
      };
    },
  };
}
