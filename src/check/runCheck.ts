/**
 * The pure runner (`runCheck`: returns a record, never throws) and the throwing one
 * (`assertCheck`: what tests use; its message carries the id, parameters and seed so a failure
 * replays exactly).
 */
import { createHash } from "node:crypto";
import { decideVerdict, tightness, trivialBound } from "./decide.ts";
import type { CheckContext, Statement } from "./statement.ts";
import type { Expected, Parameters, VerdictRecord } from "./types.ts";

/** Canonical JSON: keys sorted at every depth, so equal records hash equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => {
    if (v && typeof v === "object" && !Array.isArray(v) && !ArrayBuffer.isView(v)) {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]));
    }
    if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
    return v;
  });
}

/** First 16 hex digits of the SHA-256 of a record's canonical JSON (without its hash field). */
export function recordHash(record: Omit<VerdictRecord, "hash">): string {
  return createHash("sha256").update(canonicalJson(record)).digest("hex").slice(0, 16);
}

/**
 * Runs one statement at one point. An exception inside the measurement gives an "inconclusive"
 * record whose evidence is the error message (so does a bound that declares no a priori range). The record's delta is the check's false-alarm rate:
 * ctx.delta for a Monte Carlo check, 0 for the deterministic ones (exact, oracle, property), whose
 * verdict no draw of chance can flip. A bound whose measurement declares the a priori range of the
 * measured quantity is "vacuous" when it is at or beyond that range (decideVerdict). A point may set
 * `expect: "vacuous"` (the paper's own points whose bound is beyond the trivial one, kept and
 * labelled): the record then expects "vacuous" instead of the statement's verdict.
 */
export function runCheck(statement: Statement, point: Parameters, ctx: CheckContext): VerdictRecord {
  let base: Omit<VerdictRecord, "hash">;
  const delta = statement.method === "monte-carlo" ? ctx.delta : 0;
  const { id, title, where, kind, method } = statement;
  const expected: Expected = point.expect === "vacuous" ? "vacuous" : statement.expected;
  const head = { id, title, where, kind, expected, method };
  try {
    const m = statement.measure(point, ctx);
    if (m.relation !== "equals" && m.range === undefined) {
      throw new Error(`bug in the statement: its ${m.relation} bound declares no a priori range of the measured quantity, so vacuity cannot be judged`);
    }
    base = {
      ...head,
      relation: m.relation,
      parameters: point,
      predicted: m.predicted,
      estimate: m.estimate,
      interval: m.interval,
      replicates: m.replicates,
      delta,
      epsilon: m.epsilon,
      tightness: tightness(m.relation, m.predicted, m.estimate),
      ...(m.range ? { range: m.range, trivialBound: trivialBound(m.relation, m.range) } : {}),
      verdict: decideVerdict(m.relation, m.predicted, m.interval, m.range),
      evidence: m.evidence,
      seed: ctx.seed,
      ...(m.details ? { details: m.details } : {}),
    };
  } catch (err) {
    base = {
      ...head,
      relation: "equals",
      parameters: point,
      predicted: Number.NaN,
      estimate: Number.NaN,
      interval: [Number.NaN, Number.NaN],
      replicates: 0,
      delta,
      epsilon: Number.NaN,
      tightness: null,
      verdict: "inconclusive",
      evidence: `error: ${(err as Error).message}`,
      seed: ctx.seed,
    };
  }
  return { ...base, hash: recordHash(base) };
}

/** Throws unless the record's verdict is what the statement expects; the message replays it. */
export function assertCheck(record: VerdictRecord): void {
  if (record.verdict !== record.expected) {
    throw new Error(
      `${record.id}: expected "${record.expected}", got "${record.verdict}" ` +
        `(predicted ${record.predicted}, estimate ${record.estimate}, interval [${record.interval.join(", ")}]; ` +
        `${record.evidence}) { seed: ${record.seed}, parameters: ${canonicalJson(record.parameters)} }`,
    );
  }
}

/** Bonferroni split of a suite-wide false-alarm budget over `count` checks. */
export function splitBudget(totalDelta: number, count: number): number {
  if (!(totalDelta > 0 && totalDelta < 1)) throw new RangeError(`delta must lie in (0, 1), got ${totalDelta}`);
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be an integer >= 1, got ${count}`);
  return totalDelta / count;
}
