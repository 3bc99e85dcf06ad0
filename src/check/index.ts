/** Calibrated verdicts: intervals with guaranteed coverage, checks, the registry, planted bugs, verify. */
export type { Measurement, Method, Parameters, Relation, StatementKind, Verdict, VerdictRecord } from "./types.ts";
export type { CheckContext, Statement } from "./statement.ts";
export { decideVerdict, tightness } from "./decide.ts";
export {
  betaQuantile,
  clopperPearson,
  dkwHalfWidth,
  empiricalBernsteinInterval,
  hoeffdingHalfWidth,
  hoeffdingSampleSize,
  type Interval,
} from "./intervals.ts";
export { incompleteBeta } from "./incompleteBeta.ts";
export { bernsteinSampleSize, meanAndVariance, meanInterval } from "./montecarlo.ts";
export { assertCheck, canonicalJson, recordHash, runCheck, splitBudget } from "./runCheck.ts";
export { reference, type Implementation } from "./implementation.ts";
export { statementsFor } from "./registry.ts";
export { plantedBugs, type PlantedBug } from "./plantedBugs.ts";
export { planChecks, unexpectedVerdicts, verify, type PlannedCheck, type VerifyOptions, type VerifyRecord } from "./verify.ts";
export { verifyParallel } from "./verifyParallel.ts";
