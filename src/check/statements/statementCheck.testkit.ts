/**
 * Shared by the statement tests: run a statement at one of its points with seed 1 and the test
 * false-alarm rate 1e-8, and assert the expected verdict (assertCheck's message replays it).
 */
import { plantedBugs } from "../plantedBugs.ts";
import { assertCheck, runCheck } from "../runCheck.ts";
import type { Statement } from "../statement.ts";
import type { VerdictRecord } from "../types.ts";
import type { Implementation } from "../implementation.ts";

/** False-alarm rate of each statistical test built on this kit. */
export const TEST_DELTA = 1e-8;

/** Runs `statement` at its point `index` (default the first) with seed 1; throws unless the verdict is the expected one. */
export function expectStatementPoint(statement: Statement, index = 0): VerdictRecord {
  const rec = runCheck(statement, statement.points[index], { seed: 1, delta: TEST_DELTA, extended: false });
  assertCheck(rec);
  return rec;
}

/** The implementation of planted bug `id` (throws if the catalogue has no such bug). */
export function bugImplementation(id: string): Implementation {
  const bug = plantedBugs().find((b) => b.id === id);
  if (!bug) throw new Error(`no planted bug ${id}`);
  return bug.impl;
}

/** Runs `statement` (built on a planted bug) at a point and returns its verdict. */
export function verdictAt(statement: Statement, point = statement.points[0]): VerdictRecord["verdict"] {
  return runCheck(statement, point, { seed: 1, delta: TEST_DELTA, extended: false }).verdict;
}
