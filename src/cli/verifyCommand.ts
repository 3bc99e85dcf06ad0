/**
 * `collapse-harness verify`: runs every statement of the paper at its example points and the
 * planted-bug catalogue, writes verdicts.json, VERDICTS.md and the figures (atomically, all or
 * nothing), and exits 0 when every verdict is the expected one, 1 otherwise.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Command, Option } from "commander";
import { planChecks, unexpectedVerdicts } from "../check/verify.ts";
import { defaultWorkers, verifyParallel } from "../check/verifyParallel.ts";
import { buildFigures, selectedFigureIds } from "../figures/index.ts";
import { verdictsJsonFile, verdictsMarkdown, type VerdictReport } from "../report/index.ts";
import { createProgress } from "./progress.ts";
import { parseNumberOption, parseSeedOption, parseWorkersOption, quoted, UsageError } from "./usage.ts";
import { checkOutputFolder, writeOutputs, type OutputFile } from "./writeOutputs.ts";

const PACKAGE = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { name: string; version: string };

/** The git commit of the working tree, or "unknown" outside a checkout. */
export function gitCommit(): string {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "unknown";
  }
}

/** Smallest suite-wide false-alarm budget `--delta` takes (the default is 1e-6; sample sizes grow as log(1/delta)). */
export const MIN_DELTA = 1e-12;

export interface VerifyCommandOptions {
  seed: number;
  out: string;
  only?: string[];
  extended: boolean;
  delta: number;
  figures: boolean;
  quiet: boolean;
  workers: number;
  /** Leave out the run-to-run fields (git commit, duration), so the same code and seed give the same bytes. */
  reproducible?: boolean;
  /** Anytime-valid sequential checks (betting confidence sequences) where supported. */
  sequential?: boolean;
}

/** Runs verify and writes the reports; returns the exit code. */
export async function runVerify(o: VerifyCommandOptions): Promise<number> {
  const started = Date.now();
  const progress = createProgress("verify", o.quiet);
  const records = await verifyParallel({
    workers: o.workers,
    seed: o.seed,
    delta: o.delta,
    extended: o.extended,
    only: o.only,
    sequential: o.sequential,
    onProgress: (done, total, label) => progress.update(done, total, label),
  });
  progress.stop();
  const figures = o.figures ? await buildFigures({ seed: o.seed, extended: o.extended, only: o.only, onProgress: (l) => o.quiet || process.stderr.write(`figure ${l}\n`) }) : [];
  const report: VerdictReport = {
    tool: PACKAGE.name,
    version: PACKAGE.version,
    ...(o.reproducible ? {} : { commit: gitCommit() }),
    seed: o.seed,
    budget: { delta: o.delta, correction: "Bonferroni over all checks (each Monte Carlo check gets delta / checks; deterministic checks have none)" },
    ...(o.reproducible ? {} : { durationSeconds: Math.round((Date.now() - started) / 100) / 10 }),
    records,
    figures: figures.map((f) => ({ id: f.id, title: f.title, files: f.files.map((x) => x.path) })),
  };
  // The default run is what reports/ holds: `npm run reports` (= verify --out reports) regenerates it.
  const flags = `${o.seed !== 1 ? ` --seed ${o.seed}` : ""}${o.extended ? " --extended" : ""}${o.only?.length ? ` --only ${o.only.join(" ")}` : ""}${o.sequential ? " --sequential" : ""}`;
  const command = flags === "" ? "npm run reports" : `npx collapse-harness verify${flags}`;
  const files: OutputFile[] = [
    { path: join(o.out, "verdicts.json"), data: verdictsJsonFile(report) },
    { path: join(o.out, "VERDICTS.md"), data: verdictsMarkdown(report, { command }) },
    ...figures.flatMap((f) => f.files.map((x) => ({ path: join(o.out, x.path), data: x.data }))),
  ];
  await writeOutputs(files, "out");
  const wrong = unexpectedVerdicts(records);
  const counts = { holds: 0, vacuous: 0, refuted: 0, inconclusive: 0 };
  for (const r of records) counts[r.verdict]++;
  process.stdout.write(
    `${records.length} checks: ${counts.holds} hold, ${counts.vacuous} vacuous, ${counts.refuted} refuted, ${counts.inconclusive} inconclusive; ` +
      `${records.length - wrong.length} as expected. Reports in ${o.out}/ (${Math.round((Date.now() - started) / 100) / 10} s)\n`,
  );
  for (const r of wrong) process.stdout.write(`UNEXPECTED ${r.id} ${JSON.stringify(r.parameters)}: expected ${r.expected}, got ${r.verdict} (${r.evidence})\n`);
  return wrong.length === 0 ? 0 : 1;
}

export function verifyCommand(): Command {
  return new Command("verify")
    .summary("check every statement of the paper and the planted bugs; write the reports and figures")
    .description(
      "Check every statement of the paper (Theorems 1-4, Proposition 1, Lemma 1, Eq 11, the classical facts) " +
        "by exact computation and calibrated Monte Carlo, plus the planted-bug catalogue; write " +
        "verdicts.json, VERDICTS.md and the paper's figures. Exit 0 when every verdict is as expected.",
    )
    .option("--list", "list the checks (statement id and point) and exit")
    .option("--only <ids...>", "run only statements whose id starts with one of these (e.g. thm1 thm2-sm-partial)")
    .option("--extended", "larger budgets and more points", false)
    .option("--seed <int>", "seed of every stream (checks derive their own from it and their id)", "1")
    .addOption(new Option("--delta <rate>", "suite-wide false-alarm budget, split over all checks (Bonferroni)").default("1e-6"))
    .option("--out <dir>", "report folder (ignored by git; `npm run reports` regenerates the committed reports/)", "out")
    .option("--no-figures", "skip the figures")
    .option("--quiet", "no progress output", false)
    .option("--workers <int>", "worker threads, at most the cores available (results are identical for any number)", String(defaultWorkers()))
    .option("--allow-oversubscribe", "allow more --workers than cores")
    .option("--sequential", "anytime-valid sequential checks (betting confidence sequences): stop sampling once a verdict is decided at its delta", false)
    .option("--reproducible", "leave the git commit and the duration out of verdicts.json: the same code and seed give the same bytes (npm run reports)", false)
    .action(async (opts: { list?: boolean; only?: string[]; extended: boolean; seed: string; delta: string; out: string; figures: boolean; quiet: boolean; workers: string; allowOversubscribe?: boolean; reproducible: boolean; sequential: boolean }) => {
      const seed = parseSeedOption(opts.seed);
      const delta = parseNumberOption(opts.delta, "delta");
      // Sample sizes grow as log(1/delta): below MIN_DELTA a run would outgrow the budgets it is sized for.
      if (!(delta >= MIN_DELTA && delta < 1)) throw new UsageError(`delta must lie in [${MIN_DELTA}, 1), got ${quoted(opts.delta)}`);
      const workers = parseWorkersOption(opts.workers, opts.allowOversubscribe === true);
      if (opts.only?.some((id) => id.trim() === "")) throw new UsageError(`only: an id must not be empty, got ${opts.only.map(quoted).join(" ")}`);
      if (opts.list) {
        for (const c of planChecks({ extended: opts.extended, only: opts.only })) {
          process.stdout.write(`${c.statement.id}\t${c.statement.where}\t${JSON.stringify(c.point)}\n`);
        }
        return;
      }
      if (opts.only) {
        const known = planChecks({ extended: opts.extended, only: opts.only });
        if (known.length === 0 && selectedFigureIds(opts.only).length === 0) throw new UsageError(`only: no statement id starts with ${opts.only.map(quoted).join(", ")} or a figure id (see --list)`);
      }
      checkOutputFolder(opts.out, "out");
      process.exitCode = await runVerify({ seed, out: opts.out, only: opts.only, extended: opts.extended, delta, figures: opts.figures, quiet: opts.quiet, workers, reproducible: opts.reproducible, sequential: opts.sequential });
    });
}
