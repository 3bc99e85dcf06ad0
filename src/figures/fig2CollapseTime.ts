/**
 * Figure 2: Fully Synthetic mean collapse time E[T] against n, by Monte Carlo, against the
 * bounds of Theorem 1 Eq (8), the Kimura-Ohta diffusion approximation and, where the chain is
 * small enough, the exact E[T] of the absorbing Markov chain.
 */
import { expectedCollapseTime } from "../exact/index.ts";
import { targetS0, uniform, zipf } from "../init/index.ts";
import { collapseTimes } from "../loops/index.ts";
import type { PlotLayer, PlotPanel, PlotSpec } from "../report/index.ts";
import { deriveSeed } from "../rng/index.ts";
import { collapseTimeBounds, kimuraOhtaCollapseTime } from "../theory/index.ts";
import { checkIntegerAtLeast } from "../validate.ts";
import { distributionPanel } from "./distributionPanel.ts";
import { meanAndError } from "./meanByIndex.ts";
import { renderFigure } from "./renderFigure.ts";
import { summaryNumber, summaryNumbers } from "./summaryNumber.ts";
import type { FigureOutput } from "./types.ts";

/** Id and file stem of Figure 2. */
export const FIG2_ID = "fig2-collapse-time";
const TITLE = "Figure 2: Fully Synthetic collapse time T against the sample size n";

/** The paper's grid n in {10, 50, 100, 150, ..., 400}. */
export const FIG2_NS = [10, 50, 100, 150, 200, 250, 300, 350, 400];

/** Budget of Figure 2. */
export interface Fig2Options {
  seed: number;
  /** Runs per point (default 100, the paper's). */
  runs?: number;
  /** n for the three large-vocabulary distributions (default FIG2_NS). */
  ns?: number[];
  /** n for the two-token p = (0.7, 0.3), Monte Carlo and exact (default FIG2_NS). */
  ns2?: number[];
  /** n for the three-token p = (0.5, 0.3, 0.2), Monte Carlo and exact (default 5, 10, ..., 40). */
  ns3?: number[];
}

/** One initial distribution: Monte Carlo mean T per n, and the closed forms at the same n. */
export interface Fig2Series {
  name: string;
  label: string;
  p: number[];
  S0: number;
  support: number;
  ns: number[];
  /** Mean T over the runs that collapsed within the cap (100 n + 1000 generations). */
  meanT: number[];
  seT: number[];
  notCollapsed: number[];
  /** Eq (8): 1 + [(1 - S0)/(1 - 1/s~)](n - 1) <= E[T] <= 1 + (1 - S0) n (n - 1). */
  lower: number[];
  upper: number[];
  /** -2n sum_i (1 - p_i) ln(1 - p_i) (spec 4.4). */
  kimuraOhta: number[];
  /** Exact E[T] at each n (small s only; empty otherwise). */
  exact: number[];
}

/** Everything Figure 2 plots (plain data). */
export interface Fig2Data {
  seed: number;
  figureSeed: number;
  runs: number;
  /** The paper's p, a uniform and a Zipf law on s = 600 tokens. */
  large: Fig2Series[];
  /** s = 2 and s = 3, where E[T] is also computed exactly. */
  small: Fig2Series[];
}

function checkNs(ns: number[], name: string): number[] {
  if (!Array.isArray(ns) || ns.length === 0) throw new RangeError(`${name} must be a non-empty array of sample sizes`);
  ns.forEach((n, i) => checkIntegerAtLeast(n, `${name}[${i}]`, 1));
  return ns;
}

function series(figureSeed: number, name: string, label: string, p: Float64Array, ns: number[], runs: number, exact: boolean): Fig2Series {
  const S0 = p.reduce((a, v) => a + v * v, 0);
  const support = p.filter((v) => v > 0).length;
  const out: Fig2Series = { name, label, p: Array.from(p), S0, support, ns, meanT: [], seT: [], notCollapsed: [], lower: [], upper: [], kimuraOhta: [], exact: [] };
  for (const n of ns) {
    const T = collapseTimes(deriveSeed(figureSeed, `${name}/n=${n}`), p, n, runs, 100 * n + 1000);
    const { mean, se, missing } = meanAndError(T);
    const bounds = collapseTimeBounds({ n, S0, support });
    out.meanT.push(mean);
    out.seT.push(se);
    out.notCollapsed.push(missing);
    out.lower.push(bounds.lower);
    out.upper.push(bounds.upper);
    out.kimuraOhta.push(kimuraOhtaCollapseTime({ n, p: out.p }));
    if (exact) out.exact.push(expectedCollapseTime(p, n));
  }
  return out;
}

/**
 * The data of Figure 2: for each p and n, T of `runs` Fully Synthetic runs (collapseTimes on
 * deriveSeed(deriveSeed(seed, "fig2-collapse-time"), "<name>/n=<n>")), with Eq (8), Kimura-Ohta
 * and, for s = 2 and 3, the exact E[T]. Source: Theorem 1 Eq (8), Figure 2, spec 4.4.
 * @example fig2CollapseTimeData({ seed: 1, runs: 5, ns: [10], ns2: [10], ns3: [5] }).large[0].meanT.length; // => 1
 */
export function fig2CollapseTimeData(options: Fig2Options): Fig2Data {
  const seed = options.seed;
  const figureSeed = deriveSeed(seed, FIG2_ID);
  const runs = checkIntegerAtLeast(options.runs ?? 100, "runs", 1);
  const ns = checkNs(options.ns ?? FIG2_NS, "ns");
  const ns2 = checkNs(options.ns2 ?? FIG2_NS, "ns2");
  const ns3 = checkNs(options.ns3 ?? [5, 10, 15, 20, 25, 30, 35, 40], "ns3");
  const large = [
    series(figureSeed, "paper", "paper's p: s~ = 52, S0 = 0.1", targetS0(600, 52, 0.1), ns, runs, false),
    series(figureSeed, "uniform", "uniform: s~ = 52, S0 = 1/52", uniform(600, 52), ns, runs, false),
    series(figureSeed, "zipf", "Zipf(1): s~ = 600, S0 = 0.034", zipf(600, 1), ns, runs, false),
  ];
  const small = [
    series(figureSeed, "s2", "s = 2, p = (0.7, 0.3)", Float64Array.from([0.7, 0.3]), ns2, runs, true),
    series(figureSeed, "s3", "s = 3, p = (0.5, 0.3, 0.2)", Float64Array.from([0.5, 0.3, 0.2]), ns3, runs, true),
  ];
  return { seed, figureSeed, runs, large, small };
}

const COLORS = { mean: "#222222", lower: "#d62728", upper: "#7f7f7f", ko: "#1f5fbf", exact: "#2ca02c" } as const;

function timeLayers(s: Fig2Series, runs: number, withUpper: boolean): PlotLayer[] {
  const layers: PlotLayer[] = [];
  if (withUpper) layers.push({ kind: "dashed", x: s.ns, y: s.upper, label: "Eq (8) upper bound 1 + (1 - S0) n (n - 1)", color: COLORS.upper });
  layers.push({ kind: "dashed", x: s.ns, y: s.lower, label: "Eq (8) lower bound", color: COLORS.lower });
  layers.push({ kind: "dashed", x: s.ns, y: s.kimuraOhta, label: "Kimura-Ohta -2n Σ (1 - p_i) ln(1 - p_i)", color: COLORS.ko });
  if (s.exact.length > 0) layers.push({ kind: "line", x: s.ns, y: s.exact, label: "exact E[T] (absorbing Markov chain)", color: COLORS.exact, strokeWidth: 1.6 });
  layers.push({ kind: "points", x: s.ns, y: s.meanT, label: `mean T over ${runs} runs`, color: COLORS.mean });
  return layers;
}

function timePanel(title: string, s: Fig2Series, runs: number): PlotPanel {
  const xMax = Math.max(...s.ns) * 1.04;
  return { title, width: 300, height: 200, x: { label: "n", domain: [0, xMax] }, y: { label: "E[T] (generations)", zero: true }, layers: timeLayers(s, runs, false) };
}

/**
 * The PlotSpec of Figure 2 (3 x 3): the three p's (log y), E[T] against n for each, then the
 * paper's p on log-log axes with the n^2 upper bound, and the exact two- and three-token chains.
 * @example fig2CollapseTimeSpec(fig2CollapseTimeData({ seed: 1, runs: 5, ns: [10], ns2: [10], ns3: [5] })).panels.length; // => 9
 */
export function fig2CollapseTimeSpec(data: Fig2Data): PlotSpec {
  const [paper] = data.large;
  const [two, three] = data.small;
  const panels: PlotPanel[] = [
    ...data.large.map((s) => distributionPanel({ title: `p^(0) = ${s.label}`, p: s.p, label: "p = p^(0)", yDomain: [1e-4, 1] })),
    ...data.large.map((s) => timePanel(`E[T]: ${s.label}`, s, data.runs)),
    {
      title: "paper's p, log-log: upper bound is O(n²)",
      width: 300,
      height: 200,
      x: { label: "n", scale: "log", domain: [8, 500] },
      y: { label: "E[T] (generations)", scale: "log", domain: [1, 1e6] },
      layers: timeLayers(paper, data.runs, true),
    },
    timePanel(`E[T], exact: ${two.label}`, two, data.runs),
    timePanel(`E[T], exact: ${three.label}`, three, data.runs),
  ];
  return {
    title: TITLE,
    parameters: { setting: "fully-synthetic", s: 600, runs: data.runs, n: paper.ns },
    seed: data.seed,
    note: "Crosses: mean T over the runs. The Eq (8) upper bound (order n²) is drawn only in the log-log panel.",
    panels,
    columns: 3,
    legend: "right",
  };
}

/** The plotted numbers of Figure 2 (p itself only by its S0 and support). */
export function fig2CollapseTimeSummary(data: Fig2Data): object {
  const one = (s: Fig2Series) => ({
    name: s.name,
    label: s.label,
    S0: summaryNumber(s.S0),
    support: s.support,
    n: s.ns,
    meanT: summaryNumbers(s.meanT),
    seT: summaryNumbers(s.seT),
    notCollapsed: s.notCollapsed,
    lowerEq8: summaryNumbers(s.lower),
    upperEq8: summaryNumbers(s.upper),
    kimuraOhta: summaryNumbers(s.kimuraOhta),
    exact: summaryNumbers(s.exact),
    meanTOverN: summaryNumbers(s.meanT.map((t, i) => t / s.ns[i])),
  });
  return {
    parameters: { setting: "fully-synthetic", runs: data.runs, seed: data.seed, figureSeed: data.figureSeed, cap: "100 n + 1000 generations" },
    series: [...data.large, ...data.small].map(one),
  };
}

/** Figure 2 computed and rendered; `extended`: 1000 runs per point and the three-token chain up to n = 60. */
export async function fig2CollapseTime(options: { seed: number; extended: boolean }): Promise<FigureOutput> {
  const data = fig2CollapseTimeData(
    options.extended
      ? { seed: options.seed, runs: 1000, ns3: [5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60] }
      : { seed: options.seed },
  );
  return renderFigure(FIG2_ID, TITLE, fig2CollapseTimeSpec(data), fig2CollapseTimeSummary(data));
}
