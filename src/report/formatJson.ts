/**
 * Deterministic JSON text for committed reports: 2-space indent, keys in insertion order, arrays of
 * scalars on one line, numbers in full precision (shortest round-trip form), and NaN / Infinity /
 * -Infinity written as the strings "NaN", "Infinity", "-Infinity" instead of JSON's lossy null.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

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

function format(value: unknown, indent: string, path: string): string | undefined {
  const s = scalar(value);
  if (s !== undefined) return s;
  if (value === undefined || typeof value === "function" || typeof value === "symbol") return undefined;
  if (typeof value === "bigint") throw new TypeError(`${path} is a bigint, which JSON cannot hold`);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return format(Array.from(value as unknown as ArrayLike<number>), indent, path);
  }
  const inner = indent + "  ";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    if (value.every(isScalar)) return `[${value.map((v) => scalar(v) ?? "null").join(", ")}]`;
    const items = value.map((v, i) => inner + (format(v, inner, `${path}[${i}]`) ?? "null"));
    return `[\n${items.join(",\n")}\n${indent}]`;
  }
  const entries: string[] = [];
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const text = format(v, inner, `${path}.${key}`);
    if (text !== undefined) entries.push(`${inner}${JSON.stringify(key)}: ${text}`);
  }
  return entries.length === 0 ? "{}" : `{\n${entries.join(",\n")}\n${indent}}`;
}

/**
 * Pretty JSON with the rules above (no trailing newline).
 * @example formatJson({ b: [1, 2], a: { x: NaN } }); // => '{\n  "b": [1, 2],\n  "a": {\n    "x": "NaN"\n  }\n}'
 */
export function formatJson(value: unknown): string {
  return format(value, "", "value") ?? "null";
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
