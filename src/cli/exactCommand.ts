/**
 * `collapse-harness exact`: the resampling chain solved exactly for small s and n (E[T],
 * absorption probabilities, first-loss time, rho_m, S_m), written as JSON.
 */
import { Command, Option } from "commander";
import { writeOutputs } from "./writeOutputs.ts";
import { fullySyntheticExact } from "../exact/fullySyntheticExact.ts";
import { partiallySyntheticExact } from "../exact/partiallySyntheticExact.ts";
import { checkChoice, checkIntegerAtLeast } from "../validate.ts";

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

/** Parses a decimal integer option (TypeError naming it when it is not one). */
function parseInteger(text: string, name: string, min: number): number {
  const v = text.trim() === "" ? Number.NaN : Number(text);
  return checkIntegerAtLeast(v, name, min);
}

/** Parses "a,b,c" into numbers (TypeError naming the entry that is not a number). */
function parseList(text: string, name: string): number[] {
  return text.split(",").map((t, i) => {
    const v = t.trim() === "" ? Number.NaN : Number(t);
    if (Number.isNaN(v)) throw new TypeError(`${name}[${i}] must be a number, got "${t}"`);
    return v;
  });
}

/** JSON with infinite values written as null (JSON has no Infinity). */
function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2) + "\n";
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
        "rho_m = P(||p^(m)||_inf = 1) and S_m for m = 0..M. Infinite values are written as null.",
    )
    .requiredOption("--n <n>", "synthetic samples per generation (integer >= 1)")
    .requiredOption("--p <list>", "original distribution p = p^(0), comma-separated, summing to 1")
    .addOption(new Option("--setting <name>", "recursive-training setting").choices([...SETTINGS]).default("fully-synthetic"))
    .option("--N <N>", "real samples (partially-synthetic)")
    .option("--real <list>", "fixed real counts r = N p^(1), comma-separated integers (partially-synthetic)")
    .option("--M <M>", "last generation of rho_m and S_m", "50")
    .option("--out <file>", "write the JSON result here (atomically)")
    .action((opts: ExactOptions) => {
      const n = parseInteger(opts.n, "n", 1);
      const p = parseList(opts.p, "p");
      const setting = checkChoice(opts.setting, "setting", SETTINGS);
      const M = parseInteger(opts.M, "M", 0);
      let result;
      let summary: string;
      if (setting === "fully-synthetic") {
        if (opts.N !== undefined || opts.real !== undefined) {
          throw new RangeError("N and real apply only to --setting partially-synthetic");
        }
        const r = fullySyntheticExact(p, n, { M });
        result = r;
        summary =
          `fully-synthetic s=${r.s} n=${n} support=${r.support} S_0=${format(r.S0)}\n` +
          `E[T] = ${format(r.expectedCollapseTime)}\n` +
          `P(limit = delta_i) = ${r.absorptionProbabilities.map(format).join(", ")}\n` +
          `E[first token loss] = ${format(r.expectedFirstLossTime)}\n` +
          `rho_${M} = ${format(r.rho[M])}, S_${M} = ${format(r.S[M])}\n`;
      } else {
        const N = opts.N === undefined ? undefined : parseInteger(opts.N, "N", 1);
        const real = opts.real === undefined ? undefined : parseList(opts.real, "real");
        const r = partiallySyntheticExact(p, n, N, { real, M });
        result = r;
        summary =
          `partially-synthetic s=${r.s} n=${n} N=${r.N} alpha=${format(r.alpha)} ` +
          `${r.real ? `real=${r.real.join(",")}` : "averaged over real ~ Multinomial(N, p)"}\n` +
          `E[T] = ${format(r.expectedCollapseTime)}\n` +
          `S_${M} = ${format(r.S[M])}, E||p^(${M}) - p^(1)||_1 = ${format(r.l1FromFirst[M])}\n`;
      }
      if (opts.out !== undefined) {
        writeOutputs([{ path: opts.out, data: toJson(result) }]);
        summary += `wrote ${opts.out}\n`;
      }
      process.stdout.write(summary);
    });
}
