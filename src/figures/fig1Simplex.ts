/**
 * Figure 1: Fully Synthetic trajectories of c = 81 conditional distributions on the 2-simplex
 * (s = 3), shown at generations m = 0, 10, 20, 30, 40. Two readings of the caption's "n = 1000":
 * n per context (the brief's and the caption's literal reading) and 1000 samples shared by the
 * 81 contexts (about 12 each), which is what makes the points reach the vertices by m = 40.
 */
import { dirichlet } from "../init/index.ts";
import { simulateRun } from "../loops/index.ts";
import { simplexPanel, type PlotPanel, type PlotSpec } from "../report/index.ts";
import { deriveSeed, rngStreams } from "../rng/index.ts";
import { checkIntegerAtLeast } from "../validate.ts";
import { renderFigure } from "./renderFigure.ts";
import { summaryNumber } from "./summaryNumber.ts";
import type { FigureOutput } from "./types.ts";

/** Id and file stem of Figure 1. */
export const FIG1_ID = "fig1-simplex";
const TITLE = "Figure 1: Fully Synthetic trajectories on the 2-simplex";

/** Budget of Figure 1. */
export interface Fig1Options {
  seed: number;
  /** Samples per context per generation, one row of panels each (default [1000, 12]). */
  ns?: number[];
  /** Number of contexts c (default 81 = 3^4). */
  contexts?: number;
  /** Generations shown (default [0, 10, 20, 30, 40]); the chains run to the last. */
  snapshots?: number[];
}

/** One row of Figure 1: every context's path p^(0), ..., p^(M) for one n. */
export interface Fig1Row {
  n: number;
  /** trajectories[j][m] = p_j^(m), a point of the 2-simplex. */
  trajectories: number[][][];
  /** Contexts at a vertex (||p^(m)||_inf = 1), per snapshot. */
  atVertex: number[];
  /** Mean sigma_m = ||p^(m)||_2^2 over contexts, per snapshot. */
  meanSigma: number[];
}

/** Everything Figure 1 plots (plain data). */
export interface Fig1Data {
  seed: number;
  figureSeed: number;
  s: 3;
  contexts: number;
  snapshots: number[];
  /** p_j^(0) ~ Dirichlet(1, 1, 1), shared by all rows. */
  p0: number[][];
  rows: Fig1Row[];
}

function checkSnapshots(snapshots: number[]): number[] {
  if (!Array.isArray(snapshots) || snapshots.length === 0) throw new RangeError("snapshots must be a non-empty array of generations");
  snapshots.forEach((m, i) => {
    checkIntegerAtLeast(m, `snapshots[${i}]`, 0);
    if (i > 0 && m <= snapshots[i - 1]) throw new RangeError("snapshots must increase");
  });
  return snapshots;
}

/**
 * The data of Figure 1: c contexts with p_j^(0) ~ Dirichlet(1) on 3 tokens (stream 0 of
 * deriveSeed(seed, "fig1-simplex")), each run Fully Synthetic, p^(m) | p^(m-1) ~ Mult(n, p^(m-1))/n
 * (context j of row k on stream 1 + k c + j). Source: Sect. 2.2, Figure 1.
 * @example fig1SimplexData({ seed: 1, contexts: 5 }).rows[0].trajectories[0].length; // => 41
 */
export function fig1SimplexData(options: Fig1Options): Fig1Data {
  const seed = options.seed;
  const figureSeed = deriveSeed(seed, FIG1_ID);
  const contexts = checkIntegerAtLeast(options.contexts ?? 81, "contexts", 1);
  const snapshots = checkSnapshots(options.snapshots ?? [0, 10, 20, 30, 40]);
  const ns = options.ns ?? [1000, 12];
  ns.forEach((n, i) => checkIntegerAtLeast(n, `ns[${i}]`, 1));
  const generations = snapshots[snapshots.length - 1];
  const streams = rngStreams(figureSeed, 1 + ns.length * contexts);
  const p0 = Array.from({ length: contexts }, () => Array.from(dirichlet(streams[0], 3, 1)));
  const rows = ns.map((n, k): Fig1Row => {
    const trajectories = p0.map((p, j) => {
      const path: number[][] = [p];
      if (generations > 0) {
        simulateRun(streams[1 + k * contexts + j], { setting: "fully-synthetic", p0: p, n, generations }, (_m, model) => {
          const q = [0, 0, 0];
          for (let e = 0; e < model.k; e++) q[model.ids[e]] = model.counts[e] / model.total;
          path.push(q);
        });
      }
      return path;
    });
    return {
      n,
      trajectories,
      atVertex: snapshots.map((m) => trajectories.filter((t) => Math.max(...t[m]) === 1).length),
      meanSigma: snapshots.map((m) => trajectories.reduce((a, t) => a + t[m].reduce((b, v) => b + v * v, 0), 0) / contexts),
    };
  });
  return { seed, figureSeed, s: 3, contexts, snapshots, p0, rows };
}

/**
 * The PlotSpec of Figure 1: one row per n, one simplex per snapshot m with the paths up to m
 * (faint) and the c points p_j^(m).
 * @example fig1SimplexSpec(fig1SimplexData({ seed: 1, contexts: 5 })).panels.length; // => 10
 */
export function fig1SimplexSpec(data: Fig1Data): PlotSpec {
  const panels: PlotPanel[] = [];
  for (const row of data.rows) {
    data.snapshots.forEach((m, i) => {
      panels.push(
        simplexPanel({
          title: `n = ${row.n}, m = ${m}: ${row.atVertex[i]} at vertex`,
          points: row.trajectories.map((t) => t[m]),
          trajectories: m > 0 ? row.trajectories.map((t) => t.slice(0, m + 1)) : undefined,
          pointLabel: "p_j^(m), one per context",
          trajectoryLabel: m > 0 ? "path p_j^(0..m)" : undefined,
          size: 230,
        }),
      );
    });
  }
  return {
    title: TITLE,
    parameters: { s: 3, c: data.contexts, n: data.rows.map((r) => r.n), "p^(0)": "Dirichlet(1,1,1)" },
    seed: data.seed,
    note:
      data.rows.map((r) => r.n).join() === "1000,12"
        ? "Rows: n samples per context and generation: n = 1000 (the caption read per context), n = 12 (1000 samples shared by 81 contexts)."
        : "Rows: n samples per context and generation.",
    panels,
    columns: data.snapshots.length,
  };
}

/** The plotted numbers of Figure 1: per row and snapshot, contexts at a vertex and mean sigma_m. */
export function fig1SimplexSummary(data: Fig1Data): object {
  return {
    parameters: { s: 3, contexts: data.contexts, snapshots: data.snapshots, seed: data.seed, figureSeed: data.figureSeed },
    rows: data.rows.map((r) => ({ n: r.n, atVertex: r.atVertex, meanSigma: r.meanSigma.map((v) => summaryNumber(v)) })),
  };
}

/** Figure 1 computed and rendered (the budget is the same with or without `extended`). */
export async function fig1Simplex(options: { seed: number; extended: boolean }): Promise<FigureOutput> {
  const data = fig1SimplexData({ seed: options.seed });
  return renderFigure(FIG1_ID, TITLE, fig1SimplexSpec(data), fig1SimplexSummary(data));
}
