/**
 * Plain data of the statistical language model of Sect. 2.1. A context j = (j_1, ..., j_l) of
 * l tokens in [s] = {0, ..., s-1} is identified by its base-s number
 * id = j_1 s^(l-1) + j_2 s^(l-2) + ... + j_l (j_1, the oldest token, most significant; l = 0 has
 * the single context id 0). Only the c <= s^l contexts listed are part of the model.
 */

/** Next-token tables p_{jk} = P(Y = k | X = j) for c contexts (Sect. 2.1). */
export interface LanguageModel {
  /** Vocabulary size s. */
  s: number;
  /** Context length l (0: a unigram model with the single context 0). */
  contextLength: number;
  /** The c context ids, distinct, each in [0, s^l). */
  contexts: number[];
  /** tables[i][k] = p_{contexts[i], k}: one probability vector of length s per context. */
  tables: Float64Array[];
}

/** (context, next-token) pair counts n_{jk} = |{l : x_l = e_j, y_l = e_k}| for c contexts. */
export interface CountTable {
  s: number;
  contextLength: number;
  /** The c context ids, distinct, each in [0, s^l). */
  contexts: number[];
  /** counts[i][k] = n_{contexts[i], k}, non-negative integers. */
  counts: Float64Array[];
}

/** The dataset {(x_l, y_l)}_{l in [M]} of Sect. 2.1, contexts and next tokens given by index. */
export interface PairData {
  s: number;
  contextLength: number;
  /** x[l] = context id of sample l (the one-hot e_j is implied). */
  x: ArrayLike<number>;
  /** y[l] = next token of sample l, in [0, s). */
  y: ArrayLike<number>;
}
