/** The tightest informative cell of a map. */
import type { BestPoint, TightnessCell } from "./types.ts";

/**
 * The informative (non-vacuous) cell of largest score (min of tightness and complementTightness); scores
 * within a relative 1e-9 count as equal and the first in the given order wins (row-major: smallest
 * y, then smallest x), so rounding never picks among tied cells. null if no cell has a score.
 * @example bestPoint([cell]); // => { parameters, score, tightness, complementTightness, measured, bound } of the cell
 */
export function bestPoint(cells: readonly TightnessCell[]): BestPoint | null {
  let top = -Infinity;
  for (const c of cells) if (!c.vacuous && c.score !== null && c.measured !== null) top = Math.max(top, c.score);
  if (top === -Infinity) return null;
  const best = cells.find((c) => !c.vacuous && c.score !== null && c.measured !== null && c.score >= top - 1e-9 * Math.abs(top)) as TightnessCell;
  return {
    parameters: best.parameters,
    score: best.score as number,
    tightness: best.tightness as number,
    complementTightness: best.complementTightness,
    measured: best.measured as number,
    bound: best.bound,
  };
}
