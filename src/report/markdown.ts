/**
 * Markdown building blocks for the reports: number formatting and pipe tables. Pure functions of
 * their input, so a regenerated report is byte-identical.
 */
import { checkIntegerInRange } from "../validate.ts";

/** Column alignment of a Markdown table. */
export type Align = "left" | "right" | "center";

/** A table cell: text, or a number rendered by `formatNumber`. */
export type Cell = string | number;

/**
 * A number with `sig` significant digits, trailing zeros dropped; integers below 1e6 exactly,
 * plain notation for 1e-4 <= |x| < 1e6, otherwise `1.235e7` style; -0 gives "0".
 * @example formatNumber(0.109234); // => "0.1092"
 * @example formatNumber(1e-300); // => "1e-300"
 * @example formatNumber(12345678); // => "1.235e7"
 */
export function formatNumber(x: number, sig = 4): string {
  checkIntegerInRange(sig, "sig", 1, 17);
  if (typeof x !== "number") throw new TypeError(`x must be a number, got ${String(x)}`);
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  if (x === 0) return "0";
  if (Number.isInteger(x) && Math.abs(x) < 1e6) return String(x);
  const [mantissa, expPart] = x.toExponential(sig - 1).split("e");
  const exponent = Number(expPart);
  if (exponent >= -4 && exponent < 6) {
    const rounded = Number(x.toPrecision(sig));
    return stripZeros(rounded.toFixed(Math.max(0, sig - 1 - exponent)));
  }
  return `${stripZeros(mantissa)}e${exponent}`;
}

function stripZeros(s: string): string {
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}

/**
 * A closed interval as "[lo, hi]" with `formatNumber` on each end.
 * @example formatInterval([0.10921, 0.1263]); // => "[0.1092, 0.1263]"
 */
export function formatInterval(interval: readonly [number, number] | readonly number[], sig = 4): string {
  if (!Array.isArray(interval) || interval.length !== 2) {
    throw new RangeError(`interval must be a pair [lo, hi], got ${JSON.stringify(interval)}`);
  }
  return `[${formatNumber(interval[0], sig)}, ${formatNumber(interval[1], sig)}]`;
}

/**
 * Text made safe for one table cell: pipes escaped, line breaks turned into spaces.
 * @example escapeCell("a|b\nc"); // => "a\\|b c"
 */
export function escapeCell(text: string): string {
  return text.replace(/\\(?=\|)/g, "\\\\").replace(/\|/g, "\\|").replace(/\r\n|\r|\n/g, " ");
}

const SEPARATOR: Record<Align, string> = { left: ":---", right: "---:", center: ":---:" };

/**
 * A GitHub pipe table; numbers go through `formatNumber`, text through `escapeCell`.
 * @example markdownTable(["a", "b"], [[1, "x|y"]]); // => "| a | b |\n| :--- | :--- |\n| 1 | x\\|y |\n"
 */
export function markdownTable(headers: readonly string[], rows: ReadonlyArray<readonly Cell[]>, align?: readonly Align[]): string {
  if (!Array.isArray(headers) || headers.length === 0) throw new RangeError("headers must be a non-empty array");
  const width = headers.length;
  if (align !== undefined && align.length !== width) {
    throw new RangeError(`align must have ${width} entries (one per header), got ${align.length}`);
  }
  const line = (cells: readonly Cell[]) =>
    `| ${cells.map((c) => (typeof c === "number" ? formatNumber(c) : escapeCell(String(c)))).join(" | ")} |`;
  const out = [line(headers), `| ${headers.map((_, j) => SEPARATOR[align?.[j] ?? "left"]).join(" | ")} |`];
  rows.forEach((row, i) => {
    if (row.length !== width) throw new RangeError(`rows[${i}] must have ${width} cells, got ${row.length}`);
    out.push(line(row));
  });
  return out.join("\n") + "\n";
}
