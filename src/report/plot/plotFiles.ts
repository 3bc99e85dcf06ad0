/** The files of one rendered figure, ready for `writeFilesAtomic`. */
import type { FileToWrite } from "../atomicWrite.ts";
import type { RenderedPlot } from "./renderPlot.ts";

/**
 * `${basePath}.svg` and `${basePath}.png` with the rendered bytes.
 * @example plotFiles("reports/figures/fig2", plot).map((f) => f.path); // => ["reports/figures/fig2.svg", "reports/figures/fig2.png"]
 */
export function plotFiles(basePath: string, plot: Pick<RenderedPlot, "svg" | "png">): FileToWrite[] {
  if (typeof basePath !== "string" || basePath === "") throw new TypeError("basePath must be a non-empty string");
  return [
    { path: `${basePath}.svg`, data: plot.svg },
    { path: `${basePath}.png`, data: plot.png },
  ];
}
