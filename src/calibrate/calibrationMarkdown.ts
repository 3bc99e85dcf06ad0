/**
 * CALIBRATION.md from a calibration record: per check, the observed false-alarm rate at each
 * inflated delta with its 95% Clopper-Pearson interval, its ratio to delta and the one-sided test;
 * per power family, the detection curve's 50% and 95% points against the stated epsilon. Pure.
 */
import { escapeCell, formatNumber, formatParameters, markdownTable, type ParameterValue } from "../report/index.ts";
import type { CalibrationReport } from "./types.ts";

const fmt = (x: number | null, sig = 3): string => (x === null ? "beyond the grid" : formatNumber(x, sig));
const params = (p: Record<string, unknown>): string => escapeCell(formatParameters(p as Record<string, ParameterValue>));

export function calibrationMarkdown(r: CalibrationReport, options: { command: string }): string {
  const failing = r.falseAlarms.filter((f) => !f.passes);
  const within = r.power.filter((p) => p.ratio !== null && p.ratio <= 1.5).length;
  // The 95%-power size against the stated epsilon, off by more than a factor 1.5 either way.
  const off = r.power.filter((p) => p.ratio === null || p.ratio > 1.5 || p.ratio < 1 / 1.5);
  const reduced = r.reducedSeeds.length
    ? ` Costly checks run on fewer seeds: ${r.reducedSeeds.map((x) => `\`${x.statement}\` (${x.seeds})`).join(", ")}.`
    : "";
  const lines = [
    "# Calibration",
    "",
    "Measured error rates of the Monte Carlo checks (issue 11, part 1). **False alarms**: each check runs against the reference implementation " +
      `at an inflated per-check delta (${r.inflatedDeltas.join(", ")}) over ${r.seeds.falseAlarm} seeds per (check, delta);${reduced} "refuted" is a false alarm ("inconclusive" is a lack of power, counted apart). ` +
      `The rate passes when a one-sided Clopper-Pearson test at level ${r.testLevel} does not show it above delta; intervals are 95% Clopper-Pearson. ` +
      "A ratio observed/delta far below 1 means the interval is conservative: it spends samples on a guarantee the check does not need. " +
      `**Power**: each family perturbs one check through the Implementation hooks (as the planted bugs do) by a graded size t and runs it at the default run's per-check delta (${formatNumber(r.defaultDelta, 3)}) over ${r.seeds.power} seeds per size (the same seeds at every size). ` +
      "The discrepancy is in the units of the epsilon the check states; the 50% and 95% points are interpolated on the grid; the stated epsilon is the median of the unperturbed runs' (VERDICTS.md prints it for seed 1). " +
      "A check keeps its promise when the 95% point is at most its stated epsilon (ratio <= 1); a ratio far below 1 means the stated epsilon is loose. This file is generated; do not edit it by hand.",
    "",
    `- Regenerate: \`${options.command}\``,
    `- Tool: ${r.tool} ${r.version}`,
    `- Seed: ${r.seed}${r.quick ? " (quick run: a few checks, few seeds)" : ""}`,
    "",
    `**Summary:** ${r.falseAlarms.length} (check, delta) false-alarm rates, ${r.falseAlarms.length - failing.length} within delta${failing.length ? ` (over: ${failing.map((f) => `${f.statement}#${f.point} at ${f.delta}`).join(", ")})` : ""}; ` +
      `${r.power.length} power families, ${within} with the 95% point at most 1.5 x the stated epsilon (the check detects what it promises), ` +
      `${off.length} off the stated epsilon by more than a factor 1.5 either way (listed below).`,
    "",
    "## False alarms",
    "",
    markdownTable(
      ["check", "parameters", "relation", "delta", "refuted", "rate [95% CI]", "observed / delta", "inconclusive", `one-sided lower bound (level ${r.testLevel})`, "within delta"],
      r.falseAlarms.map((f) => [
        `\`${f.statement}#${f.point}\``,
        params(f.parameters),
        f.relation,
        formatNumber(f.delta, 3),
        `${f.refuted.count} / ${f.refuted.trials}`,
        `${formatNumber(f.refuted.rate, 3)} [${formatNumber(f.refuted.lo, 3)}, ${formatNumber(f.refuted.hi, 3)}]`,
        formatNumber(f.ratio, 3),
        String(f.inconclusive),
        formatNumber(f.lowerBound, 3),
        f.passes ? "yes" : "**no**",
      ]),
      ["left", "left", "left", "right", "right", "right", "right", "right", "right", "left"],
    ),
    "",
    "## Power",
    "",
    markdownTable(
      ["family", "check", "parameters", "perturbation", "units", "50% point", "95% point", "stated epsilon", "95% point / epsilon"],
      r.power.map((p) => [
        p.family,
        `\`${p.statement}#${p.point}\``,
        params(p.parameters),
        escapeCell(p.perturbation),
        escapeCell(p.units),
        fmt(p.at50),
        fmt(p.at95),
        formatNumber(p.statedEpsilon, 3),
        p.ratio === null ? "—" : formatNumber(p.ratio, 3),
      ]),
      ["left", "left", "left", "left", "left", "right", "right", "right", "right"],
    ),
    "",
    "### Stated epsilon against the measured 95% point",
    "",
    off.length === 0
      ? "Every family's 95% point is within a factor 1.5 of the epsilon its check states."
      : "Families whose 95% point is off the stated epsilon by more than a factor 1.5 (below 1: the check detects smaller discrepancies than it states, its epsilon is loose; above 1 or beyond the grid: it promises more than it detects). " +
          "A ratio near 0.6 is what an interval check gives when it states its full width 2h as epsilon: a shift is refuted when it exceeds about h, and detected 95% of the time at about h + 1.64 standard errors, " +
          "with h about 6 standard errors at the default delta; well below that, the check's epsilon comes from a wider row or a cruder bound than the one that decides.\n\n" +
          off
            .map((p) => `- \`${p.statement}#${p.point}\`: 95% point ${fmt(p.at95)} against stated epsilon ${formatNumber(p.statedEpsilon, 3)} (${p.ratio === null ? "beyond the grid" : `ratio ${formatNumber(p.ratio, 3)}, factor ${formatNumber(p.ratio < 1 ? 1 / p.ratio : p.ratio, 3)}`}).`)
            .join("\n"),
    "",
    "### No power family",
    "",
    r.noPowerFamily.length === 0
      ? "Every calibrated statement has a power family."
      : r.noPowerFamily.map((x) => `- \`${x.statement}\`: ${escapeCell(x.reason)}.`).join("\n"),
    "",
    "### Detection curves",
    "",
    ...r.power.flatMap((p) => [
      `**${p.family}** (${escapeCell(p.perturbation)}):`,
      "",
      markdownTable(
        ["t", "discrepancy", "detected", "rate [95% CI]"],
        p.curve.map((c) => [formatNumber(c.size, 3), formatNumber(c.discrepancy, 3), `${c.detected.count} / ${c.detected.trials}`, `${formatNumber(c.detected.rate, 3)} [${formatNumber(c.detected.lo, 3)}, ${formatNumber(c.detected.hi, 3)}]`]),
        ["right", "right", "right", "right"],
      ),
      "",
    ]),
    "## Not calibrated",
    "",
    `Monte Carlo statements not calibrated for false alarms: ${r.notCalibrated.length ? r.notCalibrated.map((s) => `\`${s}\``).join(", ") : "none"}${r.quick ? " (quick run: only a few checks)" : " (expected to be refuted: a misprint of the paper has no false alarm to count; VERDICTS.md shows it refuted)"}.`,
    "",
    `Deterministic statements (exact, oracle, property; delta 0, no draw of chance can flip them), skipped: ${r.deterministic.map((s) => `\`${s}\``).join(", ")}.`,
    "",
  ];
  return lines.join("\n");
}
