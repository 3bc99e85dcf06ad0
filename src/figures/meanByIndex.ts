/** Pointwise means over runs (e.g. the mean sigma_m over 100 runs, the bold line of Figures 3, 4 and 6). */

/**
 * mean_r series[r][m] for m = 0..L-1, L the shortest series length.
 * @example meanByIndex([[0, 2], [2, 4, 9]]); // => [1, 3]
 */
export function meanByIndex(series: ReadonlyArray<ArrayLike<number>>): number[] {
  if (series.length === 0) return [];
  const length = Math.min(...series.map((s) => s.length));
  const out = new Array<number>(length).fill(0);
  for (const s of series) for (let m = 0; m < length; m++) out[m] += s[m];
  return out.map((v) => v / series.length);
}

/**
 * Mean and standard error of the non-null values, with how many were null (e.g. runs of T not
 * collapsed within the horizon): se = sd / sqrt(count), sd with the n - 1 denominator.
 * @example meanAndError([1, 3, null]); // => { mean: 2, se: 1, count: 2, missing: 1 }
 */
export function meanAndError(values: ReadonlyArray<number | null>): { mean: number; se: number; count: number; missing: number } {
  const xs = values.filter((v): v is number => v !== null);
  const count = xs.length;
  const missing = values.length - count;
  if (count === 0) return { mean: NaN, se: NaN, count, missing };
  const mean = xs.reduce((a, b) => a + b, 0) / count;
  if (count === 1) return { mean, se: NaN, count, missing };
  const ss = xs.reduce((a, b) => a + (b - mean) * (b - mean), 0);
  return { mean, se: Math.sqrt(ss / (count - 1) / count), count, missing };
}
