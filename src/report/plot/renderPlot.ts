/**
 * PlotSpec -> SVG (vega-lite 6 compiled to vega, rendered headless) -> PNG (resvg). Same input,
 * byte-identical SVG and PNG.
 */
import { Resvg } from "@resvg/resvg-js";
import * as vega from "vega";
import * as vl from "vega-lite";
import { PLOT_FONT } from "./style.ts";
import { toVegaLite } from "./toVegaLite.ts";
import type { PlotSpec } from "./types.ts";

/** A rendered figure; `warnings` are what vega-lite and vega reported while compiling and running. */
export interface RenderedPlot {
  svg: string;
  png: Uint8Array;
  warnings: string[];
}

function collectingLogger(warnings: string[]): vega.LoggerInterface {
  let level = vega.Warn;
  const logger: vega.LoggerInterface = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: unknown[]) {
      throw new Error(args.map(String).join(" "));
    },
    warn(...args: unknown[]) {
      warnings.push(args.map(String).join(" "));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}

/**
 * Renumbers vega's clip and gradient ids (global counters in vega-scenegraph) in order of first
 * appearance, so an SVG does not depend on how many plots were rendered before it.
 * @example normalizeSvgIds('<clipPath id="clip7"/><g clip-path="url(#clip7)"/>'); // => '<clipPath id="clip1"/><g clip-path="url(#clip1)"/>'
 */
export function normalizeSvgIds(svg: string): string {
  const names = new Map<string, string>();
  const counters: Record<string, number> = { clip: 0, gradient_: 0 };
  return svg.replace(/(id="|#)(clip|gradient_)(\d+)\b/g, (_m, lead: string, kind: string, num: string) => {
    const key = kind + num;
    let name = names.get(key);
    if (name === undefined) {
      counters[kind] += 1;
      name = kind + String(kind === "clip" ? counters[kind] : counters[kind] - 1);
      names.set(key, name);
    }
    return lead + name;
  });
}

/** The vega-lite spec of `spec` as an SVG string (vega's headless SVG renderer, no canvas). */
export async function renderSvg(spec: PlotSpec, warnings: string[] = []): Promise<string> {
  const logger = collectingLogger(warnings);
  const compiled = vl.compile(toVegaLite(spec), { logger });
  const view = new vega.View(vega.parse(compiled.spec), { renderer: "none", logger });
  try {
    return normalizeSvgIds(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/**
 * An SVG string rasterised to PNG bytes with resvg: system fonts loaded, DejaVu Sans as the
 * default and sans-serif family, `scale` pixels per SVG unit.
 * @example svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>').subarray(1, 4); // => bytes of "PNG"
 */
export function svgToPng(svg: string, scale = 2): Uint8Array {
  if (!(Number.isFinite(scale) && scale > 0 && scale <= 8)) throw new RangeError(`scale must lie in (0, 8], got ${scale}`);
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: PLOT_FONT, sansSerifFamily: PLOT_FONT },
    shapeRendering: 2,
    textRendering: 1,
  });
  const png = resvg.render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

/** Figures narrower than this many SVG pixels get a 2x PNG, wider ones 1x (PNGs about 1200-2400 px wide). */
export const PNG_DOUBLE_BELOW_WIDTH = 1200;

/**
 * The default PNG scale of an SVG: 2 when its width is below PNG_DOUBLE_BELOW_WIDTH, else 1. (At 1x
 * the faint lines, under one pixel wide, take resvg's fast hairline path; 2x costs about 3x the time,
 * and a fractional scale about as much as 2x.)
 * @example defaultPngScale('<svg width="620" height="300">'); // => 2
 */
export function defaultPngScale(svg: string): number {
  const width = Number(svg.match(/<svg[^>]*?\swidth="([\d.]+)"/)?.[1]);
  return Number.isFinite(width) && width >= PNG_DOUBLE_BELOW_WIDTH ? 1 : 2;
}

/**
 * Renders a PlotSpec to SVG and PNG (at `spec.pngScale`, default `defaultPngScale`). Deterministic:
 * the SVG's ids are renumbered and resvg writes no timestamp, so equal specs give equal bytes (the
 * PNG's bytes also depend on the fonts installed and the resvg version).
 * @example const { svg, png } = await renderPlot(spec); // svg contains spec.title; png starts with 0x89 "PNG"
 */
export async function renderPlot(spec: PlotSpec): Promise<RenderedPlot> {
  const warnings: string[] = [];
  const svg = await renderSvg(spec, warnings);
  return { svg, png: svgToPng(svg, spec.pngScale ?? defaultPngScale(svg)), warnings };
}
