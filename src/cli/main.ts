/**
 * The `collapse-harness` command line. Each subcommand lives in its own file and is registered
 * here. Two kinds of failure, never mixed:
 * - a usage error (a UsageError raised by the checks made before any work, or a commander usage
 *   error): one line on stderr, exit 2, nothing written;
 * - an internal error (anything else, engine RangeErrors and TypeErrors included): one line saying
 *   it is a bug, with the command and seed that reproduce it, exit 1; the stack only with --debug.
 * Help asked for (`--help`, `help`) goes to stdout with exit 0; no arguments at all prints the
 * help on stderr with exit 2 (a command is required), as git and most CLIs do.
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { commands } from "./commands.ts";
import { calibrateCommand } from "./calibrateCommand.ts";
import { UsageError } from "./usage.ts";

export { UsageError } from "./usage.ts";

const PACKAGE = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

/** commander's own usage errors in the same form as ours: `collapse-harness: <message>`, one line. */
const ONE_LINE_ERRORS = {
  outputError: (text: string, write: (text: string) => void) => write(`collapse-harness: ${text.replace(/^error: /, "").replace(/\s*\n\s*/g, " ").trim()}\n`),
};

export function buildProgram(): Command {
  const program = new Command("collapse-harness")
    .description(
      "Executable checks of the statistical theory of language-model collapse " +
        "(Seddik et al., How Bad is Training on Synthetic Data?, COLM 2024).",
    )
    .version(PACKAGE.version, "-V, --version", "print the version and exit")
    .option("--debug", "on an internal error, print the stack trace too")
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
        "Exit codes: 0 done (verify: every verdict as expected), 1 verify found an unexpected verdict or an",
        "internal error (a bug; --debug prints its stack), 2 a usage error (one line, nothing written).",
        "Outputs go to out/ (ignored by git) unless --out says otherwise.",
        "",
        "Start with: collapse-harness verify   (then see out/VERDICTS.md)",
      ].join("\n"),
    )
    .showHelpAfterError(false)
    .configureOutput(ONE_LINE_ERRORS)
    .exitOverride();
  for (const make of commands) {
    const sub = make();
    sub.configureOutput(ONE_LINE_ERRORS).exitOverride();
    program.addCommand(sub);
  }
  program.addCommand(calibrateCommand().configureOutput(ONE_LINE_ERRORS).exitOverride());
  return program;
}

/** A shell word: quoted when it holds anything but safe characters. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command line that reproduces a run: what was typed, plus the seed in effect when it was not typed. */
function reproduction(program: Command, argv: string[]): string {
  const words = argv.filter((a) => a !== "--debug");
  const sub = program.commands.find((c) => c.name() === words[0]);
  const seed = sub?.opts().seed as unknown;
  const typedSeed = words.some((a) => a === "--seed" || a.startsWith("--seed="));
  if (seed !== undefined && !typedSeed) words.push("--seed", String(seed));
  return ["collapse-harness", ...words].map(shellWord).join(" ");
}

/** Runs the CLI on `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  if (argv.length === 0) {
    process.stderr.write(program.helpInformation());
    return 2;
  }
  const debug = argv.includes("--debug");
  try {
    await program.parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version are not errors; commander already printed them (on stdout).
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help") return 0;
      // `collapse-harness help` with no command prints the help on stdout; commander gives exit 0 for it.
      if (err.exitCode === 0) return 0;
      return 2;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`collapse-harness: ${err.message.split("\n")[0]}\n`);
      return 2;
    }
    const message = err instanceof Error ? `${err.name}: ${err.message.split("\n")[0]}` : String(err);
    process.stderr.write(
      `collapse-harness: internal error (a bug, please report it with this line): ${message}; ` +
        `to reproduce: ${reproduction(program, argv)}${debug ? "" : " --debug"}\n`,
    );
    if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return 1;
  }
}
