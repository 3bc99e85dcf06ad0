import { describe, expect, it } from "vitest";
import { contextId } from "../model/contextId.ts";
import { characterTokens, fromCorpus, readCorpus } from "./fromCorpus.ts";

describe("fromCorpus (tiny Shakespeare)", () => {
  const text = readCorpus();

  it("has 1,115,394 characters and 65 distinct ones, sorted", () => {
    const { alphabet, tokens } = characterTokens(text);
    expect(tokens.length).toBe(1_115_394);
    expect(alphabet.length).toBe(65);
    expect(alphabet[0]).toBe("\n");
    expect(alphabet[1]).toBe(" ");
    expect(alphabet.slice(-3)).toEqual(["x", "y", "z"]);
    for (let i = 1; i < 65; i++) expect(alphabet[i] > alphabet[i - 1]).toBe(true);
  });

  it("l = 0 gives the unigram distribution", () => {
    const { model, counts, alphabet } = fromCorpus(text, 0);
    expect(model.s).toBe(65);
    expect(model.contexts).toEqual([0]);
    const p = model.tables[0];
    expect(Math.abs(p.reduce((x, y) => x + y, 0) - 1)).toBeLessThan(1e-12);
    expect(counts.counts[0].reduce((x, y) => x + y, 0)).toBe(1_115_394);
    const e = alphabet.indexOf("e");
    const direct = text.split("").filter((ch) => ch === "e").length;
    expect(counts.counts[0][e]).toBe(direct);
    expect(p[e]).toBe(direct / 1_115_394);
  });

  it("l = 2 gives next-character tables for the contexts present, each summing to 1", () => {
    const { model, counts, alphabet } = fromCorpus(text, 2);
    expect(model.contextLength).toBe(2);
    let M = 0;
    counts.counts.forEach((row) => (M += row.reduce((x, y) => x + y, 0)));
    expect(M).toBe(1_115_394 - 2);
    for (const t of model.tables) expect(Math.abs(t.reduce((x, y) => x + y, 0) - 1)).toBeLessThan(1e-12);
    const th = model.contexts.indexOf(contextId([alphabet.indexOf("t"), alphabet.indexOf("h")], 65));
    expect(th).toBeGreaterThanOrEqual(0);
    const the = (text.match(/th(?=e)/g) ?? []).length;
    const thAny = (text.match(/th(?=[\s\S])/g) ?? []).length;
    expect(model.tables[th][alphabet.indexOf("e")]).toBeCloseTo(the / thAny, 14);
    for (let i = 1; i < model.contexts.length; i++) expect(model.contexts[i]).toBeGreaterThan(model.contexts[i - 1]);
  });

  it("works on a small text and rejects bad input", () => {
    const small = fromCorpus("abab", 1);
    expect(small.alphabet).toEqual(["a", "b"]);
    expect(small.model.contexts).toEqual([0, 1]);
    expect(Array.from(small.model.tables[0])).toEqual([0, 1]);
    expect(Array.from(small.model.tables[1])).toEqual([1, 0]);
    expect(() => fromCorpus("ab", 2)).toThrow(/^text/);
    expect(() => fromCorpus("ab", -1)).toThrow(/^contextLength/);
    expect(() => readCorpus("/no/such/file")).toThrow(/^file/);
  });
});
