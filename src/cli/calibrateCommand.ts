/**
 * `collapse-harness calibrate`: measures the false-alarm rate and the power of the Monte Carlo
 * checks (src/calibrate/calibrate.ts) and writes CALIBRATION.md, calibration.json and the plot
 * figures/calibration-power.{svg,png} (atomically, all or nothing). Exit 0 when every measured
 * false-alarm rate is within its delta (one-sided Clopper-Pearson test), 1 otherwise. The files are
 * the same bytes for the same code and seed (the run's duration goes to stdout only).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Command } from "commander";
import { calibrate } from "../calibrate/calibrate.ts";
import { calibrationMarkdown } from "../calibrate/calibrationMarkdown.ts";
import { calibrationPlotSpec } from "../calibrate/calibrationPlotSpec.ts";
import { DEFAULT_SEEDS, QUICK_SEEDS } from "../calibrate/calibrationPlan.ts";
import type { CalibrationReport } from "../calibrate/types.ts";
import { defaultWorkers } from "../check/verifyParallel.ts";
import { formatJson, plotFiles, renderPlot } from "../report/index.ts";
import { createProgress } from "./progress.ts";
import { parseIntegerOption, parseSeedOption, parseWorkersOption } from "./usage.ts";
import { checkOutputFolder, writeOutputs, type OutputFile } from "./writeOutputs.ts";

const PACKAGE = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { name: string; version: string };

/** Largest `--seeds` (a full run at 1000 seeds already takes hours). */
export const MAX_SEEDS = 100_000;

export interface CalibrateCommandOptions {
  seed: number;
  quick: boolean;
  seeds?: number;
  out: string;
  workers: number;
  quiet: boolean;
  plot: boolean;
}

/** Runs calibrate, writes its files; returns the exit code and the record. */
export async function runCalibrate(o: CalibrateCommandOptions): Promise<{ code: number; report: CalibrationReport }> {
  const started = Date.now();
  const progress = createProgress("calibrate", o.quiet);
  const measured = await calibrate({ seed: o.seed, quick: o.quick, seeds: o.seeds, workers: o.workers, onProgress: (d, t, l) => progress.update(d, t, l) });
  progress.stop();
  const report: CalibrationReport = { tool: PACKAGE.name, version: PACKAGE.version, ...measured };
  const flags = `${o.quick ? " --quick" : ""}${o.seeds !== undefined ? ` --seeds ${o.seeds}` : ""}${o.seed !== 1 ? ` --seed ${o.seed}` : ""}`;
  const command = flags === "" && o.out === "reports" ? "npm run reports:calibration" : `npx collapse-harness calibrate${flags} --out ${o.out}`;
  const files: OutputFile[] = [
    { path: join(o.out, "calibration.json"), data: formatJson(report) + "\n" },
    { path: join(o.out, "CALIBRATION.md"), data: calibrationMarkdown(report, { command }) },
  ];
  if (o.plot && report.power.length > 0) {
    const plot = await renderPlot(calibrationPlotSpec(report));
    if (plot.warnings.length > 0) throw new Error(`calibration plot: the renderer warned: ${plot.warnings.join("; ")}`);
    files.push(...plotFiles(join(o.out, "figures", "calibration-power"), plot));
  }
  await writeOutputs(files, "out");
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  const over = report.falseAlarms.filter((f) => !f.passes);
  process.stdout.write(
    `${report.falseAlarms.length} false-alarm rates, ${report.falseAlarms.length - over.length} within delta; ${report.power.length} power curves. ` +
      `Reports in ${o.out}/ (${seconds} s)\n`,
  );
  for (const f of over) process.stdout.write(`OVER ${f.statement}#${f.point}: ${f.refuted.count}/${f.refuted.trials} refuted at delta ${f.delta}\n`);
  return { code: over.length === 0 ? 0 : 1, report };
}

export function calibrateCommand(): Command {
  return new Command("calibrate")
    .summary("measure the false-alarm rate and the power of the Monte Carlo checks; write CALIBRATION.md")
    .description(
      "Run each calibrated Monte Carlo check against the reference implementation at an inflated false-alarm rate " +
        "(0.05, 0.2) over many seeds, and against graded perturbations at the default budget; write CALIBRATION.md, " +
        "calibration.json and a plot of detection probability against the size of the perturbation. " +
        "Exit 0 when every false-alarm rate is within its delta.",
    )
    .option("--quick", "a few cheap checks and few seeds (the npm test run)", false)
    .option("--seeds <int>", `false-alarm seeds per (check, delta); power uses a third of it, at least 4, per size (default ${DEFAULT_SEEDS}, ${QUICK_SEEDS} with --quick)`)
    .option("--seed <int>", "run seed (each replicate and check derive their own from it)", "1")
    .option("--out <dir>", "report folder (ignored by git; `npm run reports:calibration` writes reports/)", "out")
    .option("--workers <int>", "worker threads, at most the cores available (results are identical for any number)", String(defaultWorkers()))
    .option("--allow-oversubscribe", "allow more --workers than cores")
    .option("--no-plot", "skip the plot")
    .option("--quiet", "no progress output", false)
    .action(async (opts: { quick: boolean; seeds?: string; seed: string; out: string; workers: string; allowOversubscribe?: boolean; plot: boolean; quiet: boolean }) => {
      const seed = parseSeedOption(opts.seed);
      const seeds = opts.seeds === undefined ? undefined : parseIntegerOption(opts.seeds, "seeds", 1, MAX_SEEDS);
      const workers = parseWorkersOption(opts.workers, opts.allowOversubscribe === true);
      checkOutputFolder(opts.out, "out");
      const { code } = await runCalibrate({ seed, quick: opts.quick, seeds, out: opts.out, workers, quiet: opts.quiet, plot: opts.plot });
      process.exitCode = code;
    });
}
