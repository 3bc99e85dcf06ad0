import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fromJson, parseDistribution } from "./fromJson.ts";

describe("fromJson", () => {
  const dir = mkdtempSync(join(tmpdir(), "init-json-"));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it("reads an array or { p: [...] }", () => {
    expect(Array.from(fromJson(file("a.json", "[0.25, 0.75]")))).toEqual([0.25, 0.75]);
    expect(Array.from(fromJson(file("b.json", '{"p": [0.5, 0, 0.5]}')))).toEqual([0.5, 0, 0.5]);
    expect(Array.from(parseDistribution([1]))).toEqual([1]);
  });

  it("rejects bad files naming the parameter", () => {
    expect(() => fromJson(file("c.json", "[0.5, 0.6]"))).toThrow(RangeError);
    expect(() => fromJson(file("c.json", "[0.5, 0.6]"))).toThrow(/^file .*p must sum to 1/);
    expect(() => fromJson(file("d.json", "[0.5, -0.5, 1]"))).toThrow(/^file .*p\[1\]/);
    expect(() => fromJson(file("e.json", '[0.5, "x"]'))).toThrow(TypeError);
    expect(() => fromJson(file("f.json", '{"q": [1]}'))).toThrow(TypeError);
    expect(() => fromJson(file("g.json", "not json"))).toThrow(/^file .*not valid JSON/);
    expect(() => fromJson(join(dir, "missing.json"))).toThrow(/^file .*cannot be read/);
    expect(() => fromJson("")).toThrow(/^file/);
  });
});
