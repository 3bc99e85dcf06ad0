/**
 * Figure "tightness-maps": one heatmap per bound the registry checks (src/tightness), cells
 * coloured by score = min(measured/bound, the same read on the distance to the far end of the
 * range), vacuous cells grey with a red cross, the best informative cell marked. Exact and
 * deterministic (the seed is only printed). The JSON holds every cell and the best point per bound.
 */
import type { PlotLayer, PlotPanel, PlotSpec } from "../report/index.ts";
import { nonDegenerateBest } from "../tightness/nonDegenerateBest.ts";
import { tightnessMaps } from "../tightness/tightnessMaps.ts";
import type { TightnessAxis, TightnessCell, TightnessMap } from "../tightness/types.ts";
import { renderFigure } from "./renderFigure.ts";
import { summaryNumber } from "./summaryNumber.ts";
import type { FigureOutput } from "./types.ts";

/** Id and file stem of the figure. */
export const TIGHTNESS_MAPS_ID = "tightness-maps";
const TITLE = "Tightness maps: where each bound is tightest (exact values, no simulation)";
/** Cell side in pixels. */
const CELL = 26;

/** Score bins, best first: lower edge, legend label, colour. */
export const SCORE_BINS: ReadonlyArray<{ from: number; label: string; color: string }> = [
  { from: 0.9, label: "score ≥ 0.9", color: "#0c2c84" },
  { from: 0.5, label: "0.5 ≤ score < 0.9", color: "#225ea8" },
  { from: 0.2, label: "0.2 ≤ score < 0.5", color: "#41b6c4" },
  { from: 0.05, label: "0.05 ≤ score < 0.2", color: "#a1dab4" },
  { from: Number.NEGATIVE_INFINITY, label: "score < 0.05", color: "#edf8b1" },
];
const VACUOUS = { label: "vacuous (bound ≥ trivial)", color: "#bdbdbd", mark: "#b2182b" };
const UNSCORED = { label: "no score (quantity at its range end)", color: "#e7d4e8" };
const BEST = { label: "best informative point", color: "#000000" };

/** Short panel titles (the full ones are in the JSON). */
function panelTitle(map: TightnessMap): string {
  const [id, rest] = map.key.split("/");
  return `${id}, ${rest}`;
}

function axisDomain(a: TightnessAxis): [number, number] {
  const v = a.values;
  if (v.length === 1) return a.scale === "log" ? [v[0] / 2, v[0] * 2] : [v[0] - 0.5, v[0] + 0.5];
  if (a.scale === "log") {
    const r = Math.sqrt(v[1] / v[0]);
    return [v[0] / r, v[v.length - 1] * r];
  }
  const h = (v[1] - v[0]) / 2;
  return [v[0] - h, v[v.length - 1] + h];
}

function squares(cells: readonly TightnessCell[], label: string, color: string): PlotLayer | null {
  if (cells.length === 0) return null;
  return { kind: "points", shape: "square", size: (CELL - 2) ** 2, opacity: 1, label, color, x: cells.map((c) => c.x), y: cells.map((c) => c.y) };
}

/** One heatmap panel. */
export function tightnessPanel(map: TightnessMap): PlotPanel {
  const layers: PlotLayer[] = [];
  const vacuous = map.cells.filter((c) => c.vacuous);
  const scored = map.cells.filter((c) => !c.vacuous && c.score !== null);
  const unscored = map.cells.filter((c) => !c.vacuous && c.score === null);
  const taken = new Set<TightnessCell>();
  for (const bin of SCORE_BINS) {
    const inBin = scored.filter((c) => !taken.has(c) && (c.score as number) >= bin.from);
    inBin.forEach((c) => taken.add(c));
    const layer = squares(inBin, bin.label, bin.color);
    if (layer) layers.push(layer);
  }
  for (const layer of [squares(unscored, UNSCORED.label, UNSCORED.color), squares(vacuous, VACUOUS.label, VACUOUS.color)]) if (layer) layers.push(layer);
  if (vacuous.length > 0) layers.push({ kind: "points", shape: "cross", size: 40, color: VACUOUS.mark, x: vacuous.map((c) => c.x), y: vacuous.map((c) => c.y) });
  if (map.best !== null) {
    const b = map.best.parameters;
    const cell = map.cells.find((c) => c.parameters === b) as TightnessCell;
    layers.push({ kind: "points", shape: "diamond", size: 70, opacity: 1, label: BEST.label, color: BEST.color, x: [cell.x], y: [cell.y] });
  }
  return {
    title: panelTitle(map),
    width: CELL * map.x.values.length,
    height: CELL * map.y.values.length,
    x: { label: map.x.label, scale: map.x.scale, domain: axisDomain(map.x) },
    y: { label: map.y.label, scale: map.y.scale, domain: axisDomain(map.y) },
    layers,
  };
}

/** The PlotSpec: one panel per map, four to a row. */
export function tightnessMapsSpec(maps: readonly TightnessMap[], seed: number): PlotSpec {
  return {
    title: TITLE,
    parameters: { maps: maps.length, cells: maps.reduce((a, m) => a + m.cells.length, 0) },
    seed,
    note: "score = min(measured/bound, same on the distance to the far end of the range); grey + red x: vacuous; black diamond: best informative cell. Parameters per panel in tightness-maps.json.",
    panels: maps.map(tightnessPanel),
    columns: 4,
  };
}

const round = (v: number | null): number | null => (v === null ? null : summaryNumber(v, 8));

function roundCell(c: TightnessCell): object {
  return {
    x: c.x,
    y: c.y,
    parameters: c.parameters,
    measured: round(c.measured),
    bound: round(c.bound),
    trivial: round(c.trivial),
    range: c.range.map(round),
    tightness: round(c.tightness),
    complementTightness: round(c.complementTightness),
    score: round(c.score),
    vacuous: c.vacuous,
    ...(c.details === undefined ? {} : { details: Object.fromEntries(Object.entries(c.details).map(([k, v]) => [k, typeof v === "number" ? summaryNumber(v, 6) : v])) }),
  };
}

function roundBest(b: TightnessMap["best"]): object | null {
  return b === null
    ? null
    : { parameters: b.parameters, score: round(b.score), tightness: round(b.tightness), complementTightness: round(b.complementTightness), measured: round(b.measured), bound: round(b.bound) };
}

/** The JSON summary: per map its axes, note, best point (overall and with n > 2) and every cell. */
export function tightnessMapsSummary(maps: readonly TightnessMap[]): object {
  return {
    scoreBins: SCORE_BINS.map((b) => ({ from: Number.isFinite(b.from) ? b.from : null, label: b.label })),
    leftOut: [
      "eq11-max-synthetic: proven vacuous everywhere (eq11-max-synthetic-trivial)",
      "deviation probability for s > 2: the event needs the joint law of the coordinates (s = 2 only)",
      "Lemma 1, multi-context, Most Recent Models: checked by Monte Carlo only, no exact map yet",
    ],
    maps: maps.map((m) => ({
      key: m.key,
      statements: m.statements,
      title: m.title,
      relation: m.relation,
      fixed: m.fixed,
      x: m.x,
      y: m.y,
      note: m.note,
      best: roundBest(m.best),
      bestWithNAbove2: roundBest(nonDegenerateBest(m)),
      informativeFrom: m.informativeFrom,
      vacuousCells: m.cells.filter((c) => c.vacuous).length,
      cells: m.cells.map(roundCell),
    })),
  };
}

/** The figure computed and rendered (the same on every budget: exact). */
export async function tightnessMapsFigure(options: { seed: number; extended: boolean }): Promise<FigureOutput> {
  const maps = tightnessMaps();
  return renderFigure(TIGHTNESS_MAPS_ID, TITLE, tightnessMapsSpec(maps, options.seed), tightnessMapsSummary(maps));
}
