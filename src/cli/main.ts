/**
 * The `collapse-harness` command line. Each subcommand lives in its own file and is registered
 * here. Invalid parameters (RangeError, TypeError, commander usage errors) print one line and exit 2.
 */
import { Command, CommanderError } from "commander";
import { commands } from "./commands.ts";

/** An error the CLI reports as one line with exit code 2 (bad usage or bad input). */
export class UsageError extends Error {}

export function buildProgram(): Command {
  const program = new Command("collapse-harness")
    .description(
      "Executable checks of the statistical theory of language-model collapse " +
        "(Seddik et al., How Bad is Training on Synthetic Data?, COLM 2024).",
    )
    .addHelpText(
      "after",
      [
        "",
        "Symbols (the paper's):",
        "  s        vocabulary size          s~       support size of p",
        "  n        synthetic samples        N        real samples",
        "  m        generation               p        p^(0), the original distribution",
        "  sigma_m  ||p^(m)||_2^2            S_m      E[sigma_m]",
        "  alpha    n/(N+n)                  T        first m with ||p^(m)||_inf = 1",
        "",
        "Start with: collapse-harness verify   (then see reports/VERDICTS.md)",
      ].join("\n"),
    )
    .showHelpAfterError(false)
    .exitOverride();
  for (const make of commands) {
    const sub = make();
    sub.exitOverride();
    program.addCommand(sub);
  }
  return program;
}

/** Runs the CLI on `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version are not errors; commander already printed them.
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help") return 0;
      return 2;
    }
    if (err instanceof RangeError || err instanceof TypeError || err instanceof UsageError) {
      process.stderr.write(`collapse-harness: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
