import { describe, expect, it } from "vitest";
import { contextId, contextTokens } from "./contextId.ts";

describe("contextId / contextTokens", () => {
  it("numbers contexts in base s, oldest token most significant", () => {
    expect(contextId([1, 2], 3)).toBe(5);
    expect(contextId([], 7)).toBe(0);
    expect(contextId([2, 2, 2, 2], 3)).toBe(80);
    expect(contextTokens(5, 3, 2)).toEqual([1, 2]);
    expect(contextTokens(0, 5, 0)).toEqual([]);
    for (let id = 0; id < 81; id++) expect(contextId(contextTokens(id, 3, 4), 3)).toBe(id);
    expect(contextId(new Array(8).fill(64), 65)).toBe(65 ** 8 - 1);
  });
  it("rejects bad input naming the parameter", () => {
    expect(() => contextId([3], 3)).toThrow(/^tokens\[0\]/);
    expect(() => contextId([0.5], 3)).toThrow(TypeError);
    expect(() => contextId(new Array(10).fill(0), 65)).toThrow(/^contextLength/);
    expect(() => contextTokens(9, 3, 2)).toThrow(/^id/);
    expect(() => contextId([0], 0)).toThrow(/^s /);
  });
});
