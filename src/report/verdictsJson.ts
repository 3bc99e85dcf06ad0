/**
 * verdicts.json: the machine-readable report of one `verify` run. Byte-identical for identical
 * input: fixed key order, 2-space indent, full-precision numbers, trailing newline.
 */
import { formatJson, jsonFile, sortKeysDeep } from "./formatJson.ts";
import { VOLATILE_REPORT_FIELDS, type VerdictReport } from "./types.ts";

const REPORT_KEYS = ["tool", "version", "commit", "seed", "budget", "durationSeconds", "records", "figures"];
const BUDGET_KEYS = ["delta", "correction"];
const RECORD_KEYS = [
  "id", "title", "where", "kind", "expected", "method", "relation", "parameters", "predicted", "estimate",
  "interval", "replicates", "delta", "epsilon", "tightness", "verdict", "evidence", "seed", "hash", "caughtBy",
];
const FIGURE_KEYS = ["id", "title", "files"];

/** Known keys first in the given order (their values with keys sorted deep), then the others sorted. */
function ordered(obj: object, known: readonly string[], place: Record<string, (v: unknown) => unknown> = {}): Record<string, unknown> {
  const source = obj as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const rest = Object.keys(source).filter((k) => !known.includes(k)).sort();
  for (const key of [...known.filter((k) => k in source), ...rest]) {
    if (source[key] === undefined) continue;
    out[key] = place[key] ? place[key](source[key]) : sortKeysDeep(source[key]);
  }
  return out;
}

function orderedReport(report: VerdictReport): Record<string, unknown> {
  return ordered(report, REPORT_KEYS, {
    budget: (b) => ordered(b as object, BUDGET_KEYS),
    records: (rs) => (rs as object[]).map((r) => ordered(r, RECORD_KEYS)),
    figures: (fs) => (fs as object[]).map((f) => ordered(f, FIGURE_KEYS)),
  });
}

/**
 * The text of verdicts.json. Key order: the `VerdictReport` / `VerdictRecord` field order, then any
 * other keys sorted; nested free-form objects (`parameters`, `details`) have their keys sorted.
 * Non-finite numbers are written as the strings "NaN", "Infinity", "-Infinity".
 * @example verdictsJson(report).endsWith("}\n"); // => true
 */
export function verdictsJson(report: VerdictReport): string {
  let text = "";
  for (const chunk of verdictsJsonFile(report)) text += chunk;
  return text;
}

/**
 * The text of `verdictsJson(report)` in chunks, produced as they are written (report checked at the call).
 * @example [...verdictsJsonFile(report)].join("") === verdictsJson(report); // => true
 */
export function verdictsJsonFile(report: VerdictReport): Iterable<string> {
  if (report === null || typeof report !== "object") throw new TypeError("report must be a VerdictReport object");
  if (!Array.isArray(report.records)) throw new TypeError("report.records must be an array");
  if (!Array.isArray(report.figures)) throw new TypeError("report.figures must be an array");
  return jsonFile(orderedReport(report));
}

/**
 * verdicts.json text with the run-to-run fields (`commit`, `durationSeconds`) removed, re-rendered
 * the same way: two runs of the same code and seed give equal strings.
 * @example verdictsJsonForComparison(verdictsJson({ ...report, commit: "abc" })) === verdictsJsonForComparison(verdictsJson(report)); // => true
 */
export function verdictsJsonForComparison(text: string): string {
  const parsed = JSON.parse(text) as Record<string, unknown>;
  for (const key of VOLATILE_REPORT_FIELDS) delete parsed[key];
  return formatJson(parsed) + "\n";
}
