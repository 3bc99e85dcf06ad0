/**
 * The statistical language model of Sect. 2.1: vocabulary s, context length l, c <= s^l contexts,
 * next-token tables p_{jk}; the estimator of Eq (2), the softmax classifier of Eq (1), pair
 * counting and autoregressive generation.
 */
export type { CountTable, LanguageModel, PairData } from "./types.ts";
export { contextId, contextTokens, checkContextSpace } from "./contextId.ts";
export { countPairs } from "./countPairs.ts";
export { checkCountTable, checkLanguageModel, pairsToCounts, toCounts } from "./checkData.ts";
export { empiricalNextToken } from "./empiricalNextToken.ts";
export { softmax, logSumExp } from "./softmax.ts";
export {
  trainSoftmax,
  softmaxMaxStep,
  softmaxConvergenceBound,
  type SoftmaxTrainingOptions,
  type SoftmaxTrainingResult,
} from "./trainSoftmax.ts";
export { sampleText } from "./sampleText.ts";
