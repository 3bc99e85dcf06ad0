/** Exact solutions of the resampling chains for small s and n (public re-exports). */
export { compositionCount, createCompositionIndex, type CompositionIndex } from "./compositions.ts";
export { createLumpedIndex, type LumpedIndex } from "./lumpedIndex.ts";
export { binomialPmf, stirlerr, bd0 } from "./binomialPmf.ts";
export { multinomialPmf } from "./multinomialPmf.ts";
export { logFactorials } from "./logFactorials.ts";
export { luFactor, luSolve, type LuFactors } from "./luSolve.ts";
export {
  MAX_EXACT_STATES,
  MAX_COMPOSITIONS,
  MAX_BUILD_PAIRS,
  checkStateSpace,
  checkFullySyntheticSize,
  fullySyntheticDenseSize,
  partitionCount,
} from "./stateSpaceLimit.ts";
export {
  solveFullySyntheticLevels,
  stateValues,
  LOG_TINY,
  type FullySyntheticLevel,
  type FullySyntheticLevels,
  type StateValues,
} from "./fullySyntheticLevels.ts";
export { firstStepExpectations, solvedLevelsFor, supportOf, type FirstStepExpectations } from "./firstStepExpectations.ts";
export { expectedCollapseTime, expectedCollapseTimeFromCounts } from "./expectedCollapseTime.ts";
export { absorptionProbabilities } from "./absorptionProbabilities.ts";
export { expectedFirstLossTime } from "./expectedFirstLossTime.ts";
export { collapseLaw, type CollapseLaw } from "./collapseLaw.ts";
export { fullySyntheticExact, type FullySyntheticExactResult } from "./fullySyntheticExact.ts";
export {
  partiallySyntheticTrajectory,
  partiallySyntheticAveragedTrajectory,
  checkRealCounts,
  MAX_AVERAGE_WORK,
  type PartiallySyntheticTrajectory,
} from "./partiallySyntheticTrajectory.ts";
export { partiallySyntheticExact, type PartiallySyntheticExactResult } from "./partiallySyntheticExact.ts";
export { exactRunLaw, EXACT_RUN_MEASURES, MAX_RUN_LAW_STATES, type ExactRunConfig, type ExactRunLaw, type ExactRunMeasure } from "./exactRunLaw.ts";
export { multinomialLaw, hypergeometricLaw, pointLaw, convolveLaws, mixLaws, type CountLaw as CountVectorLaw, type CountOutcome } from "./countLaw.ts";
export {
  exactFixedCountsLaw,
  exactMarkovTextLaw,
  type ExactFixedCountsConfig,
  type ExactMarkovTextConfig,
  type ExactMultiContextLaw,
} from "./multiContextExact.ts";
export { multinomialL1DeviationLaw, multinomialL1TailExact, l1TailFromLaw, type L1DeviationLaw, type ExactL1Tail } from "./multinomialL1Tail.ts";
export { partiallySyntheticExpectedLambda } from "./partiallySyntheticLambda.ts";
export { multivariateHypergeometricPmf } from "./multivariateHypergeometricPmf.ts";
