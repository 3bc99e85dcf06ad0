/**
 * Figure 3: Partially Synthetic training (the same N = 100 real samples every generation plus n
 * synthetic ones) for several n: sigma_m per run, its mean and Eq (9) (corrected sign), and the
 * drift ||p^(m) - p^(1)||_1.
 */
import { targetS0 } from "../init/index.ts";
import type { PlotPanel, PlotSpec } from "../report/index.ts";
import { deriveSeed } from "../rng/index.ts";
import { partiallySyntheticSm } from "../theory/index.ts";
import { checkIntegerAtLeast } from "../validate.ts";
import { renderFigure } from "./renderFigure.ts";
import { runStudy, type RunStudy } from "./runStudy.ts";
import { runsPanel } from "./runsPanel.ts";
import { summaryNumber, summaryNumbers } from "./summaryNumber.ts";
import type { FigureOutput } from "./types.ts";

/** Id and file stem of Figure 3. */
export const FIG3_ID = "fig3-partial-vary-n";
const TITLE = "Figure 3: Partially Synthetic, N = 100 real samples, varying the synthetic sample size n";

/** Budget of Figure 3. */
export interface Fig3Options {
  seed: number;
  /** Synthetic sample sizes, one column each (default 1, 10, 100, 1000). */
  ns?: number[];
  N?: number;
  generations?: number;
  /** Runs averaged (default 100, the paper's). */
  runs?: number;
  /** Runs drawn as thin lines (default min(runs, 100)). */
  drawn?: number;
}

/** One column: the runs for one n, with Eq (9). */
export interface Fig3Column extends RunStudy {
  n: number;
  /** S_m by Eq (9), "+" sign, m = 0..M. */
  Sm: number[];
}

/** Everything Figure 3 plots (plain data). */
export interface Fig3Data {
  seed: number;
  figureSeed: number;
  N: number;
  generations: number;
  S0: number;
  columns: Fig3Column[];
}

/**
 * The data of Figure 3 on the paper's p (s = 600, s~ = 52, S0 = 0.1): for each n, `runs`
 * Partially Synthetic runs on seed deriveSeed(deriveSeed(seed, "fig3-partial-vary-n"), "n=<n>").
 * Source: Figure 3, Theorem 2 Eq (9).
 * @example fig3PartialVaryNData({ seed: 1, ns: [10], runs: 5, generations: 8 }).columns[0].Sm.length; // => 9
 */
export function fig3PartialVaryNData(options: Fig3Options): Fig3Data {
  const seed = options.seed;
  const figureSeed = deriveSeed(seed, FIG3_ID);
  const ns = options.ns ?? [1, 10, 100, 1000];
  if (!Array.isArray(ns) || ns.length === 0) throw new RangeError("ns must be a non-empty array of sample sizes");
  ns.forEach((n, i) => checkIntegerAtLeast(n, `ns[${i}]`, 1));
  const N = checkIntegerAtLeast(options.N ?? 100, "N", 1);
  const generations = checkIntegerAtLeast(options.generations ?? 50, "generations", 2);
  const runs = checkIntegerAtLeast(options.runs ?? 100, "runs", 1);
  const drawn = Math.min(runs, checkIntegerAtLeast(options.drawn ?? 100, "drawn", 0));
  const p0 = targetS0(600, 52, 0.1);
  const S0 = p0.reduce((a, v) => a + v * v, 0);
  const columns = ns.map((n): Fig3Column => ({
    n,
    ...runStudy(deriveSeed(figureSeed, `n=${n}`), { setting: "partially-synthetic", p0, n, N, generations }, runs, drawn),
    Sm: Array.from({ length: generations + 1 }, (_, m) => partiallySyntheticSm({ N, n, S0, m })),
  }));
  return { seed, figureSeed, N, generations, S0, columns };
}

/** The two panels of one column: sigma_m with Eq (9), and ||p^(m) - p^(1)||_1. */
export function partialColumnPanels(title: string, c: RunStudy & { Sm: number[] }, sigmaDomain: [number, number], l1Domain: [number, number]): [PlotPanel, PlotPanel] {
  return [
    runsPanel({ title, yLabel: "σ_m = ||p^(m)||²", runs: c.sigmaRuns, mean: c.meanSigma, theory: c.Sm, theoryLabel: "S_m, Eq (9) (sign corrected to +)", yDomain: sigmaDomain }),
    runsPanel({ yLabel: "||p^(m) - p^(1)||_1", runs: c.l1Runs, mean: c.meanL1, firstM: 1, yDomain: l1Domain, xDomain: [0, c.meanL1.length] }),
  ];
}

/** [min, max] over the columns' drawn runs and means, padded by 5%, so all columns share a scale. */
export function sharedDomain(values: Iterable<ArrayLike<number>>, floorZero = false): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) for (let i = 0; i < v.length; i++) {
    lo = Math.min(lo, v[i]);
    hi = Math.max(hi, v[i]);
  }
  if (!(hi > lo)) return [lo - 0.5, hi + 0.5];
  const pad = 0.05 * (hi - lo);
  return [floorZero ? 0 : lo - pad, hi + pad];
}

/**
 * The PlotSpec of Figure 3: one column per n; top row sigma_m, bottom row ||p^(m) - p^(1)||_1,
 * each with all columns on one y scale.
 * @example fig3PartialVaryNSpec(fig3PartialVaryNData({ seed: 1, ns: [10, 100], runs: 5, generations: 8 })).panels.length; // => 4
 */
export function fig3PartialVaryNSpec(data: Fig3Data): PlotSpec {
  const sigmaDomain = sharedDomain(data.columns.flatMap((c) => [...c.sigmaRuns, c.meanSigma, c.Sm]));
  const l1Domain = sharedDomain(data.columns.flatMap((c) => [...c.l1Runs, c.meanL1]), true);
  const pairs = data.columns.map((c) => partialColumnPanels(`n = ${c.n} (α = n/(N+n) = ${(c.n / (data.N + c.n)).toPrecision(3)})`, c, sigmaDomain, l1Domain));
  const runs = data.columns[0].runs;
  return {
    title: TITLE,
    parameters: { setting: "partially-synthetic", s: 600, support: 52, S0: 0.1, N: data.N, n: data.columns.map((c) => c.n), generations: data.generations, runs },
    seed: data.seed,
    note: `Thin lines: ${data.columns[0].sigmaRuns.length} runs; bold: mean over ${runs} runs. Top: σ_m with S_m by Eq (9); bottom: drift from p^(1).`,
    panels: [...pairs.map((p) => p[0]), ...pairs.map((p) => p[1])],
    columns: data.columns.length,
  };
}

/** The plotted numbers of Figure 3: per n, the mean curves and Eq (9). */
export function fig3PartialVaryNSummary(data: Fig3Data): object {
  return {
    parameters: { setting: "partially-synthetic", s: 600, support: 52, S0: summaryNumber(data.S0), N: data.N, generations: data.generations, seed: data.seed, figureSeed: data.figureSeed },
    columns: data.columns.map((c) => ({
      n: c.n,
      runs: c.runs,
      meanSigma: summaryNumbers(c.meanSigma),
      SmEq9: summaryNumbers(c.Sm),
      meanL1ToP1FromM1: summaryNumbers(c.meanL1),
    })),
  };
}

/** Figure 3 computed and rendered; `extended`: means over 1000 runs (100 drawn). */
export async function fig3PartialVaryN(options: { seed: number; extended: boolean }): Promise<FigureOutput> {
  const data = fig3PartialVaryNData({ seed: options.seed, runs: options.extended ? 1000 : 100 });
  return renderFigure(FIG3_ID, TITLE, fig3PartialVaryNSpec(data), fig3PartialVaryNSummary(data));
}
