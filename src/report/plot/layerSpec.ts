/**
 * One PlotLayer -> one vega-lite layer with inline rows: lines thinned (LTTB), histograms binned,
 * non-finite values and, on log axes, values <= 0 left out; colours through the shared legend.
 */
import { checkFinite, checkIntegerAtLeast } from "../../validate.ts";
import { binCounts } from "./binCounts.ts";
import { DASH, PLOT_COLORS } from "./style.ts";
import { thinIndices } from "./thinIndices.ts";
import type { LayerStyle, Numbers, PlotAxis, PlotLayer, PlotPanel } from "./types.ts";

const MAX_POINTS_PER_LINE = 2000;
const DEFAULT_LINES_BUDGET = 4000;
const MIN_POINTS_PER_LINE = 20;
/** A stroked "x" in the unit square: the paper's crosses. */
const X_SHAPE = "M-1,-1L1,1M-1,1L1,-1";

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

/**
 * A layer's colour: its own, else the house colour of its kind.
 * @example defaultColor({ kind: "dashed", y: [1] }); // => "#1f5fbf"
 */
export function defaultColor(layer: PlotLayer): string {
  return layer.color ?? PLOT_COLORS[layer.kind];
}

/** The legend shared by all panels: labels, their colours and dash patterns, in the same order. */
export interface Legend {
  domain: string[];
  range: string[];
  dashes: number[][];
}

/** Where a layer is drawn: its panel, the legend, its path for messages, and whether y starts at zero. */
export interface Ctx {
  panel: PlotPanel;
  legend: Legend;
  where: string;
  zeroY: boolean;
}

/**
 * The vega-lite x or y encoding of an axis: quantitative, linear or log, fixed domain if given,
 * zero left out of fitted linear domains unless asked, no axis drawn when hidden.
 */
export function axisEncoding(axis: PlotAxis, field: string, zeroDefault: boolean): Obj {
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
  const mark = clipMark({ type: "line", strokeWidth: layer.strokeWidth ?? 0.45, strokeOpacity: layer.opacity ?? 0.7, invalid: "break-paths-filter-domains" }, ctx);
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
  const rows: Row[] = [];
  counts.forEach((c, j) => {
    if (plottable(edges[j], ctx.panel.x) && plottable(c, ctx.panel.y)) rows.push({ x0: edges[j], x1: edges[j + 1], count: c });
  });
  const mark = clipMark({ type: "rect", fillOpacity: 0.85, stroke: "white", strokeWidth: 0.5 }, ctx);
  const encoding: Obj = {
    x: axisEncoding(ctx.panel.x, "x0", false),
    x2: { field: "x1" },
    y: axisEncoding(ctx.panel.y, "count", true),
    y2: ctx.panel.y.scale === "log" ? { value: "height" } : { datum: 0 },
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

/** The vega-lite layer of one PlotLayer (marks carry no ARIA text, which is slow and unused here). */
export function layerSpec(layer: PlotLayer, ctx: Ctx): Obj {
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
