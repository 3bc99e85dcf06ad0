/**
 * `collapse-harness bench`: the benchmarks of issue 4 (samplers, chains, Monte Carlo engine and
 * verify against numpy, in the same run), written to <out>/BENCHMARKS.md and <out>/bench/
 * (out/ by default, ignored by git; `npm run bench:report` regenerates the committed reports/).
 */
import { Command } from "commander";
import { coresAvailable, parseIntegerOption, parseSeedOption, parseWorkersOption, quoted, UsageError } from "./usage.ts";
import { checkOutputFolder } from "./writeOutputs.ts";

interface BenchRawOptions {
  quick?: boolean;
  out: string;
  reps?: string;
  workers: string;
  allowOversubscribe?: boolean;
  seed: string;
  python: string;
  only?: string[];
  quiet?: boolean;
}

/** The `bench` subcommand. */
export function benchCommand(): Command {
  return new Command("bench")
    .summary("benchmark the samplers, chains and Monte Carlo engine against numpy in the same run")
    .description(
      "Benchmark collapse-harness against numpy in the same run (multinomial and binomial draws, the Figure 2 and 3 " +
        "workloads, the exact chain, verify, parallel Monte Carlo) and write BENCHMARKS.md with plots. " +
        "A quick (smoke) run judges no target.",
    )
    .option("--quick", "smoke mode: reduced sizes, 2 repetitions, no verify run, no target verdicts")
    .option("--out <dir>", "report folder (BENCHMARKS.md and bench/; out/ is ignored by git)", "out")
    .option("--reps <reps>", "repetitions per case (default 5, quick 2)")
    .option("--workers <workers>", "worker threads of the parallel workload, at most the cores available", String(Math.min(2, coresAvailable())))
    .option("--allow-oversubscribe", "allow more --workers than cores")
    .option("--seed <seed>", "seed of every random stream", "1")
    .option("--python <cmd>", "Python with numpy for the peer", "python3")
    .option("--only <ids...>", "run only these workloads (multinomial binomial fig2 fig3 exact verify multinomial-vs-s parallel)")
    .option("--quiet", "no progress lines")
    .action(async (o: BenchRawOptions) => {
      const reps = o.reps === undefined ? undefined : parseIntegerOption(o.reps, "reps", 1);
      const workers = parseWorkersOption(o.workers, o.allowOversubscribe === true);
      const seed = parseSeedOption(o.seed);
      if (o.python === "") throw new UsageError('python must name a command, got ""');
      const { BENCH_WORKLOAD_IDS, runBench } = await import("../../benchmarks/runBench.ts");
      for (const id of o.only ?? []) {
        if (!BENCH_WORKLOAD_IDS.includes(id)) throw new UsageError(`only: unknown workload ${quoted(id)} (known: ${BENCH_WORKLOAD_IDS.join(", ")})`);
      }
      checkOutputFolder(o.out, "out");
      const { result, files } = await runBench({
        quick: o.quick ?? false,
        out: o.out,
        reps,
        workers,
        seed,
        python: o.python,
        only: o.only,
        log: o.quiet ? undefined : (line) => process.stderr.write(`bench: ${line}\n`),
      });
      // A quick run's sizes cannot measure the targets: it prints no verdict on them.
      if (!result.quick) {
        const targets = result.workloads.flatMap((w) => w.targets);
        for (const t of targets) process.stdout.write(`${t.met === null ? "n/a " : t.met ? "MET " : "MISS"} ${t.name}: ${t.verdict}\n`);
      }
      process.stdout.write(`wrote ${files[0]} (${result.durationSeconds.toFixed(1)} s)\n`);
    });
}
