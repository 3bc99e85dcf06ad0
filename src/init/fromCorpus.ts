import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { countPairs } from "../model/countPairs.ts";
import { empiricalNextToken } from "../model/empiricalNextToken.ts";
import type { CountTable, LanguageModel } from "../model/types.ts";
import { checkIntegerAtLeast } from "../validate.ts";

/** Path of the bundled tiny Shakespeare corpus (data/tinyshakespeare.txt). */
export const CORPUS_PATH = fileURLToPath(new URL("../../data/tinyshakespeare.txt", import.meta.url));

/**
 * Reads a corpus as UTF-8 text (default: the paper's tiny Shakespeare, Sect. 4.1).
 * @example readCorpus().length; // => 1115394
 */
export function readCorpus(file: string = CORPUS_PATH): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    throw new RangeError(`file ${file} cannot be read: ${(e as Error).message}`);
  }
}

/**
 * Character tokenisation: the alphabet is the sorted (by code point) set of distinct characters,
 * token i is alphabet[i]. Source: Sect. 4.1 (character-level tokenizer, s = 65 on tiny Shakespeare).
 * @example characterTokens("abca"); // => { alphabet: ["a", "b", "c"], tokens: Int32Array [0, 1, 2, 0] }
 */
export function characterTokens(text: string): { alphabet: string[]; tokens: Int32Array } {
  if (typeof text !== "string") throw new TypeError("text must be a string");
  const chars = Array.from(text);
  const alphabet = [...new Set(chars)].sort((x, y) => (x.codePointAt(0) as number) - (y.codePointAt(0) as number));
  const index = new Map(alphabet.map((ch, i) => [ch, i]));
  const tokens = Int32Array.from(chars, (ch) => index.get(ch) as number);
  return { alphabet, tokens };
}

/** The character n-gram tables of a corpus (see fromCorpus). */
export interface CorpusModel {
  /** The s characters, sorted by code point; token i is alphabet[i]. */
  alphabet: string[];
  /** The corpus as tokens. */
  tokens: Int32Array;
  /** (context, next character) counts for the contexts present (those followed by a character). */
  counts: CountTable;
  /** Next-character tables p_{jk} = n_{jk} / N_j (Eq (2)); for l = 0 the single unigram table. */
  model: LanguageModel;
}

/**
 * Character n-gram tables of order l from a text: alphabet = sorted distinct characters (s of
 * them), for l = 0 the unigram distribution (one context, id 0), for l >= 1 the empirical
 * next-character table of every context of l characters that is followed by a character in the
 * text. Source: Sect. 2.1, Eq (2), on the corpus of Sect. 4.1.
 * @example fromCorpus(readCorpus(), 0).model.tables[0].length; // => 65
 */
export function fromCorpus(text: string, l: number): CorpusModel {
  checkIntegerAtLeast(l, "contextLength", 0);
  const { alphabet, tokens } = characterTokens(text);
  if (tokens.length <= l) throw new RangeError(`text must have more than contextLength = ${l} characters, got ${tokens.length}`);
  const counts = countPairs(tokens, alphabet.length, l);
  return { alphabet, tokens, counts, model: empiricalNextToken(counts) };
}
