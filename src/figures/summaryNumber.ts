/** Rounding for the figures' JSON summaries, so the plotted numbers read easily and stay deterministic. */

/**
 * x to `digits` significant digits (non-finite values and null kept).
 * @example summaryNumber(0.123456789); // => 0.123457
 */
export function summaryNumber(x: number, digits = 6): number {
  return Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(digits)) : x;
}

/**
 * Every entry of a numeric column rounded by `summaryNumber` (nulls kept).
 * @example summaryNumbers([1 / 3, null]); // => [0.333333, null]
 */
export function summaryNumbers(xs: ArrayLike<number | null>, digits = 6): (number | null)[] {
  return Array.from(xs, (x) => (x === null ? null : summaryNumber(x, digits)));
}
