/** A figure's PlotSpec and summary turned into its three files: PNG, SVG and the plotted numbers as JSON. */
import { formatJson, plotFiles, renderPlot, type PlotSpec } from "../report/index.ts";
import type { FigureOutput } from "./types.ts";

/**
 * Renders `spec` and returns figures/<id>.svg, figures/<id>.png and figures/<id>.json (the
 * summary, as deterministic JSON with a trailing newline). Throws if vega reported warnings, so a
 * broken plot fails loudly. Same inputs, same bytes.
 * @example (await renderFigure("fig1-simplex", "Figure 1", spec, {})).files.map((f) => f.path); // => ["figures/fig1-simplex.svg", "figures/fig1-simplex.png", "figures/fig1-simplex.json"]
 */
export async function renderFigure(id: string, title: string, spec: PlotSpec, summary: unknown): Promise<FigureOutput> {
  const plot = await renderPlot(spec);
  const { warnings } = plot;
  if (warnings.length > 0) throw new Error(`${id}: the plot renderer warned: ${warnings.join("; ")}`);
  return {
    id,
    title,
    files: [
      ...plotFiles(`figures/${id}`, plot),
      { path: `figures/${id}.json`, data: formatJson({ id, title, ...(summary as object) }) + "\n" },
    ],
  };
}
