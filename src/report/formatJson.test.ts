import { describe, expect, it } from "vitest";
import { formatJson, jsonChunks, jsonFile, sortKeysDeep } from "./formatJson.ts";

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

describe("jsonChunks and jsonFile (issue 10 (13): one writer, streamed)", () => {
  const value = { a: [1, NaN, "x"], b: [{ c: Infinity, d: undefined, f: () => 1 }, [2, 3], null], e: new Float32Array([0.5]), g: {}, h: [] };
  it("concatenate to formatJson's text (and a newline for a file)", () => {
    expect([...jsonChunks(value)].join("")).toBe(formatJson(value));
    expect([...jsonFile(value)].join("")).toBe(formatJson(value) + "\n");
    expect([...jsonChunks(undefined)].join("")).toBe("null");
  });
  it("come in bounded pieces: a long array of scalars is not one chunk", () => {
    const long = Array.from({ length: 100_000 }, (_, i) => i / 7);
    const chunks = [...jsonChunks({ long })];
    expect(chunks.join("")).toBe(formatJson({ long }));
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(100_000);
  });
  it("are produced lazily: nothing is formatted before it is asked for", () => {
    const bad = [{ ok: 1 }, { no: 1n }];
    const it = jsonChunks(bad);
    expect(it.next().value).toBe("[\n  ");
    expect(() => [...it]).toThrow(/value\[1\]\.no is a bigint/);
    expect(() => formatJson(new BigInt64Array(1))).toThrow(/bigint/);
  });
});

describe("sortKeysDeep", () => {
  it("sorts keys at every depth and keeps array order", () => {
    const sorted = sortKeysDeep({ b: 1, a: [{ z: 1, y: 2 }], C: { k: 1, j: 2 } });
    expect(JSON.stringify(sorted)).toBe('{"C":{"j":2,"k":1},"a":[{"y":2,"z":1}],"b":1}');
  });
});
