/**
 * Workload 4: the paper's Figure 3 workload, Partially Synthetic training with N = 100 real
 * samples and n = 10 synthetic ones, 50 generations, 100 runs, every measure recorded.
 */
import { targetS0 } from "../../src/init/index.ts";
import { simulateRuns, type SimulationConfig } from "../../src/loops/index.ts";
import { deriveSeed } from "../../src/rng/index.ts";
import { runCase, type BenchContext } from "../runCase.ts";
import { timeOnce } from "../timing.ts";
import type { WorkloadResult } from "../types.ts";

/** The configuration and run count of the Figure 3 workload (reduced in quick mode). */
export function fig3Plan(ctx: BenchContext): { config: SimulationConfig; runs: number } {
  return {
    config: { setting: "partially-synthetic", p0: targetS0(600, 52, 0.1), N: 100, n: 10, generations: ctx.quick ? 10 : 50 },
    runs: ctx.quick ? 10 : 100,
  };
}

/** A checksum of run records: the sum of sigma_m over runs and generations. */
export function sigmaChecksum(records: ReadonlyArray<{ sigma: number[] }>): number {
  let t = 0;
  for (const r of records) for (const v of r.sigma) t += v;
  return t;
}

/**
 * Workload 4: `simulateRuns` of the Figure 3 configuration against the numpy loop and the vectorised numpy version.
 * @example (await fig3Workload(ctx)).cases[0].unit; // => "workload"
 */
export async function fig3Workload(ctx: BenchContext): Promise<WorkloadResult> {
  const { config, runs } = fig3Plan(ctx);
  const seed = deriveSeed(ctx.seed, "bench-fig3");
  const peerArgs = { p: Array.from(config.p0), N: config.N, n: config.n, generations: config.generations, runs, seed: ctx.seed };
  const c = await runCase(ctx, {
    id: "fig3",
    label: `Figure 3 workload: N = ${config.N}, n = ${config.n}, ${config.generations} generations, ${runs} runs`,
    unit: "workload",
    parameters: { s: 600, support: 52, S0: 0.1, N: config.N!, n: config.n, generations: config.generations, runs },
    harness: [
      {
        name: "simulateRuns (1 thread)",
        warmUp: () => simulateRuns(seed, config, 5),
        run: () => {
          const { seconds, value } = timeOnce(() => simulateRuns(seed, config, runs));
          return { seconds, checksum: sigmaChecksum(value) };
        },
      },
    ],
    peers: [
      { name: "numpy loop", op: "fig3.partially_synthetic", args: { ...peerArgs, method: "loop" } },
      { name: "numpy vectorised over runs", op: "fig3.partially_synthetic", args: { ...peerArgs, method: "vectorised" } },
    ],
    notes: ["Harness checksum: sum of sigma_m over runs and generations; numpy's: sum of all recorded measures."],
  });
  return {
    id: "fig3",
    title: "Figure 3 workload: Partially Synthetic training",
    description: [
      "p^(1) is trained on N real samples drawn once per run from p^(0) = targetS0(600, 52, 0.1); p^(m) on the same N real plus n fresh samples from p^(m-1).",
      "Both sides record, per generation: sigma_m, sup norm, L1 and L2 distances to p^(0) and p^(1) (and squared L2), entropy, support size.",
      "Harness: `simulateRuns(seed, config, runs)` on one thread (sparse counts over live tokens).",
      "numpy loop: per run, a Python loop over generations on the support of p^(0) (tokens outside it are dropped up front, which favours numpy); vectorised: all runs as one matrix per generation.",
    ],
    cases: [c],
    targets: [],
  };
}
