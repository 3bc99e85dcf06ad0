/** Splitting runs 0..runs-1 into contiguous chunks for worker threads. */

/** Runs first .. first + count - 1. */
export interface RunChunk {
  first: number;
  count: number;
}

/**
 * `runs` runs cut into min(runs, chunks) contiguous chunks whose sizes differ by at most one,
 * in order; no chunk for runs = 0.
 * @example chunkRuns(10, 3); // => [{ first: 0, count: 4 }, { first: 4, count: 3 }, { first: 7, count: 3 }]
 */
export function chunkRuns(runs: number, chunks: number): RunChunk[] {
  if (!Number.isInteger(runs) || runs < 0) throw new RangeError(`runs must be an integer >= 0, got ${runs}`);
  if (!Number.isInteger(chunks) || chunks < 1) throw new RangeError(`chunks must be an integer >= 1, got ${chunks}`);
  const c = Math.min(runs, chunks);
  const out: RunChunk[] = [];
  let first = 0;
  for (let i = 0; i < c; i++) {
    const count = Math.floor(runs / c) + (i < runs % c ? 1 : 0);
    out.push({ first, count });
    first += count;
  }
  return out;
}
