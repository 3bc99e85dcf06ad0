/**
 * `collapse-harness exact`: the resampling chain solved exactly for small s and n (E[T],
 * absorption probabilities, first-loss time, rho_m, S_m), written as JSON.
 */
import { Command, Option } from "commander";
import { asUsage, parseIntegerOption, parseNumberOption, UsageError } from "./usage.ts";
import { jsonFile } from "../report/formatJson.ts";
import { checkOutputFile, writeOutputs } from "./writeOutputs.ts";
import { checkExactLimits, EXACT_BYTES_PER_ENTRY, EXACT_JSON_BYTES_PER_ENTRY, EXACT_SERIES } from "./exactLimits.ts";
import { limitsHelp } from "./resourceLimits.ts";
import { fullySyntheticExact } from "../exact/fullySyntheticExact.ts";
import { partiallySyntheticExact } from "../exact/partiallySyntheticExact.ts";

const SETTINGS = ["fully-synthetic", "partially-synthetic"] as const;

interface ExactOptions {
  n: string;
  p: string;
  setting: string;
  N?: string;
  real?: string;
  M: string;
  out?: string;
}

/** Parses "a,b,c" into decimal numbers (a UsageError naming the entry that is not one). */
function parseList(text: string, name: string): number[] {
  return text.split(",").map((t, i) => parseNumberOption(t.trim(), `${name}[${i}]`));
}

function format(x: number): string {
  return Number.isFinite(x) ? x.toPrecision(8) : "infinite";
}

/** The `exact` subcommand. */
export function exactCommand(): Command {
  return new Command("exact")
    .summary("solve the Fully or Partially Synthetic chain exactly for small s and n")
    .description(
      "Solve the resampling chain exactly (small s and n): E[T], P(limit = delta_i), E[first token loss], " +
        "rho_m = P(||p^(m)||_inf = 1) and S_m for m = 0..M. Infinite values are written as the string \"Infinity\" " +
        "(NaN as \"NaN\"), as in every JSON file the harness writes.",
    )
    .requiredOption("--n <n>", "synthetic samples per generation (integer >= 1)")
    .requiredOption("--p <list>", "original distribution p = p^(0), comma-separated, summing to 1")
    .addOption(new Option("--setting <name>", "recursive-training setting").choices([...SETTINGS]).default("fully-synthetic"))
    .option("--N <N>", "real samples (partially-synthetic)")
    .option("--real <list>", "fixed real counts r = N p^(1), comma-separated integers (partially-synthetic)")
    .option("--M <M>", "last generation of rho_m and S_m", "50")
    .option("--out <file>", "write the JSON result here (atomically)")
    .addHelpText("after", limitsHelp(`  estimates  ${EXACT_SERIES} series of M + 1 numbers: ${EXACT_BYTES_PER_ENTRY} bytes of memory and ${EXACT_JSON_BYTES_PER_ENTRY} of JSON per entry\n`))
    .action(async (opts: ExactOptions) => {
      const n = parseIntegerOption(opts.n, "n", 1);
      const p = parseList(opts.p, "p");
      const setting = opts.setting as (typeof SETTINGS)[number];
      const M = parseIntegerOption(opts.M, "M", 0);
      if (setting === "fully-synthetic" && (opts.N !== undefined || opts.real !== undefined)) {
        throw new UsageError("N and real apply only to --setting partially-synthetic");
      }
      const N = opts.N === undefined ? undefined : parseIntegerOption(opts.N, "N", 1);
      const real = opts.real === undefined ? undefined : parseList(opts.real, "real");
      if (opts.out !== undefined) checkOutputFile(opts.out, "out");
      checkExactLimits(M, opts.out);
      // The solvers check p, n, N, real and the size of the chain before solving: their
      // RangeErrors name the option (engine errors, such as a failed allocation, stay bugs).
      let result;
      let summary: string;
      if (setting === "fully-synthetic") {
        const r = asUsage(() => fullySyntheticExact(p, n, { M }));
        result = r;
        summary =
          `fully-synthetic s=${r.s} n=${n} support=${r.support} S_0=${format(r.S0)}\n` +
          `E[T] = ${format(r.expectedCollapseTime)}\n` +
          `P(limit = delta_i) = ${r.absorptionProbabilities.map(format).join(", ")}\n` +
          `E[first token loss] = ${format(r.expectedFirstLossTime)}\n` +
          `rho_${M} = ${format(r.rho[M])}, S_${M} = ${format(r.S[M])}\n`;
      } else {
        const r = asUsage(() => partiallySyntheticExact(p, n, N, { real, M }));
        result = r;
        summary =
          `partially-synthetic s=${r.s} n=${n} N=${r.N} alpha=${format(r.alpha)} ` +
          `${r.real ? `real=${r.real.join(",")}` : "averaged over real ~ Multinomial(N, p)"}\n` +
          `E[T] = ${format(r.expectedCollapseTime)}\n` +
          `S_${M} = ${format(r.S[M])}, E||p^(${M}) - p^(1)||_1 = ${format(r.l1FromFirst[M])}\n`;
      }
      if (opts.out !== undefined) {
        await writeOutputs([{ path: opts.out, data: jsonFile(result), option: "out" }]);
        summary += `wrote ${opts.out}\n`;
      }
      process.stdout.write(summary);
    });
}
