/**
 * `collapse-harness transformer-report`: TRANSFORMER.md and the Figure-5-style plot
 * (figures/fig5-transformer.png and .svg) from one `collapse-harness transformer` run record,
 * all three written atomically as one unit.
 */
import { Command } from "commander";
import { readFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { plotFiles } from "../report/plot/plotFiles.ts";
import { renderPlot } from "../report/plot/renderPlot.ts";
import type { TransformerExperimentRecord } from "../transformer/experiment.ts";
import { checkTransformerRecord, TRANSFORMER_FIGURE_ID, TRANSFORMER_REPORT_FILE, transformerReport } from "../report/transformerReport.ts";
import { asUsage, UsageError } from "./usage.ts";
import { checkOutputFolder, writeOutputs } from "./writeOutputs.ts";

interface TransformerReportRawOptions {
  in?: string;
  out: string;
}

/** `path` relative to the working folder with forward slashes (as the report prints commands); absolute if outside it. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  if (rel === "") return ".";
  if (rel.startsWith("..") || isAbsolute(rel)) return resolve(path);
  return rel.split(sep).join("/");
}

/**
 * The run record at `path`, parsed and checked; a UsageError starting with "in" when it cannot be
 * read, is not JSON, or is not a transformer run record.
 */
export function readTransformerRecord(path: string): TransformerExperimentRecord {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new UsageError(`in must be a readable run record file, got ${path} (${code})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`in must be a JSON run record, got ${path}: ${(err as Error).message.split("\n")[0]}`);
  }
  return asUsage(() => checkTransformerRecord(value, "in"));
}

/** The `transformer-report` subcommand. */
export function transformerReportCommand(): Command {
  return new Command("transformer-report")
    .summary("render TRANSFORMER.md and the Figure 5 plot from a transformer run record")
    .description(
      `Writes <out>/${TRANSFORMER_REPORT_FILE} and <out>/figures/${TRANSFORMER_FIGURE_ID}.png/.svg (Figure 5 with a transformer) from ` +
        "a run record of `collapse-harness transformer --out RUN.json`. Every number comes from the record.",
    )
    .option("--in <file>", "the run record (JSON) written by `collapse-harness transformer`")
    .option("--out <folder>", "report folder (out/ is ignored by git; `npm run reports:transformer` regenerates reports/)", "out")
    .action(async (o: TransformerReportRawOptions) => {
      if (o.in === undefined || o.in === "") throw new UsageError("in must be given (--in RUN.json)");
      if (o.out === "") throw new UsageError("out must be a folder, got an empty string");
      const record = readTransformerRecord(o.in);
      checkOutputFolder(o.out, "out");
      const report = transformerReport(record, { runPath: displayPath(o.in), outDir: displayPath(o.out) });
      const plot = await renderPlot(report.plot);
      if (plot.warnings.length > 0) throw new Error(`${TRANSFORMER_FIGURE_ID}: the plot renderer warned: ${plot.warnings.join("; ")}`);
      const markdownPath = join(o.out, TRANSFORMER_REPORT_FILE);
      const files = [{ path: markdownPath, data: report.markdown }, ...plotFiles(join(o.out, "figures", TRANSFORMER_FIGURE_ID), plot)];
      await writeOutputs(files.map((f) => ({ ...f, option: "out" })));
      for (const f of files) process.stdout.write(`wrote ${f.path}\n`);
    });
}
