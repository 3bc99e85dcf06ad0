import { readFileSync } from "node:fs";
import { checkDistribution } from "../validate.ts";

/**
 * A distribution from parsed JSON: either an array of probabilities or an object { p: [...] };
 * validated (entries finite, >= 0, sum 1 within 1e-12), errors naming `name`.
 * @example parseDistribution({ p: [0.25, 0.75] }); // => Float64Array [0.25, 0.75]
 */
export function parseDistribution(value: unknown, name = "p"): Float64Array {
  const raw = Array.isArray(value)
    ? value
    : value !== null && typeof value === "object" && "p" in value
      ? (value as { p: unknown }).p
      : undefined;
  if (raw === undefined) throw new TypeError(`${name} must be a JSON array of probabilities or an object { "p": [...] }`);
  return checkDistribution(raw, name);
}

/**
 * Reads p^(0) from a JSON file holding an array of probabilities or { "p": [...] }.
 * @example fromJson("p0.json"); // with p0.json = {"p":[0.5,0.5]} => Float64Array [0.5, 0.5]
 */
export function fromJson(file: string): Float64Array {
  if (typeof file !== "string" || file === "") throw new TypeError(`file must be a path, got ${String(file)}`);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new RangeError(`file ${file} cannot be read: ${(e as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new TypeError(`file ${file} is not valid JSON: ${(e as Error).message}`);
  }
  try {
    return parseDistribution(value, "p");
  } catch (e) {
    const Kind = e instanceof TypeError ? TypeError : RangeError;
    throw new Kind(`file ${file}: ${(e as Error).message}`);
  }
}
