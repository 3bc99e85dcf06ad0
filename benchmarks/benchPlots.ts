/** The report's plots: the Figure 2 workload's cost against n, and a multinomial draw's against s. */
import { renderPlot, type PlotLayer, type PlotSpec } from "../src/report/index.ts";
import { median } from "./stats.ts";
import type { BenchResult, CaseResult, Side } from "./types.ts";

const COLORS = ["#d62728", "#1f5fbf", "#2ca02c", "#e8a817"];

function lineAndPoints(x: number[], y: number[], label: string, color: string): PlotLayer[] {
  const keep = x.map((_, i) => i).filter((i) => Number.isFinite(y[i]) && y[i] > 0);
  const xs = keep.map((i) => x[i]);
  const ys = keep.map((i) => y[i]);
  return [
    { kind: "line", x: xs, y: ys, label, color },
    { kind: "points", x: xs, y: ys, color, shape: "circle", size: 40 },
  ];
}

/** Median over repetitions of each point of a side's perPoint. */
function perPointMedians(side: Side): number[] {
  const reps = side.perPoint ?? [];
  if (reps.length === 0) return [];
  return reps[0].map((_, j) => median(reps.map((r) => r[j])));
}

/** Cost of the Figure 2 workload per n (seconds for all runs at that n), per side; null without data. */
export function costVsNSpec(result: BenchResult): PlotSpec | null {
  const c = result.workloads.find((w) => w.id === "fig2")?.cases[0];
  if (!c?.points) return null;
  const layers = c.sides.filter((s) => !s.unavailable && s.perPoint).flatMap((s, i) => lineAndPoints(c.points!, perPointMedians(s), `${s.kind === "harness" ? "harness " : ""}${s.name}`, COLORS[i % COLORS.length]));
  return {
    title: "Figure 2 workload: cost against the sample size n",
    parameters: { s: 600, support: 52, S0: 0.1, runs: c.parameters.runs, reps: result.reps },
    seed: result.seed,
    note: "seconds to run every chain to collapse at that n (median over repetitions)",
    panels: [{ width: 480, height: 300, x: { label: "n (samples per generation)" }, y: { label: "seconds", scale: "log" }, layers }],
  };
}

/** Cost of one multinomial draw against s at n = 1000, per side; null without data. */
export function costVsSSpec(result: BenchResult): PlotSpec | null {
  const w = result.workloads.find((x) => x.id === "multinomial-vs-s");
  if (!w || w.cases.length === 0) return null;
  const ss = w.cases.map((c: CaseResult) => Number(c.parameters.s));
  const names = w.cases[0].sides.filter((s) => !s.unavailable).map((s) => s.name);
  const layers = names.flatMap((name, i) => {
    const side = w.cases[0].sides.find((s) => s.name === name)!;
    const y = w.cases.map((c) => c.sides.find((s) => s.name === name)?.median ?? Number.NaN);
    return lineAndPoints(ss, y, `${side.kind === "harness" ? "harness " : "numpy "}${name}`, COLORS[i % COLORS.length]);
  });
  return {
    title: "One Multinomial(1000, p) draw: cost against the vocabulary size s",
    parameters: { n: 1000, p: "Zipf(1)", reps: result.reps },
    seed: result.seed,
    note: "seconds per call (median over repetitions)",
    panels: [{ width: 480, height: 300, x: { label: "s (vocabulary size)", scale: "log" }, y: { label: "seconds per draw", scale: "log" }, layers }],
  };
}

/** The PNGs of both plots, keyed by file name under bench/. */
export async function benchPlots(result: BenchResult): Promise<Array<{ name: string; png: Uint8Array }>> {
  const out: Array<{ name: string; png: Uint8Array }> = [];
  for (const [name, spec] of [["cost-vs-n.png", costVsNSpec(result)], ["cost-vs-s.png", costVsSSpec(result)]] as const) {
    if (spec === null) continue;
    const plot = await renderPlot(spec);
    out.push({ name, png: plot.png });
  }
  return out;
}
