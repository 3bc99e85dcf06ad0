/**
 * The paper's statements (spec sections 2 and 4) as closed forms, one file per statement, each
 * with a stable `id` (re-exported here as `<name>Id`).
 */
export { id as thm1SmId, fullySyntheticSm, fullySyntheticOneMinusSm, type FullySyntheticSmParams } from "./thm1-sm.ts";
export {
  id as thm1RhoBoundsId,
  collapseProbabilityBounds,
  collapseProbabilityBoundsUnchecked,
  type CollapseProbabilityParams,
  type ProbabilityBounds,
} from "./thm1-rho-bounds.ts";
export { id as thm1CollapseTimeBoundsId, collapseTimeBounds, type CollapseTimeParams, type CollapseTimeBounds } from "./thm1-collapse-time-bounds.ts";
export { id as prop1AbsorptionId, absorptionProbabilities, absorptionProbability } from "./prop1-absorption.ts";
export {
  id as thm2SmPartialId,
  alphaBetaUnchecked,
  partiallySyntheticAlphaBeta,
  eq9NextSm,
  partiallySyntheticSm,
  eq9NextNu,
  firstNu,
  nuRecursionStep,
  partiallySyntheticSmByRecursion,
  partiallySyntheticLimit,
  type Eq9Sign,
  type Eq9Params,
  type AlphaBeta,
  type PartialLimit,
} from "./thm2-sm-partial.ts";
export {
  id as lemma1L1ConcentrationId,
  C0,
  C1,
  LOG_C0,
  LOG_C1,
  C0_OVER_2E,
  MAX_EXACT_SUPPORT,
  phi,
  phiUnchecked,
  piP,
  piUnchecked,
  gn,
  gnRegimeUnchecked,
  logGnUnchecked,
  logWeissmanUnchecked,
  logBestGUnchecked,
  weissmanFactor,
  l1TailBound,
  l1TailBoundUnchecked,
  l1TailBoundForDistribution,
  type PiMethod,
  type PiResult,
  type GnRegime,
  type GnResult,
  type TailForm,
  type LogBound,
} from "./lemma1-l1-concentration.ts";
export { id as thm3DeviationBoundId, thm3DeviationBound, logThm3BoundUnchecked, type DeviationBound } from "./thm3-deviation-bound.ts";
export { id as eq11MaxSyntheticId, maxSyntheticSamples, TWO_PI_OVER_E2, type Eq11Reading, type MaxSynthetic } from "./eq11-max-synthetic.ts";
export {
  id as thm4GeneralBoundId,
  lambdaP,
  lambdaUnchecked,
  thm4Zeta,
  zetaUnchecked,
  thm4DeviationBound,
  lambdaOfMixture,
  printedLambdaStepBound,
  correctedLambdaStepBound,
  type LambdaResult,
  type Zeta,
  type ZetaChoice,
  type Thm4Bound,
} from "./thm4-general-bound.ts";
export {
  id as deviationProbabilityId,
  deviationProbabilityMarkov,
  deviationProbabilityUnion,
  unionBoundForRatio,
  RATIO_EXPONENTS,
  MAX_EXACT_TERMS,
  type DeviationProbability,
  type UnionDeviationProbability,
} from "./deviation-probability.ts";
export { id as fsSecondMomentsId, fsSecondMomentMatrix, fsCovarianceMatrix, fsExpectedSquaredDistanceFromStart } from "./fs-second-moments.ts";
export {
  id as psSecondMomentsId,
  psFirstGenerationSquaredError,
  psDrift,
  psDriftByRecursion,
  psDriftLimit,
  psSquaredDistanceFromStart,
  freshRealSquaredError,
  freshRealSquaredErrorByRecursion,
  freshRealSquaredErrorLimit,
  type PsParams,
} from "./ps-second-moments.ts";
export { id as kimuraOhtaId, kimuraOhtaCollapseTime, kimuraOhtaUniform, kimuraOhtaTwoToken, type TwoTokenTimes } from "./kimura-ohta.ts";
export {
  id as tokenLossBoundsId,
  tokenExpectedHeterozygosity,
  tokenSegregationBounds,
  tokenLostAtFirstGeneration,
  tokenEventualLoss,
  type TokenParams,
  type SegregationBounds,
} from "./token-loss-bounds.ts";
export {
  id as multiContextBoundsId,
  multiContextCollapseProbabilityBounds,
  multiContextMaxCollapseTimeBounds,
  type ContextSpec,
  type AllCollapsedBounds,
  type MaxCollapseTimeBounds,
} from "./multi-context-bounds.ts";
export {
  id as randomCountBoundsId,
  mixedStepFactor,
  randomCountSm,
  randomCountCollapseProbabilityBounds,
  randomCountCollapseTimeBounds,
  type CountLaw,
  type MixedFactor,
} from "./random-count-bounds.ts";
export {
  id as settingSecondMomentsId,
  settingSecondMoments,
  type SecondMomentParams,
  type SecondMomentSetting,
  type SecondMoments,
} from "./setting-second-moments.ts";
export { sumMinOneGeometric } from "./tail-sum.ts";
export { logPowOneMinusInverse, powOneMinusInverse, oneMinusPowOneMinusInverse, oneMinusExp, powFromLog, logSumExp } from "./stable-powers.ts";

/** Every statement id, in spec order. */
export const theoryIds = [
  "thm1-sm",
  "thm1-rho-bounds",
  "thm1-collapse-time-bounds",
  "prop1-absorption",
  "thm2-sm-partial",
  "lemma1-l1-concentration",
  "thm3-deviation-bound",
  "eq11-max-synthetic",
  "thm4-general-bound",
  "deviation-probability",
  "fs-second-moments",
  "ps-second-moments",
  "kimura-ohta",
  "token-loss-bounds",
  "multi-context-bounds",
  "random-count-bounds",
  "setting-second-moments",
] as const;
