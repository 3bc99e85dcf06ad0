/**
 * One calibration task, the unit of work a worker thread does: a check of the reference
 * implementation at an inflated delta, or a perturbed check at the default delta. The seed of
 * replicate r is derived from the run seed and a label naming the task's kind (and delta), then
 * the check derives its own from it exactly as verify does (runPlanned: its seed label and point).
 * Power replicates use the same seeds at every size (common random numbers: smoother curves).
 * Depends only on the task and the run seed, never on the thread.
 */
import { reference } from "../check/implementation.ts";
import { statementsFor } from "../check/registry.ts";
import type { Statement } from "../check/statement.ts";
import type { VerdictRecord } from "../check/types.ts";
import { runPlanned } from "../check/verify.ts";
import { deriveSeed } from "../rng/index.ts";
import type { CalibrationTask, PowerFamily, ReferenceRow, TaskOutcome } from "./types.ts";

let referenceStatements: Map<string, Statement> | null = null;

function statementOf(id: string, statements: Statement[]): Statement {
  const st = statements.find((s) => s.id === id);
  if (!st) throw new RangeError(`unknown statement ${id}`);
  return st;
}

/** The compared rows of a record: details.perGeneration (bound or predicted) or details.rows, else the record itself. */
export function rowsOf(record: VerdictRecord): ReferenceRow[] {
  const d = record.details as { perGeneration?: Array<Record<string, number>>; rows?: Array<Record<string, number | string>> } | undefined;
  const list = (d?.perGeneration ?? d?.rows) as Array<Record<string, number | string>> | undefined;
  if (!list) return [{ predicted: record.predicted, estimate: record.estimate }];
  return list.map((r) => ({ predicted: Number(r.predicted ?? r.bound), estimate: Number(r.estimate), ...(typeof r.label === "string" ? { label: r.label } : {}) }));
}

/** The seed a replicate runs with (before the check derives its own). */
export function replicateSeed(seed: number, task: CalibrationTask): number {
  return task.kind === "false-alarm"
    ? deriveSeed(seed, `calibrate/false-alarm/${task.delta}/${task.replicate}`)
    : deriveSeed(seed, `calibrate/power/${task.replicate}`);
}

export function runCalibrationTask(task: CalibrationTask, seed: number, defaultDelta: number, families: readonly PowerFamily[]): TaskOutcome {
  const runSeed = replicateSeed(seed, task);
  if (task.kind === "false-alarm") {
    referenceStatements ??= new Map(statementsFor(reference).map((s) => [s.id, s]));
    const statement = referenceStatements.get(task.statement);
    if (!statement) throw new RangeError(`unknown statement ${task.statement}`);
    const rec = runPlanned({ label: `${statement.id}#${task.point}`, statement, point: statement.points[task.point], pointIndex: task.point }, runSeed, task.delta, false);
    return { verdict: rec.verdict, relation: rec.relation, epsilon: rec.epsilon };
  }
  const family = families.find((f) => f.id === task.family);
  if (!family) throw new RangeError(`unknown power family ${task.family}`);
  const statement = statementOf(family.statement, statementsFor(family.impl(family.sizes[task.size])));
  const rec = runPlanned({ label: `${statement.id}#${family.point}`, statement, point: statement.points[family.point], pointIndex: family.point }, runSeed, defaultDelta, false);
  return {
    verdict: rec.verdict,
    relation: rec.relation,
    epsilon: family.epsilonOf ? family.epsilonOf(rec) : rec.epsilon,
    ...(task.size === 0 ? { rows: rowsOf(rec) } : {}),
  };
}
