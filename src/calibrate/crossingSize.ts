/**
 * The size where a detection curve first reaches a level, interpolated linearly between the two
 * grid points around the crossing; the first size if the curve starts at or above the level; null
 * if it never reaches it on the grid. Sizes must increase.
 * @example crossingSize([0, 1, 2], [0, 0.4, 0.8], 0.5); // => 1.25
 * @example crossingSize([0, 1], [0, 0.4], 0.95); // => null
 */
export function crossingSize(sizes: readonly number[], rates: readonly number[], level: number): number | null {
  if (sizes.length !== rates.length) throw new RangeError(`sizes and rates must have the same length, got ${sizes.length} and ${rates.length}`);
  for (let i = 0; i < sizes.length; i++) {
    if (i > 0 && !(sizes[i] > sizes[i - 1])) throw new RangeError(`sizes must increase, got ${sizes[i - 1]} then ${sizes[i]}`);
    if (rates[i] >= level) {
      if (i === 0) return sizes[0];
      const f = (level - rates[i - 1]) / (rates[i] - rates[i - 1]);
      return sizes[i - 1] + f * (sizes[i] - sizes[i - 1]);
    }
  }
  return null;
}
