/**
 * `collapse-harness bench`: the benchmarks of issue 4 (samplers, chains, Monte Carlo engine and
 * verify against numpy, in the same run), written to <out>/BENCHMARKS.md and <out>/bench/.
 */
import { Command } from "commander";
import { checkIntegerAtLeast } from "../validate.ts";

function parseInteger(text: string, name: string, min: number): number {
  const v = text.trim() === "" ? Number.NaN : Number(text);
  return checkIntegerAtLeast(v, name, min);
}

interface BenchRawOptions {
  quick?: boolean;
  out: string;
  reps?: string;
  workers: string;
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
        "workloads, the exact chain, verify, parallel Monte Carlo) and write BENCHMARKS.md with plots.",
    )
    .option("--quick", "smoke mode: reduced sizes, 2 repetitions, no verify run")
    .option("--out <dir>", "report folder (BENCHMARKS.md and bench/)", "reports")
    .option("--reps <reps>", "repetitions per case (default 5, quick 2)")
    .option("--workers <workers>", "worker threads of the parallel workload", "2")
    .option("--seed <seed>", "seed of every random stream", "1")
    .option("--python <cmd>", "Python with numpy for the peer", "python3")
    .option("--only <ids...>", "run only these workloads (multinomial binomial fig2 fig3 exact verify multinomial-vs-s parallel)")
    .option("--quiet", "no progress lines")
    .action(async (o: BenchRawOptions) => {
      const { runBench } = await import("../../benchmarks/runBench.ts");
      const { result, files } = await runBench({
        quick: o.quick ?? false,
        out: o.out,
        reps: o.reps === undefined ? undefined : parseInteger(o.reps, "reps", 1),
        workers: parseInteger(o.workers, "workers", 1),
        seed: parseInteger(o.seed, "seed", 0),
        python: o.python,
        only: o.only,
        log: o.quiet ? undefined : (line) => process.stderr.write(`bench: ${line}\n`),
      });
      const targets = result.workloads.flatMap((w) => w.targets);
      for (const t of targets) process.stdout.write(`${t.met === null ? "n/a " : t.met ? "MET " : "MISS"} ${t.name}: ${t.verdict}\n`);
      process.stdout.write(`wrote ${files[0]} (${result.durationSeconds.toFixed(1)} s)\n`);
    });
}
