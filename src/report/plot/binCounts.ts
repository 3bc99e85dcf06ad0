/** Equal-width binning for histograms, computed here so plots carry counts, not raw samples. */
import { checkFinite, checkIntegerAtLeast } from "../../validate.ts";

/** Bin edges (length bins + 1) and counts (length bins); the last bin is closed on the right. */
export interface Bins {
  edges: number[];
  counts: number[];
}

/**
 * Counts of the finite `values` in equal-width bins over `extent` (default [min, max]); with
 * `binWidth`, edges start at extent[0] and step by it until they pass extent[1]. Values outside
 * the extent are left out. When all values are equal, the range binned is [v - 0.5, v + 0.5].
 * @example binCounts([1, 2, 2, 3], { bins: 2 }); // => { edges: [1, 2, 3], counts: [1, 3] }
 */
export function binCounts(values: ArrayLike<number>, options: { bins?: number; binWidth?: number; extent?: [number, number] } = {}): Bins {
  const finite = Array.from(values).filter((v) => Number.isFinite(v));
  let lo: number;
  let hi: number;
  if (options.extent) {
    lo = checkFinite(options.extent[0], "extent[0]");
    hi = checkFinite(options.extent[1], "extent[1]");
    if (!(hi >= lo)) throw new RangeError(`extent must be [lo, hi] with lo <= hi, got [${lo}, ${hi}]`);
  } else if (finite.length === 0) {
    return { edges: [0, 1], counts: [0] };
  } else {
    lo = finite.reduce((m, v) => Math.min(m, v), Infinity);
    hi = finite.reduce((m, v) => Math.max(m, v), -Infinity);
  }
  if (hi === lo) {
    lo -= 0.5;
    hi += 0.5;
  }
  let edges: number[];
  if (options.binWidth !== undefined) {
    const w = checkFinite(options.binWidth, "binWidth");
    if (!(w > 0)) throw new RangeError(`binWidth must be > 0, got ${w}`);
    const count = Math.max(1, Math.ceil((hi - lo) / w - 1e-9));
    if (count > 100_000) throw new RangeError(`binWidth gives ${count} bins, more than 100000`);
    edges = Array.from({ length: count + 1 }, (_, i) => lo + i * w);
  } else {
    const bins = checkIntegerAtLeast(options.bins ?? 30, "bins", 1);
    edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + ((hi - lo) * i) / bins));
  }
  const nb = edges.length - 1;
  const top = edges[nb];
  const counts = new Array<number>(nb).fill(0);
  for (const v of finite) {
    if (v < lo || v > top) continue;
    let k = Math.floor(((v - lo) / (top - lo)) * nb);
    if (k >= nb) k = nb - 1;
    while (k > 0 && v < edges[k]) k--;
    while (k < nb - 1 && v >= edges[k + 1]) k++;
    counts[k]++;
  }
  return { edges, counts };
}
