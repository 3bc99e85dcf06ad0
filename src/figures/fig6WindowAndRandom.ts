/**
 * Figure 6: training on the K most recent models (K = 1 is Fully Synthetic) and on data sampled
 * from all past models (Randomly Sampled Data, once with the fixed real corpus and once with fresh
 * real draws), n = 10, 500 generations: sigma_m, the drift ||p^(m) - p^(1)||_1, and the laws of two
 * collapse measures, the first Dirac hit T and the absorption time (the first m after which the
 * model stays a Dirac mass for good).
 */
import { targetS0 } from "../init/index.ts";
import type { RealData, Setting } from "../loops/index.ts";
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

/** Which collapse measure and which real-data reading each family of verdicts uses (the caption says it too). */
export const FIG6_VERDICTS_USE = {
  "mrm-collapse-delayed, mrm-collapse-certain": "absorption time T_K (K consecutive Dirac models), fixed real corpus",
  "rsd-rare-collapse": "first Dirac hit T, fresh real draws",
  "rsd-plateau": "||p^(m) - p^(1)||_1, fresh real draws",
} as const;

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
  /** The real data t = 0: the fixed corpus of n samples reused (the paper) or fresh draws from p^(0) at each use. */
  realData: RealData;
  /**
   * Absorption time per run: the first m after which every model the schedule can still draw from
   * is one Dirac mass, so p^(m') stays that Dirac mass for all m' >= m; null if not by M. With a
   * window of K models: K consecutive Dirac models p^(m-K+1..m), m - K + 1 >= 1 (the verdicts'
   * T_K; real data leave the window after m = K). Randomly Sampled Data keeps the real data in the
   * pool: with fresh draws it is never absorbed (p^(0) is no Dirac mass); with the fixed corpus only
   * if the corpus itself is a Dirac mass, i.e. at m = 1 when p^(1) (trained on the whole corpus) is.
   */
  absorption: (number | null)[];
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
  const specs: Array<{ label: string; setting: Setting; K: number | null; realData: RealData; stream: string }> = [
    { label: "K = 1 (Fully Synthetic)", setting: "fully-synthetic", K: 1, realData: "fixed", stream: "fully-synthetic/K=1" },
    ...windows.map((K) => ({ label: `Most Recent Models, K = ${K}`, setting: "most-recent" as const, K, realData: "fixed" as const, stream: `most-recent/K=${K}` })),
    { label: "Randomly Sampled, fixed corpus", setting: "randomly-sampled", K: null, realData: "fixed", stream: "randomly-sampled/K=none" },
    { label: "Randomly Sampled, fresh real draws", setting: "randomly-sampled", K: null, realData: "fresh", stream: "randomly-sampled/fresh" },
  ];
  const columns = specs.map(({ stream, ...c }): Fig6Column => {
    const study = runStudy(
      deriveSeed(figureSeed, stream),
      { setting: c.setting, p0, n, generations, realData: c.realData, K: c.setting === "most-recent" ? (c.K ?? undefined) : undefined },
      runs,
      drawn,
      c.K ?? undefined,
    );
    // Randomly Sampled: the pool always holds the real data; the fixed corpus is a Dirac mass iff p^(1) is.
    const absorption = study.absorbed ?? study.T.map((t) => (c.realData === "fixed" && t === 1 ? 1 : null));
    return { ...c, ...study, absorption };
  });
  return { seed, figureSeed, n, generations, columns };
}

/** Mean, standard error, median and 90% quantile of the non-null times, and those times sorted. */
function timeStats(values: ReadonlyArray<number | null>) {
  const t = meanAndError(values);
  const hits = values.filter((v): v is number => v !== null).sort((x, y) => x - y);
  const quantile = (q: number) => (hits.length === 0 ? null : hits[Math.min(hits.length - 1, Math.floor(q * hits.length))]);
  return { t, median: quantile(0.5), q90: quantile(0.9), hits };
}

/**
 * Bins shared by the histograms of T and of the absorption time of one column: about 25 bins of
 * integer width over [0, max(10, latest time)] ([0, generations] when no run has either).
 */
function timeBins(c: Fig6Column, generations: number): { binWidth: number; extent: [number, number] } {
  let last: number | null = null;
  for (const v of [...c.T, ...c.absorption]) if (v !== null && (last === null || v > last)) last = v;
  const hi = last === null ? generations : Math.max(10, last);
  const binWidth = Math.max(1, Math.ceil(hi / 25));
  return { binWidth, extent: [0, binWidth * Math.ceil(hi / binWidth)] };
}

/** Why a column is never absorbed, or null. */
function neverAbsorbed(c: Fig6Column): string | null {
  if (c.setting !== "randomly-sampled") return null;
  return c.realData === "fresh" ? "never absorbed: fresh real data stay in the pool" : "absorbed only if the corpus is a Dirac mass (m = 1)";
}

const HIT_COLOR = "#d62728";
const ABSORPTION_COLOR = "#1f77b4";

/** The outline of a histogram as a step line (x, y), so that it can sit over a filled one. */
function stepOutline(edges: readonly number[], counts: readonly number[]): { x: number[]; y: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  counts.forEach((c, j) => {
    x.push(edges[j], edges[j + 1]);
    y.push(c, c);
  });
  return { x: [edges[0], ...x, edges[edges.length - 1]], y: [0, ...y, 0] };
}

/**
 * Row 3: the first Dirac hit T as filled bars (red, mean solid) and the absorption time on the same
 * bins as a blue outline (mean dashed); the title gives both means and how many runs had neither by M.
 */
function collapsePanel(c: Fig6Column, generations: number): PlotPanel {
  const hit = timeStats(c.T);
  const abs = timeStats(c.absorption);
  const bins = timeBins(c, generations);
  const layers: PlotLayer[] = [{ kind: "histogram", values: hit.hits, ...bins, label: "first Dirac hit T", color: HIT_COLOR }];
  if (hit.hits.length > 0) layers.push({ kind: "rule", x: hit.t.mean, color: HIT_COLOR });
  if (c.K !== 1) {
    const outline = binCounts(abs.hits, bins);
    layers.push({ kind: "line", ...stepOutline(outline.edges, outline.counts), label: "absorption time", color: ABSORPTION_COLOR, strokeWidth: 1.4 });
    if (abs.hits.length > 0) layers.push({ kind: "rule", x: abs.t.mean, color: ABSORPTION_COLOR, dashed: true });
  }
  const fmt = (s: ReturnType<typeof timeStats>) => (s.hits.length === 0 ? "-" : String(summaryNumber(s.t.mean, 3))) + (s.t.missing > 0 ? ` [${s.t.missing} none]` : "");
  const second = c.K === 1 ? "= absorption" : c.setting === "randomly-sampled" ? `absorbed ${abs.t.count}/${c.runs}` : `absorbed ${fmt(abs)}`;
  return {
    title: `mean T ${fmt(hit)}; ${second}`,
    width: 220,
    height: 150,
    x: { label: "generation m of collapse", zero: true },
    y: { label: "runs" },
    layers,
  };
}

/** The column title: the setting and, for Randomly Sampled Data, the real-data reading. */
function columnTitle(c: Fig6Column): string {
  if (c.setting !== "randomly-sampled") return c.label;
  return c.realData === "fixed" ? "Randomly Sampled, fixed corpus" : "Randomly Sampled, fresh draws";
}

/** The figure's subtitle line (short, so the figure keeps its width); the JSON summary carries FIG6_CAPTION in full. */
const FIG6_NOTE = "Row 3: first Dirac hit T (red) and absorption time (blue: Dirac for good). Verdicts: mrm-* use absorption, rsd-* T with fresh draws.";

/** The caption: the two collapse measures, the window rule, and which measure and real-data reading the verdicts use. */
export const FIG6_CAPTION =
  "Window K: floor(n/K) samples from each of the last K models (real data while m <= K). " +
  "Row 3: first Dirac hit T (first m with ||p^(m)||_∞ = 1, red bars) and absorption time (blue outline: the first m after which the model stays a Dirac mass for good, i.e. every model the schedule can still draw from is that Dirac mass). " +
  "Verdicts: mrm-* use the absorption time T_K with the fixed corpus; rsd-rare-collapse uses the first hit T and rsd-plateau the drift, both with fresh real draws (last column).";

/**
 * The PlotSpec of Figure 6: one column per setting; rows sigma_m, ||p^(m) - p^(1)||_1 (both on
 * [0, 1] and [0, 2] in every column), and the histograms of the first Dirac hit T (bars) and of
 * the absorption time (outline, same bins), each with its mean.
 * @example fig6WindowAndRandomSpec(fig6WindowAndRandomData({ seed: 1, runs: 5, generations: 20 })).panels.length; // => 15
 */
export function fig6WindowAndRandomSpec(data: Fig6Data): PlotSpec {
  const sigma = data.columns.map((c) =>
    runsPanel({ title: columnTitle(c), yLabel: "σ_m = ||p^(m)||²", runs: c.sigmaRuns, mean: c.meanSigma, yDomain: [0, 1.02], maxPoints: 6000, width: 220 }),
  );
  const l1 = data.columns.map((c) =>
    runsPanel({ yLabel: "||p^(m) - p^(1)||_1", runs: c.l1Runs, mean: c.meanL1, firstM: 1, yDomain: [0, 2], xDomain: [0, data.generations], maxPoints: 6000, width: 220 }),
  );
  const runs = data.columns[0].runs;
  return {
    title: TITLE,
    parameters: { s: 600, support: 52, S0: 0.1, n: data.n, K: data.columns.filter((c) => c.K !== null).map((c) => c.K as number), generations: data.generations, runs },
    seed: data.seed,
    note: `Thin: ${data.columns[0].sigmaRuns.length} runs, bold: mean of ${runs}. ${FIG6_NOTE}`,
    panels: [
      ...sigma,
      ...l1,
      ...data.columns.map((c) => collapsePanel(c, data.generations)),
    ],
    columns: data.columns.length,
  };
}

function timeSummary(values: ReadonlyArray<number | null>, bins: ReturnType<typeof timeBins>, names: [string, string]) {
  const { t, median, q90, hits } = timeStats(values);
  return {
    [names[0]]: t.count,
    [names[1]]: t.missing,
    mean: t.count === 0 ? null : summaryNumber(t.mean),
    se: t.count < 2 ? null : summaryNumber(t.se),
    median,
    q90,
    histogram: binCounts(hits, bins),
  };
}

/**
 * The plotted numbers of Figure 6: per column the mean curves at a few generations and the laws of
 * the first Dirac hit T and of the absorption time; `verdictsUse` says which the verdicts read.
 */
export function fig6WindowAndRandomSummary(data: Fig6Data): object {
  const at = [0, 1, 2, 5, 10, 20, 50, 100, 200, 300, 400, 500].filter((m) => m <= data.generations);
  return {
    parameters: { s: 600, support: 52, S0: 0.1, n: data.n, generations: data.generations, seed: data.seed, figureSeed: data.figureSeed },
    caption: FIG6_CAPTION,
    verdictsUse: FIG6_VERDICTS_USE,
    generationsListed: at,
    columns: data.columns.map((c) => ({
      label: c.label,
      setting: c.setting,
      K: c.K,
      realData: c.realData,
      runs: c.runs,
      meanSigma: summaryNumbers(at.map((m) => c.meanSigma[m])),
      meanL1ToP1: summaryNumbers(at.map((m) => (m === 0 ? 0 : c.meanL1[m - 1]))),
      T: { definition: "first m >= 1 with ||p^(m)||_inf = 1", ...timeSummary(c.T, timeBins(c, data.generations), ["collapsed", "notCollapsed"]) },
      absorption: {
        definition: "first m after which every model the schedule can still draw from is one Dirac mass",
        ...(neverAbsorbed(c) === null ? {} : { note: neverAbsorbed(c) }),
        ...timeSummary(c.absorption, timeBins(c, data.generations), ["absorbed", "notAbsorbed"]),
      },
    })),
  };
}

/** Figure 6 computed and rendered; `extended`: means and histograms over 1000 runs (100 drawn). */
export async function fig6WindowAndRandom(options: { seed: number; extended: boolean }): Promise<FigureOutput> {
  const data = fig6WindowAndRandomData({ seed: options.seed, runs: options.extended ? 1000 : 100 });
  return renderFigure(FIG6_ID, TITLE, fig6WindowAndRandomSpec(data), fig6WindowAndRandomSummary(data));
}
