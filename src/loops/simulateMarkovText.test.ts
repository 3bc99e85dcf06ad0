import { describe, expect, it } from "vitest";
import { createRng } from "../rng/index.ts";
import type { LanguageModel } from "../model/types.ts";
import { simulateMarkovText } from "./simulateMarkovText.ts";

/** A model over all s^l contexts from rows (context id = index). */
function full(s: number, l: number, rows: number[][]): LanguageModel {
  return { s, contextLength: l, contexts: rows.map((_, j) => j), tables: rows.map((r) => Float64Array.from(r)) };
}

const rows9 = Array.from({ length: 9 }, (_, j) => (j % 3 === 0 ? [0.2, 0.3, 0.5] : j % 3 === 1 ? [0.6, 0.4, 0] : [0.1, 0.1, 0.8]));

describe("simulateMarkovText (counts from autoregressive generation)", () => {
  it("counts L pairs per generation over at most min(c, L) contexts and never revives a collapsed context", () => {
    const rec = simulateMarkovText(createRng(2), { p0: full(3, 2, rows9), textLength: 50, generations: 200 });
    expect(rec.contexts).toBe(9);
    expect(rec.meanSigma).toHaveLength(201);
    for (let m = 1; m <= 200; m++) {
      const v = rec.contextsVisited[m];
      expect(v >= 1 && v <= 9).toBe(true);
      expect(rec.meanCount[m] * v).toBeCloseTo(50, 10);
      expect(rec.fractionCollapsed[m]).toBeGreaterThanOrEqual(rec.fractionCollapsed[m - 1]);
    }
    for (let j = 0; j < 9; j++) {
      const T = rec.contextT[j];
      if (T !== null) expect(rec.fractionCollapsed[T]).toBeGreaterThanOrEqual(1 / 9);
    }
  });

  it("T is the first generation with every context collapsed, and stopAtCollapse stops there", () => {
    const rows = [
      [0.5, 0.5],
      [0.5, 0.5],
    ];
    const a = simulateMarkovText(createRng(5), { p0: full(2, 1, rows), textLength: 10, generations: 500 });
    const b = simulateMarkovText(createRng(5), { p0: full(2, 1, rows), textLength: 10, generations: 500, stopAtCollapse: true });
    expect(a.T).not.toBeNull();
    expect(a.fractionCollapsed[a.T!]).toBe(1);
    expect(a.fractionCollapsed[a.T! - 1]).toBeLessThan(1);
    expect(a.meanSigma[a.T!]).toBe(1);
    expect(b.generations).toBe(a.T);
    expect(b.meanSigma).toEqual(a.meanSigma.slice(0, a.T! + 1));
    expect(a.T).toBe(Math.max(...(a.contextT as number[])));
  });

  it("a context not in the model restarts the text from the start distribution", () => {
    // Context 1 (last token 1) is not listed: after every token 1 the text restarts at context 0.
    const p0 = { s: 2, contextLength: 1, contexts: [0], tables: [Float64Array.of(0.5, 0.5)] };
    const rec = simulateMarkovText(createRng(1), { p0, textLength: 30, generations: 20 });
    expect(rec.contexts).toBe(1);
    expect(rec.contextsVisited.slice(1).every((v) => v === 1)).toBe(true);
    expect(rec.meanCount.slice(1).every((v) => v === 30)).toBe(true);
  });

  it("follows the context ids: with Dirac rows the text is a fixed cycle", () => {
    // s = 2, l = 2, id = 2 * older + newer. Rows: 00 -> 1, 01 -> 1, 11 -> 0, 10 -> 0 (ids 0, 1, 3, 2).
    // From 00 the text is 1 1 0 0 1 1 ...: contexts 00, 01, 11, 10 each visited L/4 times.
    const p0 = full(2, 2, [[0, 1], [0, 1], [1, 0], [1, 0]]);
    const rec = simulateMarkovText(createRng(1), { p0, start: [1, 0, 0, 0], textLength: 40, generations: 3 });
    expect(rec.contextsVisited.slice(1)).toEqual([4, 4, 4]);
    expect(rec.meanCount.slice(1)).toEqual([10, 10, 10]);
    expect(rec.contextT).toEqual([1, 1, 1, 1]);
    expect(rec.T).toBe(1);
  });

  it("records sigma_j^(m) and n_j^(m) per context on request: counts sum to L, sigmas average to meanSigma", () => {
    const cfg = { p0: full(3, 2, rows9), textLength: 30, generations: 40 };
    const plain = simulateMarkovText(createRng(4), cfg);
    expect(plain.contextSigma).toBeUndefined();
    const rec = simulateMarkovText(createRng(4), { ...cfg, recordContexts: true });
    // Recording draws nothing: the same run.
    expect(rec.meanSigma).toEqual(plain.meanSigma);
    expect(rec.contextSigma).toHaveLength(9);
    expect(rec.contextCount).toHaveLength(9);
    for (let m = 0; m <= 40; m++) {
      const counts = rec.contextCount!.map((c) => c[m]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(m === 0 ? 0 : 30);
      expect(counts.filter((c) => c > 0)).toHaveLength(rec.contextsVisited[m]);
      expect(rec.contextSigma!.reduce((a, c) => a + c[m], 0) / 9).toBeCloseTo(rec.meanSigma[m], 12);
    }
    expect(rec.contextSigma![0][0]).toBeCloseTo(0.04 + 0.09 + 0.25, 15);
  });

  it("validates by name", () => {
    const ok = { p0: full(2, 1, [[1, 0], [0, 1]]), textLength: 5, generations: 2 };
    expect(() => simulateMarkovText(createRng(1), { ...ok, recordContexts: 1 as unknown as boolean })).toThrow(/^recordContexts/);
    expect(() => simulateMarkovText(createRng(1), { ...ok, p0: full(2, 1, [[1, 0], [0.5, 0.6]]) })).toThrow(/^p0.tables\[1\]/);
    expect(() => simulateMarkovText(createRng(1), { ...ok, p0: full(2, 1, [[1, 0], [1, 0, 0]]) })).toThrow(/^p0.tables\[1\] must have length s = 2/);
    expect(() => simulateMarkovText(createRng(1), { ...ok, p0: { ...full(2, 1, [[1, 0]]), contexts: [2] } })).toThrow(/^contexts\[0\]/);
    expect(() => simulateMarkovText(createRng(1), { ...ok, p0: full(2, 1, []) })).toThrow(/^p0 must give/);
    expect(() => simulateMarkovText(createRng(1), { ...ok, textLength: 0 })).toThrow(/^textLength/);
    expect(() => simulateMarkovText(createRng(1), { ...ok, generations: 1.5 })).toThrow(/^generations/);
    expect(() => simulateMarkovText(createRng(1), { ...ok, start: [1] })).toThrow(/^start must have/);
  });
});
