/**
 * Usage errors and the parsers of option text. A `UsageError` is the one kind of error the CLI
 * reports as one line with exit 2 (the user typed something that cannot run); anything else that
 * escapes a command is an internal error (exit 1, a bug). Option values are parsed strictly:
 * integers are plain decimal (`16`, not `0x10`, `1e1`, `''` or `16.0`), numbers are decimal
 * (`0.1`, `1e-6`, not `NaN`, `Infinity` or `0x10`), and every message quotes the text typed.
 */
import { availableParallelism } from "node:os";

/** An error the CLI reports as one line with exit code 2 (bad usage or bad input); nothing is written. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Longest part of a typed value a message quotes. */
const QUOTE_LIMIT = 40;

/**
 * The text typed, quoted for a one-line message (JSON escapes, long text cut).
 * @example quoted("0x10"); // => "\"0x10\""
 */
export function quoted(text: string): string {
  if (text.length <= QUOTE_LIMIT) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, QUOTE_LIMIT))}... (${text.length} characters)`;
}

const DECIMAL_INTEGER = /^-?\d+$/;
const DECIMAL_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A plain decimal integer in [min, max]; a UsageError naming the option and quoting the text otherwise.
 * @example parseIntegerOption("16", "n", 1); // => 16
 */
export function parseIntegerOption(text: string, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const v = Number(text);
  const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in [${min}, ${max}]`;
  if (!DECIMAL_INTEGER.test(text) || !Number.isSafeInteger(v) || v < min || v > max) {
    const hint = !DECIMAL_INTEGER.test(text) && Number.isFinite(v) && text.trim() !== "" ? " (plain decimal digits only)" : "";
    throw new UsageError(`${name} must be an integer ${range}, got ${quoted(text)}${hint}`);
  }
  return v;
}

/**
 * A finite decimal number (`0.1`, `1e-6`); a UsageError naming the option and quoting the text otherwise.
 * @example parseNumberOption("1e-6", "delta"); // => 0.000001
 */
export function parseNumberOption(text: string, name: string): number {
  const v = Number(text);
  if (!DECIMAL_NUMBER.test(text) || !Number.isFinite(v)) {
    const hint = Number.isFinite(v) && text.trim() !== "" ? " (decimal notation only, such as 0.1 or 1e-6)" : "";
    throw new UsageError(`${name} must be a finite number, got ${quoted(text)}${hint}`);
  }
  return v;
}

/**
 * A seed: a plain decimal integer in [-2^31, 2^32), as every stream family takes.
 * @example parseSeedOption("7"); // => 7
 */
export function parseSeedOption(text: string, name = "seed"): number {
  return parseIntegerOption(text, name, -(2 ** 31), 2 ** 32 - 1);
}

/** The cores this process may use (os.availableParallelism). */
export function coresAvailable(): number {
  return Math.max(1, availableParallelism());
}

/**
 * A worker count: a decimal integer >= 1 and, unless `allowOversubscribe`, at most the cores
 * available (more threads only cost memory: each one holds its own engine and heap).
 * @example parseWorkersOption("1", false); // => 1
 */
export function parseWorkersOption(text: string, allowOversubscribe: boolean, name = "workers"): number {
  const workers = parseIntegerOption(text, name, 1);
  const cores = coresAvailable();
  if (!allowOversubscribe && workers > cores) {
    throw new UsageError(`${name} must be at most the ${cores} cores available, got ${quoted(text)} (--allow-oversubscribe to run more)`);
  }
  return workers;
}

/**
 * Runs `validate` and turns the RangeErrors and TypeErrors it raises into UsageErrors: used around
 * the checks a command makes before any work, where such an error can only come from the options
 * (the library's checks raise them with the parameter's name first). Errors raised later, by the
 * computation, stay what they are: a bug.
 * @example asUsage(() => parseIntegerOption("3", "n", 1)); // => 3
 */
export function asUsage<T>(validate: () => T): T {
  try {
    return validate();
  } catch (err) {
    throw toUsage(err);
  }
}

/** The same as `asUsage`, for an async validation. */
export async function asUsageAsync<T>(validate: () => Promise<T>): Promise<T> {
  try {
    return await validate();
  } catch (err) {
    throw toUsage(err);
  }
}

function toUsage(err: unknown): unknown {
  if ((err instanceof RangeError || err instanceof TypeError) && !isEngineError(err)) return new UsageError(err.message.split("\n")[0]);
  return err;
}

/**
 * Whether a RangeError/TypeError comes from the engine or Node (memory, string or array length,
 * stack depth, a Node argument check) rather than from a check of ours: those are never usage.
 */
export function isEngineError(err: Error): boolean {
  if ((err as NodeJS.ErrnoException).code !== undefined) return true;
  return /^(Invalid (array|string|typed array) length|Array buffer allocation failed|Maximum call stack size exceeded|Cannot (read|set) properties of|Invalid count value)/.test(err.message) || / is not (a function|iterable|a constructor)/.test(err.message);
}
