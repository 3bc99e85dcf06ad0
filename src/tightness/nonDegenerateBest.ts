/** The best point of a map among cells with n > 2 (n = 2 makes several bounds exact by construction). */
import { bestPoint } from "./bestPoint.ts";
import type { BestPoint, TightnessMap } from "./types.ts";

/**
 * bestPoint over the cells whose parameter n exceeds 2: at n = 2 the off-collapse states of the
 * chain all have ||p||_inf = 1/2 = 1 - 1/n and p_k(1 - p_k) = 1/4 = (1/n)(1 - 1/n), the two facts
 * the proofs of Eq (7)-(8) and spec 4.5 bound with, so those bounds are attained there.
 * @example nonDegenerateBest(map)?.parameters.n; // => 4 (say)
 */
export function nonDegenerateBest(map: TightnessMap): BestPoint | null {
  return bestPoint(map.cells.filter((c) => typeof c.parameters.n === "number" && c.parameters.n > 2));
}
