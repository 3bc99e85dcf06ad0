import chi2gof from "@stdlib/stats-chi2gof";
import { describe, expect, it } from "vitest";
import { createRng } from "../rng/index.ts";
import { countPairs } from "./countPairs.ts";
import { sampleText } from "./sampleText.ts";
import type { LanguageModel } from "./types.ts";

describe("sampleText", () => {
  it("follows deterministic tables", () => {
    const model: LanguageModel = { s: 2, contextLength: 1, contexts: [0, 1], tables: [Float64Array.of(0, 1), Float64Array.of(1, 0)] };
    expect(Array.from(sampleText(createRng(1), model, 4, [0]))).toEqual([1, 0, 1, 0]);
    expect(sampleText(createRng(1), model, 0, [1]).length).toBe(0);
  });

  it("draws next tokens from the context's table (chi-square per context)", () => {
    // order-2 model on 3 tokens, all 9 contexts; 60000 tokens; each context's next-token counts are
    // tested against its table at level 1e-6: false-alarm rate at most 9e-6 (fixed seed).
    const s = 3;
    const tables = Array.from({ length: 9 }, (_, j) => {
      const w = Float64Array.of(1 + j, 2 + ((j * 5) % 7), 3 + ((j * 3) % 4));
      const z = w.reduce((a, b) => a + b, 0);
      return w.map((v) => v / z);
    });
    const model: LanguageModel = { s, contextLength: 2, contexts: [...Array(9).keys()], tables };
    const text = sampleText(createRng(42), model, 60_000, [0, 1]);
    const counts = countPairs(Int32Array.from([0, 1, ...text]), s, 2);
    expect(counts.contexts.length).toBe(9);
    counts.contexts.forEach((j, i) => {
      expect(chi2gof(Array.from(counts.counts[i]), Array.from(tables[j])).pValue).toBeGreaterThan(1e-6);
    });
  });

  it("generates from a unigram model (l = 0) and is reproducible", () => {
    const model: LanguageModel = { s: 3, contextLength: 0, contexts: [0], tables: [Float64Array.of(0.2, 0, 0.8)] };
    const a = sampleText(createRng(5), model, 1000);
    expect(a.every((t) => t !== 1)).toBe(true);
    expect(sampleText(createRng(5), model, 1000)).toEqual(a);
  });

  it("rejects bad input naming the parameter", () => {
    const model: LanguageModel = { s: 2, contextLength: 1, contexts: [0], tables: [Float64Array.of(0, 1)] };
    expect(() => sampleText(createRng(1), model, 3, [0])).toThrow(/^model has no next-token table for context id 1/);
    expect(() => sampleText(createRng(1), model, 3, [])).toThrow(/^start/);
    expect(() => sampleText(createRng(1), model, 3, [2])).toThrow(/^start\[0\]/);
    expect(() => sampleText(createRng(1), model, -1, [0])).toThrow(/^length/);
    const bad: LanguageModel = { s: 2, contextLength: 0, contexts: [0], tables: [Float64Array.of(0.5, 0.6)] };
    expect(() => sampleText(createRng(1), bad, 1)).toThrow(/^model\.tables\[0\]/);
  });
});
