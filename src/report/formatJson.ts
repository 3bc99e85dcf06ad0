/**
 * The one JSON writer of every output: deterministic text, produced in chunks so that a large
 * output (simulate runs, exact results, verdicts.json) is streamed to disk and never built as one
 * string. Rules: 2-space indent, keys in insertion order, arrays of scalars on one line, numbers in
 * full precision (shortest round-trip form), and NaN / Infinity / -Infinity written as the strings
 * "NaN", "Infinity", "-Infinity" instead of JSON's lossy null.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Scalars of an array on one line are joined this many at a time into one chunk. */
const SCALARS_PER_CHUNK = 4096;

function scalar(value: unknown): string | undefined {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      return Number.isFinite(value) ? JSON.stringify(value) : JSON.stringify(String(value));
    case "string":
      return JSON.stringify(value);
    default:
      return undefined;
  }
}

function isScalar(value: unknown): boolean {
  return value === null || value === undefined || ["boolean", "number", "string"].includes(typeof value);
}

/** Values JSON leaves out of an object (and writes as null in an array). */
function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

function* chunks(value: unknown, indent: string, path: string): Generator<string, void, undefined> {
  const s = scalar(value);
  if (s !== undefined) {
    yield s;
    return;
  }
  if (isOmitted(value)) {
    yield "null";
    return;
  }
  if (typeof value === "bigint") throw new TypeError(`${path} is a bigint, which JSON cannot hold`);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    if (value instanceof BigInt64Array || value instanceof BigUint64Array) throw new TypeError(`${path} holds bigints, which JSON cannot hold`);
    yield* scalarArray(value as unknown as ArrayLike<unknown>);
    return;
  }
  const inner = indent + "  ";
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield "[]";
    } else if (value.every(isScalar)) {
      yield* scalarArray(value);
    } else {
      for (let i = 0; i < value.length; i++) {
        yield (i === 0 ? "[\n" : ",\n") + inner;
        yield* chunks(value[i], inner, `${path}[${i}]`);
      }
      yield `\n${indent}]`;
    }
    return;
  }
  let first = true;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (isOmitted(v)) continue;
    yield `${first ? "{\n" : ",\n"}${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* chunks(v, inner, `${path}.${key}`);
  }
  yield first ? "{}" : `\n${indent}}`;
}

/** `[a, b, c]` on one line, in chunks of SCALARS_PER_CHUNK values. */
function* scalarArray(values: ArrayLike<unknown>): Generator<string, void, undefined> {
  if (values.length === 0) {
    yield "[]";
    return;
  }
  for (let start = 0; start < values.length; start += SCALARS_PER_CHUNK) {
    const end = Math.min(values.length, start + SCALARS_PER_CHUNK);
    const parts: string[] = [];
    for (let i = start; i < end; i++) parts.push(scalar(values[i]) ?? "null");
    yield (start === 0 ? "[" : ", ") + parts.join(", ");
  }
  yield "]";
}

/**
 * The text of `formatJson(value)` in chunks, in order (their concatenation is that text), built
 * lazily as they are consumed: memory stays that of the value, not of its text.
 * @example [...jsonChunks({ a: [1, NaN] })].join(""); // => '{\n  "a": [1, "NaN"]\n}'
 */
export function* jsonChunks(value: unknown): Generator<string, void, undefined> {
  yield* chunks(value, "", "value");
}

/**
 * A JSON output file's contents: `jsonChunks(value)` then a newline, for `writeOutputs` and
 * `writeFilesAtomic`, which write the chunks as they come.
 * @example [...jsonFile([1])].join(""); // => "[1]\n"
 */
export function* jsonFile(value: unknown): Generator<string, void, undefined> {
  yield* chunks(value, "", "value");
  yield "\n";
}

/**
 * Pretty JSON with the rules above (no trailing newline), as one string: for small values; write
 * large ones with `jsonFile`.
 * @example formatJson({ b: [1, 2], a: { x: NaN } }); // => '{\n  "b": [1, 2],\n  "a": {\n    "x": "NaN"\n  }\n}'
 */
export function formatJson(value: unknown): string {
  let text = "";
  for (const chunk of chunks(value, "", "value")) text += chunk;
  return text;
}

/**
 * A deep copy with every object's keys sorted (by UTF-16 code unit, as `Array.prototype.sort`), arrays kept in order.
 * @example Object.keys(sortKeysDeep({ b: 1, a: 2 })); // => ["a", "b"]
 */
export function sortKeysDeep(value: unknown): Json {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  if (value !== null && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(obj).sort()) {
      if (obj[key] !== undefined) out[key] = sortKeysDeep(obj[key]);
    }
    return out;
  }
  return value as Json;
}
