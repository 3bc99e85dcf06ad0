/** Small statistics and formatting helpers of the benchmark. */

/**
 * The median of xs (mean of the two middle values for an even count); NaN for none.
 * @example median([3, 1, 2, 10]); // => 2.5
 */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 === 1 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/**
 * A duration in seconds with a unit that keeps 3 significant digits readable.
 * @example formatSeconds(0.000071); // => "71.0 us"
 */
export function formatSeconds(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "n/a";
  const a = Math.abs(x);
  if (a >= 1) return `${x.toPrecision(3)} s`;
  if (a >= 1e-3) return `${(x * 1e3).toPrecision(3)} ms`;
  if (a >= 1e-6) return `${(x * 1e6).toPrecision(3)} us`;
  return `${(x * 1e9).toPrecision(3)} ns`;
}

/**
 * A ratio as "0.42" or "31.7" (3 significant digits), "n/a" when missing.
 * @example formatRatio(31.666); // => "31.7"
 */
export function formatRatio(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "n/a";
  return x.toPrecision(3);
}
