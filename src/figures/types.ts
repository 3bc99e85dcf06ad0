/** What every figure returns and takes: files relative to the report folder, and the budget options. */
import type { FileToWrite } from "../report/index.ts";

/** One rendered figure: figures/<id>.png, figures/<id>.svg and figures/<id>.json (plotted summary numbers). */
export interface FigureOutput {
  id: string;
  title: string;
  /** Paths relative to the report folder (e.g. figures/fig2-collapse-time.png). */
  files: FileToWrite[];
}

/** Options of `buildFigures`: the seed, the budget, a filter by id prefix, a progress callback. */
export interface FigureOptions {
  seed: number;
  extended: boolean;
  /** Id prefixes (e.g. "fig2"); figures matching none are skipped; undefined: all figures. */
  only?: string[];
  onProgress?: (label: string) => void;
}
