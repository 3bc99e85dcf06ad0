/**
 * PlotSpec -> vega-lite 6 spec (plain data). Panels become a `concat` grid sharing one colour
 * legend; every layer carries its own inline rows (see layerSpec.ts).
 */
import type { TopLevelSpec } from "vega-lite";
import { formatParameters } from "../formatParameters.ts";
import { checkFinite, checkIntegerAtLeast } from "../../validate.ts";
import { defaultColor, layerSpec, type Legend } from "./layerSpec.ts";
import { DASH, PLOT_FONT } from "./style.ts";
import type { PlotAxis, PlotPanel, PlotSpec } from "./types.ts";

const SUBTITLE_CHARS = 110;

type Obj = Record<string, unknown>;

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
      axisY: { labelFlush: true },
      legend: legendOrient === false ? { disable: true } : { orient: legendOrient, direction: legendOrient === "right" ? "vertical" : "horizontal", symbolType: "stroke", symbolStrokeWidth: 2.5, symbolOpacity: 1, labelFontSize: 11, labelLimit: 400 },
    },
  };
  return out as unknown as TopLevelSpec;
}
