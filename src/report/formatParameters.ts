/** One-line rendering of a parameter point, shared by report tables and plot subtitles. */
import { formatNumber } from "./markdown.ts";

/** A parameter value as reports show it. */
export type ParameterValue = number | string | boolean | readonly number[] | ArrayLike<number>;

/** Parameters are inputs, so they keep more digits than measured values. */
const PARAMETER_DIGITS = 6;

function formatValue(value: ParameterValue, maxItems: number): string {
  if (typeof value === "number") return formatNumber(value, PARAMETER_DIGITS);
  if (typeof value === "string" || typeof value === "boolean") return String(value);
  const items = Array.from(value as ArrayLike<number>);
  if (items.length <= maxItems) return `(${items.map((v) => formatNumber(v, PARAMETER_DIGITS)).join(", ")})`;
  const head = items.slice(0, maxItems - 1).map((v) => formatNumber(v, PARAMETER_DIGITS));
  return `(${head.join(", ")}, …; ${items.length} values)`;
}

/**
 * "name = value" pairs in the given key order, joined by ", "; numbers to 6 significant digits,
 * arrays longer than `maxItems` shortened with their length.
 * @example formatParameters({ s: 3, n: 1000, p: [0.5, 0.3, 0.2] }); // => "s = 3, n = 1000, p = (0.5, 0.3, 0.2)"
 */
export function formatParameters(parameters: Readonly<Record<string, ParameterValue>>, maxItems = 4): string {
  if (parameters === null || typeof parameters !== "object") throw new TypeError("parameters must be an object");
  return Object.entries(parameters)
    .map(([key, value]) => `${key} = ${formatValue(value, maxItems)}`)
    .join(", ");
}
