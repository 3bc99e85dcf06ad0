import { describe, expect, it } from "vitest";
import { formatJson, sortKeysDeep } from "./formatJson.ts";

describe("formatJson", () => {
  it("indents by 2, keeps key order, puts arrays of scalars on one line", () => {
    expect(formatJson({ b: [1, "x", null, true], a: { c: [] , d: {} } })).toBe(
      '{\n  "b": [1, "x", null, true],\n  "a": {\n    "c": [],\n    "d": {}\n  }\n}',
    );
  });
  it("puts arrays of objects one per line", () => {
    expect(formatJson([{ a: 1 }, [2]])).toBe('[\n  {\n    "a": 1\n  },\n  [2]\n]');
  });
  it("writes numbers in full precision and -0 as 0", () => {
    const text = formatJson({ x: 0.1 + 0.2, y: 1e-300, z: -0, w: 123456789012345680000 });
    expect(text).toBe('{\n  "x": 0.30000000000000004,\n  "y": 1e-300,\n  "z": 0,\n  "w": 123456789012345680000\n}');
    expect(JSON.parse(text).x).toBe(0.1 + 0.2);
  });
  it("writes non-finite numbers as strings instead of null", () => {
    expect(formatJson([NaN, Infinity, -Infinity])).toBe('["NaN", "Infinity", "-Infinity"]');
  });
  it("turns typed arrays into arrays and skips undefined fields", () => {
    expect(formatJson({ p: new Float64Array([0.5, 0.25]), u: undefined })).toBe('{\n  "p": [0.5, 0.25]\n}');
  });
  it("rejects bigints, naming where", () => {
    expect(() => formatJson({ a: [1n] })).toThrow(/value\.a\[0\]/);
  });
});

describe("sortKeysDeep", () => {
  it("sorts keys at every depth and keeps array order", () => {
    const sorted = sortKeysDeep({ b: 1, a: [{ z: 1, y: 2 }], C: { k: 1, j: 2 } });
    expect(JSON.stringify(sorted)).toBe('{"C":{"j":2,"k":1},"a":[{"y":2,"z":1}],"b":1}');
  });
});
