/**
 * The benchmark: every workload of issue 4, harness against numpy in the same run, written to
 * <out>/BENCHMARKS.md, <out>/bench/benchmarks.json and the plots <out>/bench/*.png, atomically.
 */
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { join } from "node:path";
import type { FileToWrite } from "../src/report/index.ts";
import { writeOutputs } from "../src/cli/writeOutputs.ts";
import { checkSeed } from "../src/rng/index.ts";
import { checkIntegerAtLeast } from "../src/validate.ts";
import { benchPlots } from "./benchPlots.ts";
import { benchmarksMarkdown } from "./benchReport.ts";
import { machineInfo } from "./machine.ts";
import { startPeer, type Peer } from "./peer.ts";
import type { BenchContext } from "./runCase.ts";
import type { BenchOptions, BenchResult, WorkloadResult } from "./types.ts";
import { binomialWorkload } from "./workloads/binomialDraws.ts";
import { exactChainWorkload } from "./workloads/exactChainWorkload.ts";
import { fig2Workload } from "./workloads/fig2Workload.ts";
import { fig3Workload } from "./workloads/fig3Workload.ts";
import { multinomialScalingWorkload, multinomialWorkload } from "./workloads/multinomialDraws.ts";
import { parallelWorkload } from "./workloads/parallelWorkload.ts";
import { verifyWorkload } from "./workloads/verifyWorkload.ts";

/** The workloads in report order. */
export const WORKLOADS: ReadonlyArray<{ id: string; run: (ctx: BenchContext) => Promise<WorkloadResult> }> = [
  { id: "multinomial", run: multinomialWorkload },
  { id: "binomial", run: binomialWorkload },
  { id: "fig2", run: fig2Workload },
  { id: "fig3", run: fig3Workload },
  { id: "exact", run: exactChainWorkload },
  { id: "verify", run: verifyWorkload },
  { id: "multinomial-vs-s", run: multinomialScalingWorkload },
  { id: "parallel", run: parallelWorkload },
];

/** The ids of the workloads, in the order they run (`--only` takes these). */
export const BENCH_WORKLOAD_IDS: readonly string[] = WORKLOADS.map((w) => w.id);

/**
 * The command line that reproduces a run with these options (defaults left out): `npm run bench`
 * writes into out/ (ignored by git), `npm run bench:report` regenerates the committed reports/.
 * @example benchCommandLine({ quick: true, out: "out" }); // => "npm run bench -- --quick"
 */
export function benchCommandLine(o: BenchOptions): string {
  const args: string[] = [];
  if (o.quick) args.push("--quick");
  const committed = o.out === "reports";
  if (!committed && o.out !== "out") args.push("--out", o.out);
  if (o.reps !== undefined) args.push("--reps", String(o.reps));
  if (o.workers !== undefined && o.workers !== 2) args.push("--workers", String(o.workers));
  if (o.seed !== undefined && o.seed !== 1) args.push("--seed", String(o.seed));
  if (o.python !== undefined && o.python !== "python3") args.push("--python", o.python);
  if (o.only) args.push("--only", ...o.only);
  return `npm run ${committed ? "bench:report" : "bench"}${args.length ? " -- " + args.join(" ") : ""}`;
}

function gitCommit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short=12", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "unknown";
  }
}

/**
 * Runs the benchmark and writes its report; resolves to the result and the files written.
 * @example await runBench({ quick: true, out: "/tmp/r" }); // writes /tmp/r/BENCHMARKS.md
 */
export async function runBench(options: BenchOptions): Promise<{ result: BenchResult; files: string[] }> {
  const started = process.hrtime.bigint();
  const quick = options.quick;
  const reps = checkIntegerAtLeast(options.reps ?? (quick ? 2 : 5), "reps", 1);
  const workers = checkIntegerAtLeast(options.workers ?? 2, "workers", 1);
  const seed = checkSeed(options.seed ?? 1);
  const only = options.only;
  if (only) for (const id of only) if (!WORKLOADS.some((w) => w.id === id)) throw new RangeError(`only: unknown workload ${id} (known: ${WORKLOADS.map((w) => w.id).join(", ")})`);
  const userLog = options.log;
  const log = userLog ? (line: string) => userLog(`[${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s] ${line}`) : () => {};
  let peer: Peer | null = null;
  let peerError: string | null = null;
  try {
    peer = await startPeer(options.python ?? "python3");
  } catch (err) {
    peerError = (err as Error).message;
    log(`numpy peer unavailable: ${peerError}`);
  }
  const machine = machineInfo(peer);
  const ctx: BenchContext = { quick, reps, seed, workers, peer, peerError, log };
  const workloads: WorkloadResult[] = [];
  try {
    for (const w of WORKLOADS) {
      if (only && !only.includes(w.id)) continue;
      log(`${w.id}`);
      workloads.push(await w.run(ctx));
    }
  } finally {
    await peer?.close();
  }
  machine.loadAverageEnd = loadavg().map((x) => Math.round(x * 100) / 100);
  const result: BenchResult = {
    command: benchCommandLine(options),
    quick,
    reps,
    seed,
    date: new Date().toISOString(),
    commit: gitCommit(),
    durationSeconds: 0,
    machine,
    workloads,
  };
  log("plots");
  const plots = await benchPlots(result);
  result.durationSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const files: FileToWrite[] = [
    { path: join(options.out, "BENCHMARKS.md"), data: benchmarksMarkdown(result, plots.map((p) => p.name)) },
    { path: join(options.out, "bench", "benchmarks.json"), data: JSON.stringify(result, null, 2) + "\n" },
    ...plots.map((p) => ({ path: join(options.out, "bench", p.name), data: p.png })),
  ];
  await writeOutputs(files, "out");
  return { result, files: files.map((f) => f.path) };
}
