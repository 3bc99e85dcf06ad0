/**
 * PlotSpec -> vega-lite 6 spec (plain data). Panels become a `concat` grid sharing one colour
 * legend; every layer carries its own inline rows, already thinned, binned and filtered.
 */
import type { TopLevelSpec } from "vega-lite";
import { formatParameters } from "../formatParameters.ts";
import { checkFinite, checkIntegerAtLeast } from "../../validate.ts";
import { binCounts } from "./binCounts.ts";
import { thinIndices } from "./thinIndices.ts";
import type { LayerStyle, Numbers, PlotAxis, PlotLayer, PlotPanel, PlotSpec } from "./types.ts";

/** The font every text of a plot uses (installed here; resvg is pointed at it). */
export const PLOT_FONT = "DejaVu Sans";

/** Default colours by layer kind: faint runs in amber, their mean in red, bounds in blue. */
export const PLOT_COLORS = {
  lines: "#e8a817",
  line: "#d62728",
  dashed: "#1f5fbf",
  points: "#222222",
  band: "#1f5fbf",
  histogram: "#8a8a8a",
  rule: "#d62728",
  text: "#333333",
} as const;

const MAX_POINTS_PER_LINE = 2000;
const DEFAULT_LINES_BUDGET = 4000;
const MIN_POINTS_PER_LINE = 20;
const SUBTITLE_CHARS = 110;
/** A stroked "x" in the unit square: the paper's crosses. */
const X_SHAPE = "M-1,-1L1,1M-1,1L1,-1";
const DASH = [6, 4];

type Row = Record<string, number | string | null>;
type Obj = Record<string, unknown>;

function numbers(v: Numbers | undefined, name: string): Numbers {
  if (v === undefined || v === null || typeof (v as Numbers).length !== "number" || typeof v === "string") {
    throw new TypeError(`${name} must be an array of numbers`);
  }
  return v;
}

function sameLength(a: Numbers, b: Numbers, nameB: string, nameA: string): void {
  if (a.length !== b.length) throw new RangeError(`${nameB} must have the length of ${nameA} (${a.length}), got ${b.length}`);
}

function indexArray(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Keeps a value only if it is finite and, on a log axis, positive. */
function plottable(v: number, axis: PlotAxis): boolean {
  return Number.isFinite(v) && (axis.scale !== "log" || v > 0);
}

function wrapSubtitle(text: string): string[] {
  const lines: string[] = [];
  let current = "";
  for (const part of text.split(", ")) {
    const next = current === "" ? part : `${current}, ${part}`;
    if (next.length > SUBTITLE_CHARS && current !== "") {
      lines.push(current + ",");
      current = part;
    } else {
      current = next;
    }
  }
  if (current !== "") lines.push(current);
  return lines;
}

/** Subtitle lines: the parameters, the seed, then the note. */
export function plotSubtitle(spec: Pick<PlotSpec, "parameters" | "seed" | "note">): string[] {
  const params = formatParameters(spec.parameters);
  const lines = wrapSubtitle(params === "" ? `seed = ${spec.seed}` : `${params}, seed = ${spec.seed}`);
  if (spec.note) lines.push(spec.note);
  return lines;
}

function defaultColor(layer: PlotLayer): string {
  return layer.color ?? PLOT_COLORS[layer.kind];
}

/** Legend entries (label -> colour) in order of first appearance; the first colour given wins. */
function legendEntries(panels: readonly PlotPanel[]): Legend {
  const domain: string[] = [];
  const range: string[] = [];
  const dashes: number[][] = [];
  for (const panel of panels) {
    for (const layer of panel.layers) {
      if (layer.label !== undefined && !domain.includes(layer.label)) {
        domain.push(layer.label);
        range.push(defaultColor(layer));
        dashes.push(layer.kind === "dashed" || (layer.kind === "rule" && layer.dashed) ? [...DASH] : [1, 0]);
      }
    }
  }
  return { domain, range, dashes };
}

function axisEncoding(axis: PlotAxis, field: string, zeroDefault: boolean): Obj {
  const scale: Obj = { type: axis.scale ?? "linear" };
  if (axis.domain) scale.domain = [...axis.domain];
  if (axis.scale !== "log") scale.zero = axis.zero ?? zeroDefault;
  if (axis.domain) scale.nice = false;
  return {
    field,
    type: "quantitative",
    title: axis.label,
    scale,
    axis: axis.hidden ? null : { title: axis.label, grid: true },
  };
}

interface Legend {
  domain: string[];
  range: string[];
  dashes: number[][];
}

interface Ctx {
  panel: PlotPanel;
  legend: Legend;
  where: string;
  zeroY: boolean;
}

function colorEncoding(layer: LayerStyle, ctx: Ctx): Obj | undefined {
  if (layer.label === undefined) return undefined;
  return { datum: layer.label, type: "nominal", title: null, scale: { domain: ctx.legend.domain, range: ctx.legend.range } };
}

function withColor(encoding: Obj, mark: Obj, layer: PlotLayer, ctx: Ctx): void {
  const enc = colorEncoding(layer, ctx);
  if (enc) encoding.color = enc;
  else mark.color = defaultColor(layer);
  if (enc && (mark.type === "line" || mark.type === "rule") && ctx.legend.dashes.some((d) => d[1] !== 0)) {
    encoding.strokeDash = { datum: layer.label, type: "nominal", title: null, scale: { domain: ctx.legend.domain, range: ctx.legend.dashes } };
  }
}

function thinnedRows(x: Numbers, y: Numbers, maxPoints: number, ctx: Ctx): Row[] {
  const keep: number[] = [];
  for (let i = 0; i < y.length; i++) if (plottable(x[i], ctx.panel.x) && plottable(y[i], ctx.panel.y)) keep.push(i);
  const xs = keep.map((i) => x[i]);
  const ys = keep.map((i) => y[i]);
  return thinIndices(xs, ys, Math.max(3, maxPoints)).map((j, order) => ({ i: order, x: xs[j], y: ys[j] }));
}

function xyEncoding(ctx: Ctx): Obj {
  return { x: axisEncoding(ctx.panel.x, "x", false), y: axisEncoding(ctx.panel.y, "y", ctx.zeroY) };
}

function clipMark(mark: Obj, ctx: Ctx): Obj {
  if (ctx.panel.x.domain || ctx.panel.y.domain) mark.clip = true;
  return mark;
}

function linesLayer(layer: Extract<PlotLayer, { kind: "lines" }>, ctx: Ctx): Obj {
  if (!Array.isArray(layer.series)) throw new TypeError(`${ctx.where}.series must be an array of { x?, y }`);
  const budget = checkIntegerAtLeast(layer.maxPoints ?? DEFAULT_LINES_BUDGET, `${ctx.where}.maxPoints`, 3);
  const perLine = Math.min(MAX_POINTS_PER_LINE, Math.max(MIN_POINTS_PER_LINE, Math.floor(budget / Math.max(1, layer.series.length))));
  const rows: Row[] = [];
  layer.series.forEach((s, run) => {
    const y = numbers(s?.y, `${ctx.where}.series[${run}].y`);
    const x = s.x === undefined ? indexArray(y.length) : numbers(s.x, `${ctx.where}.series[${run}].x`);
    sameLength(x, y, `${ctx.where}.series[${run}].y`, "x");
    const part = thinnedRows(x, y, perLine, ctx);
    if (part.length === 0) return;
    if (rows.length > 0) rows.push({ x: part[0].x, y: null });
    rows.push(...part);
  });
  rows.forEach((row, i) => (row.i = i));
  const mark = clipMark({ type: "line", strokeWidth: layer.strokeWidth ?? 0.7, strokeOpacity: layer.opacity ?? 0.55, invalid: "break-paths-filter-domains" }, ctx);
  const encoding: Obj = { ...xyEncoding(ctx), order: { field: "i", type: "quantitative" } };
  withColor(encoding, mark, layer, ctx);
  return { data: { values: rows }, mark, encoding };
}

function lineLayer(layer: Extract<PlotLayer, { kind: "line" | "dashed" }>, ctx: Ctx): Obj {
  const y = numbers(layer.y, `${ctx.where}.y`);
  const x = layer.x === undefined ? indexArray(y.length) : numbers(layer.x, `${ctx.where}.x`);
  sameLength(x, y, `${ctx.where}.y`, "x");
  const maxPoints = checkIntegerAtLeast(layer.maxPoints ?? MAX_POINTS_PER_LINE, `${ctx.where}.maxPoints`, 3);
  const dashed = layer.kind === "dashed";
  const mark = clipMark({ type: "line", strokeWidth: layer.strokeWidth ?? (dashed ? 1.8 : 2.2) }, ctx);
  if (dashed) mark.strokeDash = [...DASH];
  const encoding: Obj = { ...xyEncoding(ctx), order: { field: "i", type: "quantitative" } };
  withColor(encoding, mark, layer, ctx);
  return { data: { values: thinnedRows(x, y, maxPoints, ctx) }, mark, encoding };
}

function pointsLayer(layer: Extract<PlotLayer, { kind: "points" }>, ctx: Ctx): Obj {
  const x = numbers(layer.x, `${ctx.where}.x`);
  const y = numbers(layer.y, `${ctx.where}.y`);
  sameLength(x, y, `${ctx.where}.y`, "x");
  const rows: Row[] = [];
  for (let i = 0; i < x.length; i++) {
    if (plottable(x[i], ctx.panel.x) && plottable(y[i], ctx.panel.y)) rows.push({ x: x[i], y: y[i] });
  }
  const shape = layer.shape ?? "cross";
  const mark: Obj = clipMark({ type: "point", size: layer.size ?? 60 }, ctx);
  if (shape === "cross") Object.assign(mark, { shape: X_SHAPE, filled: false, strokeWidth: 1.6 });
  else Object.assign(mark, { shape, filled: true, fillOpacity: layer.opacity ?? 0.8, strokeWidth: 0 });
  const encoding: Obj = xyEncoding(ctx);
  withColor(encoding, mark, layer, ctx);
  return { data: { values: rows }, mark, encoding };
}

function bandLayer(layer: Extract<PlotLayer, { kind: "band" }>, ctx: Ctx): Obj {
  const x = numbers(layer.x, `${ctx.where}.x`);
  const lower = numbers(layer.lower, `${ctx.where}.lower`);
  const upper = numbers(layer.upper, `${ctx.where}.upper`);
  sameLength(x, lower, `${ctx.where}.lower`, "x");
  sameLength(x, upper, `${ctx.where}.upper`, "x");
  const rows: Row[] = [];
  for (let i = 0; i < x.length; i++) {
    if (plottable(x[i], ctx.panel.x) && plottable(lower[i], ctx.panel.y) && plottable(upper[i], ctx.panel.y)) {
      rows.push({ x: x[i], lo: lower[i], hi: upper[i] });
    }
  }
  const mark = clipMark({ type: "area", fillOpacity: layer.opacity ?? 0.18 }, ctx);
  const encoding: Obj = {
    x: axisEncoding(ctx.panel.x, "x", false),
    y: axisEncoding(ctx.panel.y, "lo", ctx.zeroY),
    y2: { field: "hi" },
  };
  withColor(encoding, mark, layer, ctx);
  return { data: { values: rows }, mark, encoding };
}

function histogramLayer(layer: Extract<PlotLayer, { kind: "histogram" }>, ctx: Ctx): Obj {
  const values = numbers(layer.values, `${ctx.where}.values`);
  const { edges, counts } = binCounts(values, { bins: layer.bins, binWidth: layer.binWidth, extent: layer.extent });
  const rows: Row[] = counts.map((c, j) => ({ x0: edges[j], x1: edges[j + 1], count: c }));
  const mark = clipMark({ type: "rect", fillOpacity: 0.85, stroke: "white", strokeWidth: 0.5 }, ctx);
  const encoding: Obj = {
    x: axisEncoding(ctx.panel.x, "x0", false),
    x2: { field: "x1" },
    y: axisEncoding(ctx.panel.y, "count", true),
    y2: { datum: 0 },
  };
  withColor(encoding, mark, layer, ctx);
  return { data: { values: rows }, mark, encoding };
}

function ruleLayer(layer: Extract<PlotLayer, { kind: "rule" }>, ctx: Ctx): Obj {
  if ((layer.x === undefined) === (layer.y === undefined)) throw new RangeError(`${ctx.where} must set exactly one of x and y`);
  const axis = layer.x !== undefined ? "x" : "y";
  const value = checkFinite(layer[axis], `${ctx.where}.${axis}`);
  const mark = clipMark({ type: "rule", strokeWidth: layer.strokeWidth ?? 1.8 }, ctx);
  if (layer.dashed) mark.strokeDash = [...DASH];
  const rows: Row[] = plottable(value, ctx.panel[axis]) ? [{ [axis]: value }] : [];
  const encoding: Obj = { [axis]: axisEncoding(ctx.panel[axis], axis, axis === "y" ? ctx.zeroY : false) };
  withColor(encoding, mark, layer, ctx);
  return { data: { values: rows }, mark, encoding };
}

function textLayer(layer: Extract<PlotLayer, { kind: "text" }>, ctx: Ctx): Obj {
  const x = numbers(layer.x, `${ctx.where}.x`);
  const y = numbers(layer.y, `${ctx.where}.y`);
  sameLength(x, y, `${ctx.where}.y`, "x");
  if (!Array.isArray(layer.text) || layer.text.length !== x.length) {
    throw new RangeError(`${ctx.where}.text must be an array of ${x.length} strings`);
  }
  const rows: Row[] = [];
  for (let i = 0; i < x.length; i++) {
    if (plottable(x[i], ctx.panel.x) && plottable(y[i], ctx.panel.y)) rows.push({ x: x[i], y: y[i], t: String(layer.text[i]) });
  }
  const mark: Obj = {
    type: "text",
    align: layer.align ?? "center",
    baseline: layer.baseline ?? "middle",
    dx: layer.dx ?? 0,
    dy: layer.dy ?? 0,
    fontSize: layer.fontSize ?? 11,
  };
  const encoding: Obj = { ...xyEncoding(ctx), text: { field: "t", type: "nominal" } };
  withColor(encoding, mark, layer, ctx);
  return { data: { values: rows }, mark, encoding };
}

function layerSpec(layer: PlotLayer, ctx: Ctx): Obj {
  const spec = layerSpecOf(layer, ctx);
  (spec.mark as Obj).aria = false;
  return spec;
}

function layerSpecOf(layer: PlotLayer, ctx: Ctx): Obj {
  if (layer === null || typeof layer !== "object") throw new TypeError(`${ctx.where} must be a layer object`);
  switch (layer.kind) {
    case "lines":
      return linesLayer(layer, ctx);
    case "line":
    case "dashed":
      return lineLayer(layer, ctx);
    case "points":
      return pointsLayer(layer, ctx);
    case "band":
      return bandLayer(layer, ctx);
    case "histogram":
      return histogramLayer(layer, ctx);
    case "rule":
      return ruleLayer(layer, ctx);
    case "text":
      return textLayer(layer, ctx);
    default:
      throw new RangeError(`${ctx.where}.kind must be one of lines, line, dashed, points, band, histogram, rule, text, got ${String((layer as { kind?: unknown }).kind)}`);
  }
}

function checkAxis(axis: PlotAxis, name: string): void {
  if (axis === null || typeof axis !== "object" || typeof axis.label !== "string") throw new TypeError(`${name} must be { label, scale?, domain? }`);
  if (axis.scale !== undefined && axis.scale !== "linear" && axis.scale !== "log") {
    throw new RangeError(`${name}.scale must be one of linear, log, got ${String(axis.scale)}`);
  }
  if (axis.domain !== undefined) {
    const [lo, hi] = axis.domain;
    if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) throw new RangeError(`${name}.domain must be [lo, hi] with lo < hi`);
    if (axis.scale === "log" && !(lo > 0)) throw new RangeError(`${name}.domain must be positive on a log axis`);
  }
}

function panelSpec(panel: PlotPanel, index: number, legend: Legend): Obj {
  const where = `panels[${index}]`;
  if (panel === null || typeof panel !== "object") throw new TypeError(`${where} must be a panel object`);
  checkAxis(panel.x, `${where}.x`);
  checkAxis(panel.y, `${where}.y`);
  if (!Array.isArray(panel.layers) || panel.layers.length === 0) throw new RangeError(`${where}.layers must be a non-empty array`);
  const zeroY = panel.layers.some((l) => l?.kind === "histogram");
  const layers = panel.layers.map((layer, j) => layerSpec(layer, { panel, legend, zeroY, where: `${where}.layers[${j}]` }));
  const spec: Obj = {
    width: checkIntegerAtLeast(panel.width ?? 360, `${where}.width`, 20),
    height: checkIntegerAtLeast(panel.height ?? 220, `${where}.height`, 20),
    layer: layers,
  };
  if (panel.title !== undefined) spec.title = { text: panel.title, fontSize: 12, fontWeight: "normal" };
  if (panel.x.hidden && panel.y.hidden) spec.view = { stroke: null };
  return spec;
}

/**
 * The vega-lite spec of a PlotSpec: title and subtitle (parameters, seed, note), a grid of panels,
 * one shared colour legend for labelled layers, font DejaVu Sans, white background.
 * @example toVegaLite({ title: "T", parameters: { n: 10 }, seed: 1, panels: [panel] }).title; // => { text: "T", subtitle: ["n = 10, seed = 1"], ... }
 */
export function toVegaLite(spec: PlotSpec): TopLevelSpec {
  if (spec === null || typeof spec !== "object") throw new TypeError("spec must be a PlotSpec object");
  if (typeof spec.title !== "string" || spec.title.trim() === "") throw new TypeError("title must be a non-empty string");
  if (spec.parameters === null || typeof spec.parameters !== "object") throw new TypeError("parameters must be an object of the plot's parameters");
  checkFinite(spec.seed, "seed");
  if (!Array.isArray(spec.panels) || spec.panels.length === 0) throw new RangeError("panels must be a non-empty array");
  const columns = checkIntegerAtLeast(spec.columns ?? Math.min(spec.panels.length, 4), "columns", 1);
  const legendOrient = spec.legend ?? "bottom";
  const legend = legendEntries(spec.panels);
  const panels = spec.panels.map((p, i) => panelSpec(p, i, legend));
  const out: Obj = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: spec.title, subtitle: plotSubtitle(spec), anchor: "middle", fontSize: 15, subtitleFontSize: 11, subtitleColor: "#444" },
    background: "white",
    padding: 10,
    columns,
    concat: panels,
    spacing: { row: 24, column: 28 },
    resolve: { scale: { color: "shared", strokeDash: "shared" }, legend: { color: "shared", strokeDash: "shared" } },
    config: {
      font: PLOT_FONT,
      aria: false,
      view: { stroke: "#bbbbbb" },
      axis: { labelFontSize: 10, titleFontSize: 11, titleFontWeight: "normal", gridColor: "#ececec" },
      legend: legendOrient === false ? { disable: true } : { orient: legendOrient, direction: legendOrient === "right" ? "vertical" : "horizontal", symbolType: "stroke", symbolStrokeWidth: 2.5, symbolOpacity: 1, labelFontSize: 11, labelLimit: 400 },
    },
  };
  return out as unknown as TopLevelSpec;
}
