/**
 * VERDICTS.md: the human-readable report of one `verify` run. It leaves out the commit and the
 * duration, so the committed file regenerates byte-identically from the same code and seed.
 */
import { formatParameters } from "./formatParameters.ts";
import { formatNumber, markdownTable, type Align } from "./markdown.ts";
import type { ReportFigure, ReportRecord, VerdictReport } from "./types.ts";

/** Options of `verdictsMarkdown`. */
export interface VerdictsMarkdownOptions {
  /** The command that regenerates the report; default `npx <tool> verify --seed <seed>`. */
  command?: string;
  /** One paragraph saying what the report is; a default is written when absent. */
  description?: string;
}

const VERDICTS = ["holds", "vacuous", "refuted", "inconclusive"] as const;

const SECTIONS: ReadonlyArray<{ kind: ReportRecord["kind"]; heading: string; intro: string }> = [
  { kind: "statement", heading: "Statements of the paper", intro: "Each should hold." },
  {
    kind: "erratum",
    heading: "Errata",
    intro: "Statements as printed in the paper that are wrong; the harness should refute each on its own.",
  },
  { kind: "extension", heading: "Beyond the paper", intro: "Questions the paper leaves open, checked the same way." },
];

const DEFAULT_DESCRIPTION =
  "Each row is one statement checked at one parameter point. Verdict: **holds**, **refuted**, " +
  "**inconclusive**, or **vacuous** (the bound is at or beyond the largest value the quantity can take at " +
  "that point, so it could not have failed: evidence of nothing). Tightness is measured / bound; the " +
  "trivial bound is the end of the quantity's a priori range (shown as `bound vs trivial`, and " +
  "measured / trivial beside it); delta is the check's false-alarm rate and epsilon the smallest " +
  "discrepancy it detects. A mark ⚠ flags a verdict other than the expected one. " +
  "This file is generated; do not edit it by hand.";

function isUnexpected(r: ReportRecord): boolean {
  return r.verdict !== r.expected;
}

function verdictCell(r: ReportRecord): string {
  return isUnexpected(r) ? `⚠ ${r.verdict} (expected ${r.expected})` : r.verdict;
}

/** "bound 0.79 vs trivial 1 (measured / trivial 0.41)" for bounds with a declared range; "—" otherwise. */
function trivialCell(r: ReportRecord): string {
  if (r.trivialBound === undefined || r.trivialBound === null) return "—";
  const t = r.trivialBound;
  const used = t !== 0 && Number.isFinite(r.estimate) ? ` (measured / trivial ${formatNumber(r.estimate / t, 3)})` : "";
  return `${formatNumber(r.predicted, 4)} vs ${formatNumber(t, 4)}${r.relation === "atMost" ? used : ""}`;
}

function replicatesCell(r: ReportRecord): string {
  return r.method === "monte-carlo" || r.method === "property" ? formatNumber(r.replicates) : r.method;
}

function nameCell(r: ReportRecord): string {
  return `${r.title} (\`${r.id}\`)`;
}

function summaryLine(records: readonly ReportRecord[]): string {
  const counts = VERDICTS.map((v) => `${records.filter((r) => r.verdict === v).length} ${v}`).join(", ");
  const unexpected = records.filter(isUnexpected);
  const head = `**Summary:** ${records.length} checks: ${counts}.`;
  if (unexpected.length === 0) return `${head} All as expected.`;
  const list = unexpected.map((r) => `\`${r.id}\` (expected ${r.expected}, got ${r.verdict})`).join("; ");
  return `${head} ${records.length - unexpected.length} as expected, ${unexpected.length} not: ${list}.`;
}

function statementTable(records: readonly ReportRecord[]): string {
  const headers = ["statement", "where in the paper", "parameters", "verdict", "tightness", "trivial bound", "replicates", "delta", "epsilon", "evidence"];
  const align: Align[] = ["left", "left", "left", "left", "right", "right", "right", "right", "right", "left"];
  const rows = records.map((r) => [
    nameCell(r),
    r.where,
    formatParameters(r.parameters),
    verdictCell(r),
    r.tightness === null ? "—" : formatNumber(r.tightness, 3),
    trivialCell(r),
    replicatesCell(r),
    formatNumber(r.delta, 2),
    formatNumber(r.epsilon, 3),
    r.evidence,
  ]);
  return markdownTable(headers, rows, align);
}

function bugTable(records: readonly ReportRecord[]): string {
  const rows = records.map((r) => [nameCell(r), r.caughtBy ?? r.where, verdictCell(r), r.evidence]);
  return markdownTable(["bug", "caught by", "verdict", "evidence"], rows);
}

function figureLink(file: string): string {
  const path = file.replace(/\\/g, "/");
  const ext = (path.match(/\.([A-Za-z0-9]+)$/)?.[1] ?? "file").toUpperCase();
  return `[${ext}](${encodeURI(path).replace(/\(/g, "%28").replace(/\)/g, "%29")})`;
}

function figureList(figures: readonly ReportFigure[]): string {
  if (figures.length === 0) return "No figures in this run.\n";
  const sorted = (files: readonly string[]) =>
    [...files].sort((a, b) => Number(!/\.png$/i.test(a)) - Number(!/\.png$/i.test(b)));
  return figures.map((f) => `- **${f.id}**: ${f.title}: ${sorted(f.files).map(figureLink).join(" · ")}`).join("\n") + "\n";
}

/**
 * The text of VERDICTS.md: header (what, how to regenerate, seed, false-alarm budget), summary line,
 * one table per kind of statement, the planted-bug catalogue, and the figures with relative links.
 * @example verdictsMarkdown(report).startsWith("# Verdicts\n"); // => true
 */
export function verdictsMarkdown(report: VerdictReport, options: VerdictsMarkdownOptions = {}): string {
  if (report === null || typeof report !== "object") throw new TypeError("report must be a VerdictReport object");
  if (!Array.isArray(report.records)) throw new TypeError("report.records must be an array");
  if (!Array.isArray(report.figures)) throw new TypeError("report.figures must be an array");
  const command = options.command ?? `npx ${report.tool} verify --seed ${report.seed}`;
  const out: string[] = [
    "# Verdicts\n",
    `${options.description ?? DEFAULT_DESCRIPTION}\n`,
    [
      `- Regenerate: \`${command}\``,
      `- Tool: ${report.tool} ${report.version}`,
      `- Seed: ${report.seed}`,
      `- False-alarm budget: delta = ${formatNumber(report.budget.delta)} for the whole run, split by ${report.budget.correction}`,
    ].join("\n") + "\n",
    summaryLine(report.records) + "\n",
  ];
  for (const { kind, heading, intro } of SECTIONS) {
    const rows = report.records.filter((r) => r.kind === kind);
    if (rows.length > 0) out.push(`## ${heading}\n`, `${intro}\n`, statementTable(rows));
  }
  const known = new Set<string>([...SECTIONS.map((s) => s.kind), "planted-bug"]);
  const others = report.records.filter((r) => !known.has(r.kind));
  if (others.length > 0) out.push("## Other checks\n", statementTable(others));
  const bugs = report.records.filter((r) => r.kind === "planted-bug");
  if (bugs.length > 0) {
    out.push(
      "## Planted bugs\n",
      "Each planted bug is a wrong simulator or closed form run through a real check at the default budget; the harness should refute every one.\n",
      bugTable(bugs),
    );
  }
  out.push("## Figures\n", figureList(report.figures));
  return out.join("\n");
}
