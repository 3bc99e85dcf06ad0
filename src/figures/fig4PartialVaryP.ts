/**
 * Figure 4: Partially Synthetic training with n = 10 synthetic and N = 100 real samples from
 * initial distributions of increasing S0 = ||p||_2^2: the deviation ||p^(m) - p^(1)||_1 falls
 * as S0 grows (Theorem 4, Eq (19)), while sigma_m rises with S0.
 */
import { targetS0 } from "../init/index.ts";
import type { PlotPanel, PlotSpec } from "../report/index.ts";
import { deriveSeed } from "../rng/index.ts";
import { partiallySyntheticSm } from "../theory/index.ts";
import { checkIntegerAtLeast, checkProbability } from "../validate.ts";
import { distributionPanel } from "./distributionPanel.ts";
import { partialColumnPanels, sharedDomain } from "./fig3PartialVaryN.ts";
import { renderFigure } from "./renderFigure.ts";
import { runStudy, type RunStudy } from "./runStudy.ts";
import { summaryNumber, summaryNumbers } from "./summaryNumber.ts";
import type { FigureOutput } from "./types.ts";

/** Id and file stem of Figure 4. */
export const FIG4_ID = "fig4-partial-vary-p";
const TITLE = "Figure 4: Partially Synthetic, n = 10, N = 100, initial distributions of increasing S0";

/** Budget of Figure 4. */
export interface Fig4Options {
  seed: number;
  /** Target S0 of each p (Zipf law on the support with ||p||_2^2 = S0, see targetS0), default 0.05, 0.1, 0.3, 0.6. */
  S0s?: number[];
  /** Support size s~ of every p (default 52) out of s = 600 tokens. */
  support?: number;
  n?: number;
  N?: number;
  generations?: number;
  runs?: number;
  drawn?: number;
}

/** One column: p and its runs, with Eq (9). */
export interface Fig4Column extends RunStudy {
  S0: number;
  p: number[];
  Sm: number[];
}

/** Everything Figure 4 plots (plain data). */
export interface Fig4Data {
  seed: number;
  figureSeed: number;
  n: number;
  N: number;
  support: number;
  generations: number;
  columns: Fig4Column[];
}

/**
 * The data of Figure 4: for each S0, p = targetS0(600, support, S0) and `runs` Partially
 * Synthetic runs on seed deriveSeed(deriveSeed(seed, "fig4-partial-vary-p"), "S0=<S0>").
 * Source: Figure 4, Theorem 2 Eq (9), Theorem 4 Eq (19).
 * @example fig4PartialVaryPData({ seed: 1, S0s: [0.1], runs: 5, generations: 8 }).columns[0].meanL1.length; // => 8
 */
export function fig4PartialVaryPData(options: Fig4Options): Fig4Data {
  const seed = options.seed;
  const figureSeed = deriveSeed(seed, FIG4_ID);
  const S0s = options.S0s ?? [0.05, 0.1, 0.3, 0.6];
  if (!Array.isArray(S0s) || S0s.length === 0) throw new RangeError("S0s must be a non-empty array");
  S0s.forEach((v, i) => checkProbability(v, `S0s[${i}]`));
  const support = checkIntegerAtLeast(options.support ?? 52, "support", 2);
  const n = checkIntegerAtLeast(options.n ?? 10, "n", 1);
  const N = checkIntegerAtLeast(options.N ?? 100, "N", 1);
  const generations = checkIntegerAtLeast(options.generations ?? 50, "generations", 2);
  const runs = checkIntegerAtLeast(options.runs ?? 100, "runs", 1);
  const drawn = Math.min(runs, checkIntegerAtLeast(options.drawn ?? 100, "drawn", 0));
  const columns = S0s.map((target): Fig4Column => {
    const p0 = targetS0(600, support, target);
    const S0 = p0.reduce((a, v) => a + v * v, 0);
    return {
      S0,
      p: Array.from(p0),
      ...runStudy(deriveSeed(figureSeed, `S0=${target}`), { setting: "partially-synthetic", p0, n, N, generations }, runs, drawn),
      Sm: Array.from({ length: generations + 1 }, (_, m) => partiallySyntheticSm({ N, n, S0, m })),
    };
  });
  return { seed, figureSeed, n, N, support, generations, columns };
}

/**
 * The PlotSpec of Figure 4: one column per p; rows p (log y), sigma_m (own scale per column) and
 * ||p^(m) - p^(1)||_1 (one scale for all columns, so the fall with S0 shows).
 * @example fig4PartialVaryPSpec(fig4PartialVaryPData({ seed: 1, S0s: [0.1, 0.3], runs: 5, generations: 8 })).panels.length; // => 6
 */
export function fig4PartialVaryPSpec(data: Fig4Data): PlotSpec {
  const l1Domain = sharedDomain(data.columns.flatMap((c) => [...c.l1Runs, c.meanL1]), true);
  const pMin = Math.min(...data.columns.map((c) => Math.min(...c.p.filter((v) => v > 0))));
  const pDomain: [number, number] = [10 ** Math.floor(Math.log10(pMin)), 1];
  const xMax = Math.min(600, Math.ceil((data.support * 1.15) / 10) * 10);
  const panels: PlotPanel[] = data.columns.map((c) =>
    distributionPanel({
      title: `p, S0 = ${summaryNumber(c.S0, 3)} (first ${xMax} tokens)`,
      p: c.p,
      label: "p = p^(0)",
      width: 250,
      height: 120,
      yDomain: pDomain,
      xMax,
    }),
  );
  const pairs = data.columns.map((c) => partialColumnPanels(`S0 = ${summaryNumber(c.S0, 3)}`, c, sharedDomain([...c.sigmaRuns, c.meanSigma, c.Sm]), l1Domain));
  const runs = data.columns[0].runs;
  return {
    title: TITLE,
    parameters: { setting: "partially-synthetic", s: 600, support: data.support, S0: data.columns.map((c) => summaryNumber(c.S0, 3)), n: data.n, N: data.N, generations: data.generations, runs },
    seed: data.seed,
    note: `Thin lines: ${data.columns[0].sigmaRuns.length} runs; bold: mean over ${runs} runs. Rows: p (Zipf law on the support with the given S0), σ_m with S_m by Eq (9), drift from p^(1) (common scale).`,
    panels: [...panels, ...pairs.map((p) => p[0]), ...pairs.map((p) => p[1])],
    columns: data.columns.length,
  };
}

/** The plotted numbers of Figure 4: per p, its S0, the mean curves, Eq (9) and the final mean drift. */
export function fig4PartialVaryPSummary(data: Fig4Data): object {
  return {
    parameters: { setting: "partially-synthetic", s: 600, support: data.support, n: data.n, N: data.N, generations: data.generations, seed: data.seed, figureSeed: data.figureSeed },
    columns: data.columns.map((c) => ({
      S0: summaryNumber(c.S0),
      runs: c.runs,
      meanL1ToP1Last10: summaryNumber(c.meanL1.slice(-10).reduce((a, b) => a + b, 0) / Math.min(10, c.meanL1.length)),
      meanSigma: summaryNumbers(c.meanSigma),
      SmEq9: summaryNumbers(c.Sm),
      meanL1ToP1FromM1: summaryNumbers(c.meanL1),
    })),
  };
}

/** Figure 4 computed and rendered; `extended`: means over 1000 runs (100 drawn). */
export async function fig4PartialVaryP(options: { seed: number; extended: boolean }): Promise<FigureOutput> {
  const data = fig4PartialVaryPData({ seed: options.seed, runs: options.extended ? 1000 : 100 });
  return renderFigure(FIG4_ID, TITLE, fig4PartialVaryPSpec(data), fig4PartialVaryPSummary(data));
}
