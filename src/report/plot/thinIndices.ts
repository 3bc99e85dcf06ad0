/**
 * Deterministic thinning of a long line for plotting: Largest-Triangle-Three-Buckets (Steinarsson
 * 2013, "Downsampling time series for visual representation", ch. 4). It keeps the first and last
 * points and, per bucket, the point making the largest triangle with its neighbours, so peaks survive.
 */
import { checkIntegerAtLeast } from "../../validate.ts";

/**
 * Indices of at most `maxPoints` points of (x, y) chosen by LTTB; all indices when the line is short.
 * x must be in drawing order; O(length).
 * @example thinIndices([0, 1, 2, 3, 4], [0, 5, 0, 0, 0], 3); // => [0, 1, 4]
 */
export function thinIndices(x: ArrayLike<number>, y: ArrayLike<number>, maxPoints: number): number[] {
  checkIntegerAtLeast(maxPoints, "maxPoints", 3);
  if (x.length !== y.length) throw new RangeError(`y must have the length of x (${x.length}), got ${y.length}`);
  const n = x.length;
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
  const out = [0];
  const bucket = (n - 2) / (maxPoints - 2);
  let a = 0;
  for (let b = 0; b < maxPoints - 2; b++) {
    const start = Math.floor(b * bucket) + 1;
    const end = Math.floor((b + 1) * bucket) + 1;
    const nextStart = end;
    const nextEnd = Math.min(Math.floor((b + 2) * bucket) + 1, n);
    let avgX = 0;
    let avgY = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      avgX += x[j];
      avgY += y[j];
    }
    const count = nextEnd - nextStart;
    avgX /= count;
    avgY /= count;
    let best = start;
    let bestArea = -1;
    for (let j = start; j < end; j++) {
      const area = Math.abs((x[a] - avgX) * (y[j] - y[a]) - (x[a] - x[j]) * (avgY - y[a]));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    out.push(best);
    a = best;
  }
  out.push(n - 1);
  return out;
}
