/**
 * Workload 3: the paper's Figure 2 workload. Fully Synthetic chains run to collapse from
 * p = targetS0(600, 52, 0.1), n in {10, 50, 100, ..., 400}, 100 runs per n, cap 100 n + 1000
 * generations (as src/figures/fig2CollapseTime). Harness: `collapseTimes` on one thread. Peers: a
 * numpy Python loop over generations (dead tokens dropped) and a version vectorised over runs.
 */
import { FIG2_NS } from "../../src/figures/fig2CollapseTime.ts";
import { targetS0 } from "../../src/init/index.ts";
import { collapseTimes } from "../../src/loops/index.ts";
import { deriveSeed } from "../../src/rng/index.ts";
import { ratioOf, runCase, type BenchContext } from "../runCase.ts";
import { targetAtLeast } from "../targets.ts";
import type { WorkloadResult } from "../types.ts";

/** The grid and budget of the Figure 2 workload (reduced in quick mode). */
export function fig2Plan(ctx: BenchContext): { p: Float64Array; ns: number[]; runs: number; cap: (n: number) => number } {
  return {
    p: targetS0(600, 52, 0.1),
    ns: ctx.quick ? [10, 100] : FIG2_NS,
    runs: ctx.quick ? 10 : 100,
    cap: (n) => 100 * n + 1000,
  };
}

/** The Figure 2 workload on one thread: seconds per n and the total number of generations. */
export function fig2Harness(seed: number, plan: ReturnType<typeof fig2Plan>): { seconds: number; perPoint: number[]; checksum: number } {
  const perPoint: number[] = [];
  let checksum = 0;
  for (const n of plan.ns) {
    const t0 = process.hrtime.bigint();
    const T = collapseTimes(deriveSeed(seed, `bench-fig2/n=${n}`), plan.p, n, plan.runs, plan.cap(n));
    perPoint.push(Number(process.hrtime.bigint() - t0) / 1e9);
    for (const t of T) checksum += t ?? 0;
  }
  return { seconds: perPoint.reduce((a, b) => a + b, 0), perPoint, checksum };
}

/**
 * Workload 3: the Figure 2 grid on one thread against the numpy loop and the vectorised numpy version; target >= 25x.
 * @example (await fig2Workload(ctx)).targets[0].goal; // => "numpy loop time / harness time >= 25 (one thread)"
 */
export async function fig2Workload(ctx: BenchContext): Promise<WorkloadResult> {
  const plan = fig2Plan(ctx);
  const peerArgs = { p: Array.from(plan.p), ns: plan.ns, runs: plan.runs, cap_per_n: 100, cap_base: 1000, seed: ctx.seed };
  const c = await runCase(ctx, {
    id: "fig2",
    label: `Figure 2 workload: n in {${plan.ns.join(", ")}}, ${plan.runs} runs each`,
    unit: "workload",
    parameters: { s: 600, support: 52, S0: 0.1, runs: plan.runs, ns: plan.ns.join(","), cap: "100 n + 1000" },
    points: plan.ns,
    harness: [
      {
        name: "collapseTimes (1 thread)",
        warmUp: () => fig2Harness(ctx.seed + 1, { ...plan, runs: Math.min(plan.runs, 10) }),
        run: () => fig2Harness(ctx.seed, plan),
      },
    ],
    peers: [
      { name: "numpy loop", op: "fig2.collapse_times", args: { ...peerArgs, method: "loop" } },
      { name: "numpy vectorised over runs", op: "fig2.collapse_times", args: { ...peerArgs, method: "vectorised" } },
    ],
    notes: [
      "Checksums are the total number of generations simulated (sum of T over all runs and n); both sides draw from different generators, so they agree in distribution, not exactly.",
    ],
  });
  const loop = ratioOf(c, "collapseTimes (1 thread)", "numpy loop");
  const vec = ratioOf(c, "collapseTimes (1 thread)", "numpy vectorised over runs");
  const target = targetAtLeast("Figure 2 workload vs the numpy loop", "numpy loop time / harness time >= 25 (one thread)", loop === null ? null : 1 / loop, 25);
  if (vec !== null) target.verdict += `; against numpy vectorised over runs: ${(1 / vec).toPrecision(3)}x`;
  return {
    id: "fig2",
    title: "Figure 2 workload: Fully Synthetic chains to collapse",
    description: [
      "p = targetS0(600, 52, 0.1) (s = 600, support 52, S_0 = 0.1); each run iterates p^(m) = Multinomial(n, p^(m-1)) / n until one token is left (T), cap 100 n + 1000.",
      "Harness: `collapseTimes(seed, p, n, runs, cap)` per n, one thread (live counts compacted after each generation, no allocation per generation).",
      "numpy loop: per run, a Python loop over generations calling `rng.multinomial(n, q)` on the live tokens, dropping tokens that died (`x[x > 0]`).",
      "numpy vectorised: per n, one `rng.multinomial(n, P)` per generation on the (live runs x tokens) matrix; collapsed runs leave the matrix, token columns dead in every live run are dropped.",
    ],
    cases: [c],
    targets: [target],
  };
}
