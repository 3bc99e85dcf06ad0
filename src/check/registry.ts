/**
 * The theorem registry: every statement the harness checks, built for one implementation (the
 * reference one, or a planted bug's), in the order of the paper.
 */
import type { Implementation } from "./implementation.ts";
import type { Statement } from "./statement.ts";
import { samplerBinomialStatement } from "./statements/samplerBinomial.ts";
import { samplerLawStatements } from "./statements/samplerLaws.ts";
import { collapseTimeLawStatement } from "./statements/collapseTimeLaw.ts";
import { thm1CollapseStatements, thm1SharpnessStatement } from "./statements/thm1CollapseBounds.ts";
import { thm1SmExactStatement, thm1SmStatement } from "./statements/thm1Sm.ts";
import {
  thm2PrintedExactStatement,
  thm2PrintedStatement,
  thm2SmPartialExactStatement,
  thm2SmPartialStatement,
} from "./statements/thm2SmPartial.ts";
import { deviationProbabilityStatements } from "./statements/deviationProbability.ts";
import { eq11Statement, eq11TrivialStatement } from "./statements/eq11MaxSynthetic.ts";
import { eq2SoftmaxStatement } from "./statements/eq2SoftmaxOptimum.ts";
import { fsCovarianceStatement, fsSecondMomentsStatement } from "./statements/fsSecondMoments.ts";
import { kimuraOhtaStatement } from "./statements/kimuraOhta.ts";
import { kimuraOhtaTwoTokenStatement } from "./statements/kimuraOhtaTwoToken.ts";
import { firstLossTimeStatement } from "./statements/firstLossTime.ts";
import { tokenLossProbabilityStatements } from "./statements/tokenLossProbabilities.ts";
import { lemma1Statements } from "./statements/lemma1L1Concentration.ts";
import { mrmCertainStatement, mrmDelayedStatement } from "./statements/mostRecentModels.ts";
import { multiContextStatements } from "./statements/multiContext.ts";
import { multiContextExactStatements } from "./statements/multiContextExact.ts";
import { prop1AbsorptionExactStatement, prop1AbsorptionStatement } from "./statements/prop1Absorption.ts";
import {
  psDistanceFromStartStatement,
  psDriftExactStatement,
  psDriftStatement,
  psFreshRealStatement,
  psLimitExactStatement,
  psLimitStatement,
} from "./statements/psSecondMoments.ts";
import { rsdPlateauStatement, rsdRareCollapseStatement } from "./statements/randomlySampledData.ts";
import { simulateExactStatement } from "./statements/simulateExact.ts";
import { thm3Statement } from "./statements/thm3DeviationBound.ts";
import { thm4Statements } from "./statements/thm4GeneralBound.ts";
import { thm4ExpectationStepStatement } from "./statements/thm4ExpectationStep.ts";
import { thm4CorrectedStepStatement, thm4PrintedStepStatement } from "./statements/thm4PrintedStep.ts";
import { tokenLossStatements } from "./statements/tokenLossBounds.ts";
import { unbiasednessStatement } from "./statements/unbiasedness.ts";
import { settingSecondMomentsStatement } from "./statements/settingSecondMoments.ts";

export function statementsFor(impl: Implementation): Statement[] {
  return [
    samplerBinomialStatement(impl),
    ...samplerLawStatements(impl),
    thm1SmStatement(impl),
    thm1SmExactStatement(impl),
    ...thm1CollapseStatements(impl),
    thm1SharpnessStatement(impl),
    collapseTimeLawStatement(impl),
    thm2SmPartialStatement(impl),
    thm2SmPartialExactStatement(impl),
    thm2PrintedStatement(impl),
    thm2PrintedExactStatement(),
    eq2SoftmaxStatement(),
    unbiasednessStatement(impl),
    settingSecondMomentsStatement(impl),
    prop1AbsorptionStatement(impl),
    prop1AbsorptionExactStatement(),
    psLimitStatement(impl),
    psLimitExactStatement(),
    ...lemma1Statements(impl),
    thm3Statement(impl),
    eq11Statement(impl),
    eq11TrivialStatement(),
    ...thm4Statements(impl),
    thm4PrintedStepStatement(),
    thm4CorrectedStepStatement(),
    thm4ExpectationStepStatement(),
    ...deviationProbabilityStatements(impl),
    fsSecondMomentsStatement(impl),
    fsCovarianceStatement(impl),
    psDriftStatement(impl),
    psDriftExactStatement(impl),
    psDistanceFromStartStatement(impl),
    psFreshRealStatement(impl),
    kimuraOhtaStatement(impl),
    kimuraOhtaTwoTokenStatement(),
    firstLossTimeStatement(impl),
    ...tokenLossStatements(impl),
    ...tokenLossProbabilityStatements(impl),
    mrmDelayedStatement(impl),
    mrmCertainStatement(impl),
    rsdRareCollapseStatement(impl),
    rsdPlateauStatement(impl),
    simulateExactStatement(impl),
    ...multiContextStatements(impl),
    ...multiContextExactStatements(impl),
  ];
}
