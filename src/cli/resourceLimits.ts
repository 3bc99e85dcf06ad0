/**
 * Resource limits checked before any work, in the user's terms. A command estimates from its
 * options the memory its results need and the size of the files it will write, and refuses (a
 * UsageError: one line naming the option and the limit, exit 2, nothing written) what cannot fit:
 *
 * - memory: half the smaller of the machine's memory (`os.totalmem()`) and the JavaScript heap
 *   limit (`v8.getHeapStatistics().heap_size_limit`, raised by `--max-old-space-size`);
 * - arrays: at most `MAX_ARRAY_ELEMENTS` numbers in one JavaScript array (V8 cannot grow an array
 *   past about 1.13e8 elements and aborts the process, exit 133, when asked to);
 * - an output built as one string: at most the engine's longest string
 *   (`buffer.constants.MAX_STRING_LENGTH`, 536,870,888 characters on Node 20);
 * - every output: at most the space free on the file system that will hold it.
 */
import { constants as bufferConstants } from "node:buffer";
import { statfsSync, statSync } from "node:fs";
import { totalmem } from "node:os";
import { dirname, resolve } from "node:path";
import { getHeapStatistics } from "node:v8";
import { UsageError } from "./usage.ts";

/** Share of the memory limit a command may plan to use (the rest: the engine, buffers, the writer). */
export const MEMORY_FRACTION = 0.5;

/**
 * Most numbers one JavaScript array may hold here. V8 grows an array by 1.5x + 16 and aborts the
 * process (a fatal "invalid size error", exit 133) when the new capacity would pass 134,217,725
 * elements, which a push past 112,813,858 elements asks for: 1e8 keeps clear of both.
 */
export const MAX_ARRAY_ELEMENTS = 100_000_000;

/** The longest string the engine builds (characters). */
export const MAX_STRING_LENGTH: number = bufferConstants.MAX_STRING_LENGTH;

/** The memory a command may plan to use, with what it was derived from. */
export interface MemoryLimit {
  bytes: number;
  machineBytes: number;
  heapLimitBytes: number;
}

/**
 * `MEMORY_FRACTION` of the smaller of the machine's memory and the JavaScript heap limit.
 * @example memoryLimit().bytes; // => 2172649472 on a 23.5 GB machine with Node 20's 4 GB heap
 */
export function memoryLimit(): MemoryLimit {
  const machineBytes = totalmem();
  const heapLimitBytes = getHeapStatistics().heap_size_limit;
  return { bytes: Math.floor(MEMORY_FRACTION * Math.min(machineBytes, heapLimitBytes)), machineBytes, heapLimitBytes };
}

/**
 * A byte count in words, two significant digits above 1 kB.
 * @example formatBytes(2.5e9); // => "2.5 GB"
 */
export function formatBytes(bytes: number): string {
  const units = ["bytes", "kB", "MB", "GB", "TB", "PB", "EB"];
  let v = bytes;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  if (u === 0) return `${Math.round(v)} bytes`;
  return `${v >= 100 ? Math.round(v) : Number(v.toPrecision(2))} ${units[u]}`;
}

/** The memory limit in words, for messages and --help. */
export function describeMemoryLimit(limit: MemoryLimit = memoryLimit()): string {
  return `${formatBytes(limit.bytes)} (half the smaller of this machine's ${formatBytes(limit.machineBytes)} and the JavaScript heap limit of ${formatBytes(limit.heapLimitBytes)})`;
}

/**
 * Refuses an estimate above the memory limit: a UsageError starting with the option's name, then
 * `what` (a sentence fragment in the user's terms), the estimate, the limit and `remedy`.
 * @example checkMemory(1e6, "runs", "10 runs of 50 generations", "use fewer --runs"); // => passes
 */
export function checkMemory(bytes: number, option: string, what: string, remedy: string, limit: MemoryLimit = memoryLimit()): void {
  if (!(bytes <= limit.bytes)) {
    throw new UsageError(`${option}: ${what} need about ${formatBytes(bytes)} of memory, more than the limit of ${describeMemoryLimit(limit)}; ${remedy}`);
  }
}

/**
 * Refuses an array of more than `MAX_ARRAY_ELEMENTS` numbers.
 * @example checkArrayLength(1e6, "M", "rho_m and S_m for m = 0..M", "a smaller --M"); // => passes
 */
export function checkArrayLength(length: number, option: string, what: string, remedy: string): void {
  if (!(length <= MAX_ARRAY_ELEMENTS)) {
    throw new UsageError(`${option}: ${what} would be an array of ${length} numbers, more than the ${MAX_ARRAY_ELEMENTS} a JavaScript array holds here; ${remedy}`);
  }
}

/** Bytes free to this user on the file system that holds `path` (its nearest existing ancestor); null if unknown. */
export function freeBytesFor(path: string): number | null {
  let at = resolve(path);
  for (;;) {
    try {
      if (statSync(at).isDirectory()) {
        const fs = statfsSync(at);
        return fs.bavail * fs.bsize;
      }
    } catch {
      // not there (yet): look at its folder
    }
    const up = dirname(at);
    if (up === at) return null;
    at = up;
  }
}

/** An output file and the size the options imply. */
export interface OutputEstimate {
  /** The file's path. */
  path: string;
  /** The option naming it, without dashes (`out`, `csv`). */
  option: string;
  /** Estimated size in bytes (characters: the outputs are ASCII). */
  bytes: number;
  /** What makes it large, in the user's terms ("100 runs of about 100001 generations"). */
  what: string;
  /** What to change. */
  remedy: string;
  /** Whether the writer builds the whole file as one string first (then the engine's string limit applies). */
  asOneString: boolean;
}

/**
 * Refuses an output larger than one engine string (when built as one) or than the free space on
 * its file system.
 */
export function checkOutputSize(output: OutputEstimate, freeBytes: (path: string) => number | null = freeBytesFor): void {
  const { path, option, bytes, what, remedy } = output;
  if (output.asOneString && bytes > MAX_STRING_LENGTH) {
    throw new UsageError(
      `${option}: ${what} make about ${formatBytes(bytes)} of ${path}, more than the ${formatBytes(MAX_STRING_LENGTH)} the JavaScript engine can build as one string; ${remedy}`,
    );
  }
  const free = freeBytes(dirname(resolve(path)));
  if (free !== null && bytes > free) {
    throw new UsageError(`${option}: ${what} make about ${formatBytes(bytes)} of ${path}, more than the ${formatBytes(free)} free on its file system; ${remedy}`);
  }
}

/** The limits paragraph of a command's --help. */
export function limitsHelp(extra: string): string {
  const limit = memoryLimit();
  return `
Limits (checked before any work; a request beyond them is refused with exit 2 and nothing written):
  memory     the results kept in memory must fit in ${formatBytes(limit.bytes)}: half the smaller of this
             machine's memory (${formatBytes(limit.machineBytes)}) and the JavaScript heap limit (${formatBytes(limit.heapLimitBytes)}, raised by
             NODE_OPTIONS=--max-old-space-size=MB)
  arrays     one recorded series holds at most ${MAX_ARRAY_ELEMENTS} numbers (the engine's arrays)
  outputs    at most the free space of their file system (written as produced, never as one string)
${extra}`;
}
