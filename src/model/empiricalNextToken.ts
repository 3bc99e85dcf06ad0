import { toCounts } from "./checkData.ts";
import type { CountTable, LanguageModel, PairData } from "./types.ts";

/**
 * The estimator of Eq (2): for each context j, the empirical next-token frequency
 * p̂_{jk} = (1/|C_j|) sum_{l in C_j} y_{lk} = n_{jk} / sum_i n_{ji}, C_j = {l : x_l = e_j}.
 * Source: Sect. 2.1, Eq (2) (the optimum of Eq (1) with one-hot contexts, App. B.1).
 * Accepts counts or the raw pairs; a context with no samples (|C_j| = 0) is a RangeError.
 * @example empiricalNextToken({ s: 2, contextLength: 0, contexts: [0], counts: [Float64Array.of(1, 3)] });
 * // => { s: 2, contextLength: 0, contexts: [0], tables: [Float64Array [0.25, 0.75]] }
 */
export function empiricalNextToken(data: CountTable | PairData): LanguageModel {
  const table = toCounts(data);
  const tables = table.counts.map((row, i) => {
    let total = 0;
    for (const v of row) total += v;
    if (total === 0) throw new RangeError(`counts[${i}] (context ${table.contexts[i]}) has no samples: Eq (2) is undefined`);
    return row.map((v) => v / total);
  });
  return { s: table.s, contextLength: table.contextLength, contexts: [...table.contexts], tables };
}
