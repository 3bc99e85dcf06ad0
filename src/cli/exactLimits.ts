/**
 * What `exact` will hold in memory and write for a horizon M, estimated before solving, and the
 * checks that refuse what cannot fit (see resourceLimits.ts).
 */
import { checkArrayLength, checkMemory, checkOutputSize, type MemoryLimit, memoryLimit } from "./resourceLimits.ts";

/** Series of length M + 1 in a result (rho, P(T > m), S, first-loss survival; or rho, S, L1, L2). */
export const EXACT_SERIES = 4;
/** Memory per entry of a series: a double in an array grown by 1.5x and the solver's work (measured 23 at M = 1e7). */
export const EXACT_BYTES_PER_ENTRY = 24;
/** JSON characters per entry of a series, indented one per line (measured 16-21, one line per series). */
export const EXACT_JSON_BYTES_PER_ENTRY = 25;

/**
 * Refuses a horizon M whose series cannot be held or written: more than an array holds, more
 * memory than the limit, or (with `out`) a JSON file larger than one engine string or than the
 * free space where it goes.
 * @example checkExactLimits(50, "e.json"); // => passes
 */
export function checkExactLimits(M: number, out: string | undefined, options: { asOneString?: boolean; limit?: MemoryLimit; freeBytes?: (path: string) => number | null } = {}): void {
  const what = `rho_m, S_m and the other series for m = 0..M`;
  const remedy = "use a smaller --M";
  checkArrayLength(M + 1, "M", `each of ${what}`, remedy);
  checkMemory(EXACT_SERIES * (M + 1) * EXACT_BYTES_PER_ENTRY, "M", `${EXACT_SERIES} series of M + 1 = ${M + 1} numbers`, remedy, options.limit ?? memoryLimit());
  if (out !== undefined) {
    const bytes = EXACT_SERIES * (M + 1) * EXACT_JSON_BYTES_PER_ENTRY;
    checkOutputSize({ path: out, option: "out", bytes, what: `${EXACT_SERIES} series of M + 1 = ${M + 1} numbers`, remedy, asOneString: options.asOneString ?? false }, options.freeBytes);
  }
}
