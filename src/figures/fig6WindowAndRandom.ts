/**
 * Figure 6: training on the K most recent models (K = 1 is Fully Synthetic) and on data sampled
 * from all past models (Randomly Sampled Data), n = 10, 500 generations: sigma_m, the drift
 * ||p^(m) - p^(1)||_1 and the law of the collapse time T.
 */
import { targetS0 } from "../init/index.ts";
import type { Setting } from "../loops/index.ts";
import { binCounts, type PlotLayer, type PlotPanel, type PlotSpec } from "../report/index.ts";
import { deriveSeed } from "../rng/index.ts";
import { checkIntegerAtLeast } from "../validate.ts";
import { meanAndError } from "./meanByIndex.ts";
import { renderFigure } from "./renderFigure.ts";
import { runStudy, type RunStudy } from "./runStudy.ts";
import { runsPanel } from "./runsPanel.ts";
import { summaryNumber, summaryNumbers } from "./summaryNumber.ts";
import type { FigureOutput } from "./types.ts";

/** Id and file stem of Figure 6. */
export const FIG6_ID = "fig6-window-and-random";
const TITLE = "Figure 6: Most Recent Models (window K) and Randomly Sampled Data, n = 10";

/** Budget of Figure 6. */
export interface Fig6Options {
  seed: number;
  /** Window sizes of the Most Recent Models columns after K = 1 (default 2 and 5). */
  windows?: number[];
  n?: number;
  generations?: number;
  runs?: number;
  drawn?: number;
}

/** One column: a setting and its runs. */
export interface Fig6Column extends RunStudy {
  label: string;
  setting: Setting;
  /** Window size (1 for Fully Synthetic), null for Randomly Sampled Data. */
  K: number | null;
}

/** Everything Figure 6 plots (plain data). */
export interface Fig6Data {
  seed: number;
  figureSeed: number;
  n: number;
  generations: number;
  columns: Fig6Column[];
}

/**
 * The data of Figure 6 on the paper's p (s = 600, s~ = 52, S0 = 0.1): Fully Synthetic (K = 1),
 * Most Recent Models for each K (floor(n/K) samples from each of the last K models, real data in
 * the window while m <= K) and Randomly Sampled Data, each on seed
 * deriveSeed(deriveSeed(seed, "fig6-window-and-random"), "<setting>/K=<K>"). Source: Sect. 4.2, Figure 6.
 * @example fig6WindowAndRandomData({ seed: 1, runs: 5, generations: 20 }).columns.map((c) => c.K); // => [1, 2, 5, null]
 */
export function fig6WindowAndRandomData(options: Fig6Options): Fig6Data {
  const seed = options.seed;
  const figureSeed = deriveSeed(seed, FIG6_ID);
  const n = checkIntegerAtLeast(options.n ?? 10, "n", 1);
  const windows = options.windows ?? [2, 5];
  if (!Array.isArray(windows)) throw new TypeError("windows must be an array of window sizes");
  windows.forEach((K, i) => {
    checkIntegerAtLeast(K, `windows[${i}]`, 2);
    if (K > n) throw new RangeError(`windows[${i}] must be <= n (${n}) so that floor(n/K) >= 1, got ${K}`);
  });
  const generations = checkIntegerAtLeast(options.generations ?? 500, "generations", 2);
  const runs = checkIntegerAtLeast(options.runs ?? 100, "runs", 1);
  const drawn = Math.min(runs, checkIntegerAtLeast(options.drawn ?? 100, "drawn", 0));
  const p0 = targetS0(600, 52, 0.1);
  const specs: Array<{ label: string; setting: Setting; K: number | null }> = [
    { label: "K = 1 (Fully Synthetic)", setting: "fully-synthetic", K: 1 },
    ...windows.map((K) => ({ label: `Most Recent Models, K = ${K}`, setting: "most-recent" as const, K })),
    { label: "Randomly Sampled Data", setting: "randomly-sampled", K: null },
  ];
  const columns = specs.map((c): Fig6Column => ({
    ...c,
    ...runStudy(
      deriveSeed(figureSeed, `${c.setting}/K=${c.K ?? "none"}`),
      { setting: c.setting, p0, n, generations, K: c.setting === "most-recent" ? (c.K ?? undefined) : undefined },
      runs,
      drawn,
      c.K ?? undefined,
    ),
  }));
  return { seed, figureSeed, n, generations, columns };
}

function tStats(c: Fig6Column) {
  const t = meanAndError(c.T);
  const a = c.absorbed === null ? null : meanAndError(c.absorbed);
  const hits = c.T.filter((v): v is number => v !== null).sort((x, y) => x - y);
  const quantile = (q: number) => (hits.length === 0 ? NaN : hits[Math.min(hits.length - 1, Math.floor(q * hits.length))]);
  return { t, a, median: quantile(0.5), q90: quantile(0.9), hits };
}

function histogramPanel(c: Fig6Column, generations: number): PlotPanel {
  const { t, hits } = tStats(c);
  const hi = hits.length === 0 ? generations : Math.max(10, hits[hits.length - 1]);
  const binWidth = Math.max(1, Math.ceil(hi / 25));
  const layers: PlotLayer[] = [
    { kind: "histogram", values: hits, binWidth, extent: [0, binWidth * Math.ceil(hi / binWidth)], label: "histogram of T" },
  ];
  if (hits.length > 0) layers.push({ kind: "rule", x: t.mean, label: "mean T", color: "#d62728" });
  return {
    title: `mean T = ${hits.length === 0 ? "-" : summaryNumber(t.mean, 3)}, T > ${generations} in ${t.missing}/${c.runs}`,
    width: 260,
    height: 150,
    x: { label: "T = first m with ||p^(m)||_∞ = 1", zero: true },
    y: { label: "runs" },
    layers,
  };
}

/**
 * The PlotSpec of Figure 6: one column per setting; rows sigma_m, ||p^(m) - p^(1)||_1 (both on
 * [0, 1] and [0, 2] in every column) and the histogram of T with its mean.
 * @example fig6WindowAndRandomSpec(fig6WindowAndRandomData({ seed: 1, runs: 5, generations: 20 })).panels.length; // => 12
 */
export function fig6WindowAndRandomSpec(data: Fig6Data): PlotSpec {
  const sigma = data.columns.map((c) =>
    runsPanel({ title: c.label, yLabel: "σ_m = ||p^(m)||²", runs: c.sigmaRuns, mean: c.meanSigma, yDomain: [0, 1.02], maxPoints: 10000, width: 260 }),
  );
  const l1 = data.columns.map((c) =>
    runsPanel({ yLabel: "||p^(m) - p^(1)||_1", runs: c.l1Runs, mean: c.meanL1, firstM: 1, yDomain: [0, 2], xDomain: [0, data.generations], maxPoints: 10000, width: 260 }),
  );
  const runs = data.columns[0].runs;
  return {
    title: TITLE,
    parameters: { s: 600, support: 52, S0: 0.1, n: data.n, K: data.columns.filter((c) => c.K !== null).map((c) => c.K as number), generations: data.generations, runs },
    seed: data.seed,
    note:
      `Thin: ${data.columns[0].sigmaRuns.length} runs, bold: mean of ${runs}. Window K: floor(n/K) samples from each of the last K models (real data while m <= K). ` +
      `T: first hit of a Dirac mass.`,
    panels: [...sigma, ...l1, ...data.columns.map((c) => histogramPanel(c, data.generations))],
    columns: data.columns.length,
  };
}

/** The plotted numbers of Figure 6: per column the mean curves at a few generations, and the law of T. */
export function fig6WindowAndRandomSummary(data: Fig6Data): object {
  const at = [0, 1, 2, 5, 10, 20, 50, 100, 200, 300, 400, 500].filter((m) => m <= data.generations);
  return {
    parameters: { s: 600, support: 52, S0: 0.1, n: data.n, generations: data.generations, seed: data.seed, figureSeed: data.figureSeed },
    generationsListed: at,
    columns: data.columns.map((c) => {
      const { t, a, median, q90, hits } = tStats(c);
      const hi = hits.length === 0 ? data.generations : Math.max(10, hits[hits.length - 1]);
      const binWidth = Math.max(1, Math.ceil(hi / 25));
      return {
        label: c.label,
        setting: c.setting,
        K: c.K,
        runs: c.runs,
        meanSigma: summaryNumbers(at.map((m) => c.meanSigma[m])),
        meanL1ToP1: summaryNumbers(at.map((m) => (m === 0 ? 0 : c.meanL1[m - 1]))),
        T: {
          collapsed: t.count,
          notCollapsed: t.missing,
          mean: summaryNumber(t.mean),
          se: summaryNumber(t.se),
          median,
          q90,
          histogram: binCounts(hits, { binWidth, extent: [0, binWidth * Math.ceil(hi / binWidth)] }),
        },
        absorbedKInARow: a === null ? null : { absorbed: a.count, notAbsorbed: a.missing, mean: summaryNumber(a.mean), se: summaryNumber(a.se) },
      };
    }),
  };
}

/** Figure 6 computed and rendered; `extended`: means and histograms over 1000 runs (100 drawn). */
export async function fig6WindowAndRandom(options: { seed: number; extended: boolean }): Promise<FigureOutput> {
  const data = fig6WindowAndRandomData({ seed: options.seed, runs: options.extended ? 1000 : 100 });
  return renderFigure(FIG6_ID, TITLE, fig6WindowAndRandomSpec(data), fig6WindowAndRandomSummary(data));
}
