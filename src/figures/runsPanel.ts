/** A panel of a per-generation quantity over many runs: one thin line per run, their mean in bold, and a closed form dashed (Figures 3, 4, 6). */
import type { PlotLayer, PlotPanel } from "../report/index.ts";

/** Options of `runsPanel`; series are indexed by generation m = firstM, firstM + 1, ... */
export interface RunsPanelOptions {
  title?: string;
  yLabel: string;
  /** One series per run drawn (thin amber lines). */
  runs: ReadonlyArray<ArrayLike<number>>;
  /** The mean over all runs (bold red). */
  mean: ArrayLike<number>;
  /** A closed form for the mean (dashed blue), e.g. Eq (9). */
  theory?: ArrayLike<number>;
  runsLabel?: string;
  meanLabel?: string;
  theoryLabel?: string;
  /** Generation of index 0 (default 0). */
  firstM?: number;
  yDomain?: [number, number];
  /** Default [firstM, last generation]. */
  xDomain?: [number, number];
  width?: number;
  height?: number;
  /** Points budget of the thin lines (default 6000). */
  maxPoints?: number;
}

function generations(length: number, first: number): number[] {
  return Array.from({ length }, (_, i) => first + i);
}

/**
 * The panel: runs as "lines", mean as "line", theory as "dashed", x = generation m.
 * Source: Figures 3, 4 and 6 (yellow runs, red mean, blue dashed Eq (9)).
 * @example runsPanel({ yLabel: "sigma_m", runs: [[0.1, 0.2]], mean: [0.1, 0.2] }).layers.length; // => 2
 */
export function runsPanel(o: RunsPanelOptions): PlotPanel {
  const first = o.firstM ?? 0;
  const layers: PlotLayer[] = [
    {
      kind: "lines",
      series: o.runs.map((y) => ({ x: generations(y.length, first), y })),
      label: o.runsLabel ?? "one run",
      maxPoints: o.maxPoints ?? 6000,
    },
    { kind: "line", x: generations(o.mean.length, first), y: o.mean, label: o.meanLabel ?? "mean over runs" },
  ];
  if (o.theory !== undefined) {
    layers.push({ kind: "dashed", x: generations(o.theory.length, first), y: o.theory, label: o.theoryLabel ?? "closed form" });
  }
  return {
    title: o.title,
    width: o.width ?? 250,
    height: o.height ?? 170,
    x: { label: "generation m", domain: o.xDomain ?? [first, first + Math.max(1, o.mean.length - 1)] },
    y: { label: o.yLabel, domain: o.yDomain },
    layers,
  };
}
