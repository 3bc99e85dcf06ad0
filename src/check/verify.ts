/**
 * `verify`: every statement at its example points, then every planted bug at the checks that
 * must catch it, under one false-alarm budget split over all checks (Bonferroni), so that a
 * "refuted" in the report means something. Pure: returns the records, writes nothing.
 */
import { deriveSeed } from "../rng/index.ts";
import { reference, type Implementation } from "./implementation.ts";
import { plantedBugs } from "./plantedBugs.ts";
import { statementsFor } from "./registry.ts";
import { runCheck, splitBudget } from "./runCheck.ts";
import type { Statement } from "./statement.ts";
import type { Parameters, VerdictRecord } from "./types.ts";

export interface VerifyOptions {
  seed: number;
  /** Suite-wide false-alarm budget (default 1e-6). */
  delta?: number;
  extended?: boolean;
  /** Only statements (and planted bugs) whose id starts with one of these. */
  only?: string[];
  /** Include the planted-bug catalogue (default true). */
  plantedBugs?: boolean;
  onProgress?: (done: number, total: number, label: string) => void;
  /** Anytime-valid sequential checks where supported (CheckContext.sequential; default off). */
  sequential?: boolean;
}

export interface PlannedCheck {
  label: string;
  statement: Statement;
  point: Parameters;
  pointIndex: number;
  /** Planted-bug id, for catalogue entries. */
  bug?: string;
  bugDescription?: string;
}

export type VerifyRecord = VerdictRecord & { caughtBy?: string; bug?: string };

function matches(only: string[] | undefined, id: string): boolean {
  return !only || only.length === 0 || only.some((o) => id === o || id.startsWith(o));
}

/** The checks a verify run will do, in order (cheap: builds statements, runs nothing). */
export function planChecks(options: Pick<VerifyOptions, "extended" | "only" | "plantedBugs">): PlannedCheck[] {
  const plan: PlannedCheck[] = [];
  for (const st of statementsFor(reference)) {
    if (!matches(options.only, st.id)) continue;
    const points = options.extended && st.extendedPoints ? [...st.points, ...st.extendedPoints] : st.points;
    points.forEach((point, i) => plan.push({ label: `${st.id}#${i}`, statement: st, point, pointIndex: i }));
  }
  if (options.plantedBugs !== false) {
    for (const bug of plantedBugs()) {
      if (!matches(options.only, `bug:${bug.id}`) && !bug.caughtBy.some((c) => matches(options.only, c.statement))) continue;
      const statements = new Map(statementsFor(bug.impl).map((s) => [s.id, s] as const));
      for (const c of bug.caughtBy) {
        const st = statements.get(c.statement);
        if (!st) throw new Error(`planted bug ${bug.id}: unknown statement ${c.statement}`);
        const planted: Statement = { ...st, id: `bug:${bug.id}/${st.id}`, kind: "planted-bug", expected: "refuted", title: bug.description };
        plan.push({
          label: `${planted.id}`,
          statement: planted,
          point: c.point ?? st.points[0],
          pointIndex: 0,
          bug: bug.id,
          bugDescription: bug.description,
        });
      }
    }
  }
  return plan;
}

/** Runs one planned check (the unit of work a worker thread does). */
export function runPlanned(c: PlannedCheck, seed: number, delta: number, extended: boolean, sequential = false): VerifyRecord {
  const seedLabel = `${c.statement.seedLabel ?? c.statement.id}#${JSON.stringify(c.point)}`;
  const rec = runCheck(c.statement, c.point, { seed: deriveSeed(seed, seedLabel), delta, extended, ...(sequential ? { sequential } : {}) });
  return c.bug ? { ...rec, bug: c.bug, caughtBy: c.statement.id.split("/")[1] } : rec;
}

/** The false-alarm rate of each check of a plan: the suite budget split by Bonferroni. */
export function checkDelta(options: Pick<VerifyOptions, "delta">, planSize: number): number {
  return splitBudget(options.delta ?? 1e-6, Math.max(1, planSize));
}

/** Runs the plan in this thread and returns one record per check. */
export function verify(options: VerifyOptions): VerifyRecord[] {
  const plan = planChecks(options);
  const delta = checkDelta(options, plan.length);
  const records: VerifyRecord[] = [];
  plan.forEach((c, i) => {
    options.onProgress?.(i, plan.length, c.label);
    records.push(runPlanned(c, options.seed, delta, options.extended ?? false, options.sequential ?? false));
  });
  options.onProgress?.(plan.length, plan.length, "done");
  return records;
}

/** Ids whose verdict differs from what the harness expects (empty: the run passes). */
export function unexpectedVerdicts(records: readonly VerdictRecord[]): VerdictRecord[] {
  return records.filter((r) => r.verdict !== r.expected);
}

export type { Implementation };
