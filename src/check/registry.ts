/**
 * The theorem registry: every statement the harness checks, built for one implementation (the
 * reference one, or a planted bug's), in the order of the paper.
 */
import type { Implementation } from "./implementation.ts";
import type { Statement } from "./statement.ts";
import { samplerBinomialStatement } from "./statements/samplerBinomial.ts";
import { thm1CollapseStatements, thm1SharpnessStatement } from "./statements/thm1CollapseBounds.ts";
import { thm1SmExactStatement, thm1SmStatement } from "./statements/thm1Sm.ts";
import {
  thm2PrintedExactStatement,
  thm2PrintedStatement,
  thm2SmPartialExactStatement,
  thm2SmPartialStatement,
} from "./statements/thm2SmPartial.ts";

export function statementsFor(impl: Implementation): Statement[] {
  return [
    samplerBinomialStatement(impl),
    thm1SmStatement(impl),
    thm1SmExactStatement(impl),
    ...thm1CollapseStatements(impl),
    thm1SharpnessStatement(impl),
    thm2SmPartialStatement(impl),
    thm2SmPartialExactStatement(impl),
    thm2PrintedStatement(impl),
    thm2PrintedExactStatement(),
  ];
}
