import type { Rng } from "../rng/index.ts";
import { categoricalSampler } from "../sample/index.ts";
import { checkIntegerAtLeast, checkIntegerInRange } from "../validate.ts";
import { checkLanguageModel } from "./checkData.ts";
import type { LanguageModel } from "./types.ts";

/**
 * Autoregressive generation from an order-l model: with context j_t = (x_{t-l}, ..., x_{t-1})
 * (the l tokens of `start` first), x_t ~ Categorical(p_{j_t, .}). Returns the `length` new tokens
 * (start excluded). Each visited context gets an alias sampler once (O(s)), then O(1) per token.
 * A context the model has no table for is a RangeError (possible when the model lists only some
 * contexts, e.g. the corpus tables of fromCorpus). Source: Sect. 2.1 (the model as a generator,
 * Sect. 2.2's synthetic samples y^(t)).
 * @example sampleText(createRng(1), { s: 2, contextLength: 1, contexts: [0, 1], tables: [Float64Array.of(0, 1), Float64Array.of(1, 0)] }, 4, [0]);
 * // => Int32Array [1, 0, 1, 0]
 */
export function sampleText(rng: Rng, model: LanguageModel, length: number, start: ArrayLike<number> = []): Int32Array {
  checkLanguageModel(model);
  checkIntegerAtLeast(length, "length", 0);
  const { s, contextLength: l } = model;
  if (start.length !== l) throw new RangeError(`start must hold contextLength = ${l} tokens, got ${start.length}`);
  const index = new Map<number, number>();
  model.contexts.forEach((j, i) => index.set(j, i));
  const samplers: Array<((rng: Rng) => number) | undefined> = new Array(model.contexts.length);
  const top = l === 0 ? 1 : s ** (l - 1);
  let id = 0;
  for (let i = 0; i < l; i++) id = id * s + checkIntegerInRange(start[i], `start[${i}]`, 0, s - 1);
  const out = new Int32Array(length);
  for (let t = 0; t < length; t++) {
    const i = index.get(id);
    if (i === undefined) throw new RangeError(`model has no next-token table for context id ${id} (reached at step ${t})`);
    let draw = samplers[i];
    if (draw === undefined) {
      draw = categoricalSampler(model.tables[i]);
      samplers[i] = draw;
    }
    const tok = draw(rng);
    out[t] = tok;
    if (l > 0) id = (id % top) * s + tok;
  }
  return out;
}
