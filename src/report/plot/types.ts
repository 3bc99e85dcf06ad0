/**
 * PlotSpec: a figure as plain data (title, parameters and seed, panels of layers). It draws
 * nothing; `toVegaLite` turns it into a vega-lite spec and `renderPlot` into SVG and PNG.
 */
import type { ParameterValue } from "../formatParameters.ts";

/** A numeric column: a plain array or a typed array. */
export type Numbers = ArrayLike<number>;

/** One axis of a panel. */
export interface PlotAxis {
  label: string;
  /** Default "linear"; on "log", points with a value <= 0 are left out. */
  scale?: "linear" | "log";
  /** Fixed domain; marks outside it are clipped. Default: fitted to the data. */
  domain?: [number, number];
  /** Include zero in a fitted linear domain (default false). */
  zero?: boolean;
  /** Draw no axis (ticks, labels, grid), e.g. on a simplex. */
  hidden?: boolean;
}

/** What every layer may set: a legend label (layers without one stay out of the legend) and a colour. */
export interface LayerStyle {
  label?: string;
  color?: string;
}

/**
 * Many thin faint lines, one per run (e.g. 100 trajectories of sigma_m), drawn as one broken path
 * (fast; overlaps do not darken), thinned to `maxPoints` in all.
 */
export interface LinesLayer extends LayerStyle {
  kind: "lines";
  /** One entry per run; `x` defaults to 0, 1, 2, ... */
  series: ReadonlyArray<{ x?: Numbers; y: Numbers }>;
  /** Stroke opacity of the whole set (default 0.7). */
  opacity?: number;
  /** Stroke width in pixels (default 0.45: under one device pixel at 2x, resvg's fast hairline path). */
  strokeWidth?: number;
  /** Budget of points over all series of the layer (default 4000); each series keeps 20 to 2000. */
  maxPoints?: number;
}

/** One line in drawing order (e.g. the mean over runs, bold); `dashed` for bounds and closed forms. */
export interface LineLayer extends LayerStyle {
  kind: "line" | "dashed";
  x?: Numbers;
  y: Numbers;
  /** Stroke width in pixels (default 2.2 for "line", 1.8 for "dashed"). */
  strokeWidth?: number;
  /** Points kept at most (default 2000). */
  maxPoints?: number;
}

/** Markers at (x, y), crosses by default (e.g. mean collapse time per n in Figure 2). */
export interface PointsLayer extends LayerStyle {
  kind: "points";
  x: Numbers;
  y: Numbers;
  shape?: "cross" | "circle" | "square" | "diamond" | "triangle-up";
  /** Marker area in square pixels (default 60). */
  size?: number;
  /** Fill opacity for filled shapes (default 0.8). */
  opacity?: number;
}

/** A shaded area between `lower` and `upper` over x (e.g. a confidence band or a pair of bounds). */
export interface BandLayer extends LayerStyle {
  kind: "band";
  x: Numbers;
  lower: Numbers;
  upper: Numbers;
  /** Fill opacity (default 0.18). */
  opacity?: number;
}

/** Counts of `values` in equal-width bins (e.g. the law of the collapse time T). */
export interface HistogramLayer extends LayerStyle {
  kind: "histogram";
  values: Numbers;
  /** Number of bins (default 30); ignored when `binWidth` is given. */
  bins?: number;
  binWidth?: number;
  /** Range binned (default: min and max of the values). */
  extent?: [number, number];
}

/** A vertical line at `x` or a horizontal one at `y` across the panel (e.g. a mean, a limit). */
export interface RuleLayer extends LayerStyle {
  kind: "rule";
  x?: number;
  y?: number;
  dashed?: boolean;
  strokeWidth?: number;
}

/** Text labels at (x, y), e.g. the vertices of a simplex. */
export interface TextLayer extends LayerStyle {
  kind: "text";
  x: Numbers;
  y: Numbers;
  text: readonly string[];
  align?: "left" | "center" | "right";
  baseline?: "top" | "middle" | "bottom";
  dx?: number;
  dy?: number;
  fontSize?: number;
}

export type PlotLayer = LinesLayer | LineLayer | PointsLayer | BandLayer | HistogramLayer | RuleLayer | TextLayer;

/** One panel: axes and layers drawn in order (first at the back). */
export interface PlotPanel {
  title?: string;
  /** Plot area in pixels (default 360 x 220). */
  width?: number;
  height?: number;
  x: PlotAxis;
  y: PlotAxis;
  layers: readonly PlotLayer[];
}

/**
 * A figure: one or more panels in a grid of `columns` (default: all in one row, at most 4), under a
 * title and a subtitle that always states the parameters and the seed.
 */
export interface PlotSpec {
  title: string;
  parameters: Readonly<Record<string, ParameterValue>>;
  seed: number;
  /** Extra subtitle line (e.g. "100 runs, mean in red"). */
  note?: string;
  panels: readonly PlotPanel[];
  columns?: number;
  /** Where the legend goes (default "bottom"); false: no legend. */
  legend?: "bottom" | "right" | "top" | false;
  /** Pixel density of the PNG relative to the SVG (default 2 below 1200 SVG pixels wide, else 1). */
  pngScale?: number;
}
