import { describe, expect, it } from "vitest";
import { readTinyShakespeare } from "./corpus.ts";
import { charTokenizer, decode, encode, splitTrainValidation } from "./tokenizer.ts";

describe("character tokenizer", () => {
  it("sorts the distinct characters and round-trips text", () => {
    const tok = charTokenizer("hello");
    expect(tok.chars).toBe("ehlo");
    expect([...encode(tok, "hole")]).toEqual([1, 3, 2, 0]);
    expect(decode(tok, encode(tok, "hello"))).toBe("hello");
  });

  it("gives the paper's s = 65 on tiny Shakespeare, newline first", () => {
    const text = readTinyShakespeare();
    const tok = charTokenizer(text);
    expect(text.length).toBe(1_115_394);
    expect(tok.chars.length).toBe(65);
    expect(tok.chars[0]).toBe("\n");
    expect(tok.chars[1]).toBe(" ");
  });

  it("rejects characters and tokens outside the vocabulary", () => {
    const tok = charTokenizer("ab");
    expect(() => encode(tok, "abc")).toThrow(RangeError);
    expect(() => decode(tok, [2])).toThrow(/tokens\[0\]/);
    expect(() => charTokenizer("")).toThrow(RangeError);
  });

  it("splits 90/10 without overlap", () => {
    const tokens = Int32Array.from({ length: 10 }, (_, i) => i);
    const { train, validation } = splitTrainValidation(tokens, 0.9);
    expect([...train]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...validation]).toEqual([9]);
    expect(() => splitTrainValidation(tokens, 1)).toThrow(/trainFraction/);
  });
});
