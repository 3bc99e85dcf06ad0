/**
 * The character-level tokenizer of the paper's transformer experiment (Sect. 4.1, nanoGPT's
 * shakespeare_char): the vocabulary is the sorted set of characters of the corpus (s = 65 for
 * tiny Shakespeare) and a token is the index of its character.
 */

/** A character vocabulary, as plain data: token i is `chars[i]`. */
export interface CharTokenizer {
  /** The vocabulary in code-point order; its length is s. */
  chars: string;
}

/**
 * The tokenizer whose vocabulary is the distinct characters of `text`, sorted by code point.
 * @example charTokenizer("hello").chars; // => "ehlo"
 */
export function charTokenizer(text: string): CharTokenizer {
  if (typeof text !== "string") throw new TypeError("text must be a string");
  if (text.length === 0) throw new RangeError("text must not be empty");
  const set = [...new Set(text)].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
  return { chars: set.join("") };
}

/**
 * Tokens of `text` under `tokenizer`; a character outside the vocabulary is a RangeError.
 * @example encode(charTokenizer("hello"), "hole"); // => Int32Array [1, 3, 2, 0]
 */
export function encode(tokenizer: CharTokenizer, text: string): Int32Array {
  const index = new Map<string, number>();
  [...tokenizer.chars].forEach((c, i) => index.set(c, i));
  const chars = [...text];
  const out = new Int32Array(chars.length);
  for (let i = 0; i < chars.length; i++) {
    const k = index.get(chars[i]);
    if (k === undefined) throw new RangeError(`text[${i}] = ${JSON.stringify(chars[i])} is not in the vocabulary`);
    out[i] = k;
  }
  return out;
}

/**
 * The text of `tokens` under `tokenizer`.
 * @example decode(charTokenizer("hello"), [1, 3, 2, 0]); // => "hole"
 */
export function decode(tokenizer: CharTokenizer, tokens: ArrayLike<number>): string {
  const chars = [...tokenizer.chars];
  let out = "";
  for (let i = 0; i < tokens.length; i++) {
    const c = chars[tokens[i]];
    if (c === undefined) throw new RangeError(`tokens[${i}] = ${tokens[i]} is outside [0, ${chars.length})`);
    out += c;
  }
  return out;
}

/**
 * Splits a token sequence into a training prefix and a validation suffix (nanoGPT: 90/10).
 * @example splitTrainValidation(Int32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 0.9).validation; // => Int32Array [10]
 */
export function splitTrainValidation(tokens: Int32Array, trainFraction: number): { train: Int32Array; validation: Int32Array } {
  if (!(trainFraction > 0 && trainFraction < 1)) throw new RangeError(`trainFraction must lie in (0, 1), got ${trainFraction}`);
  const cut = Math.floor(tokens.length * trainFraction);
  return { train: tokens.subarray(0, cut), validation: tokens.subarray(cut) };
}
