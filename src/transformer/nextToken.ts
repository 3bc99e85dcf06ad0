/**
 * Next-token distributions of a trained model, read back as float64 probability vectors: the
 * model's p^(m)(. | context) for given contexts, and text sampled from it token by token with the
 * project's categorical sampler (tfjs's multinomial differs per backend; ours makes one seed
 * govern the whole run).
 */
import * as tf from "@tensorflow/tfjs";
import type { Rng } from "../rng/index.ts";
import { categorical } from "../sample/index.ts";
import { forward, type TransformerParams } from "./model.ts";
import type { ModelConfig } from "./presets.ts";

/**
 * Softmax of the last position's logits for each row of `contexts` ([b, t], t <= contextLength),
 * renormalised in float64 so each row sums to 1 within 1e-15. Returns b vectors of length s.
 */
export async function nextTokenDistributions(
  params: TransformerParams,
  model: ModelConfig,
  contexts: Int32Array,
  b: number,
): Promise<Float64Array[]> {
  const t = contexts.length / b;
  const V = model.vocabSize;
  const probs = tf.tidy(() => {
    const x = tf.tensor2d(contexts, [b, t], "int32");
    return tf.softmax(forward(params, model, x, { lastOnly: true }));
  });
  const flat = (await probs.data()) as Float32Array;
  probs.dispose();
  const out: Float64Array[] = [];
  for (let i = 0; i < b; i++) {
    const p = Float64Array.from(flat.subarray(i * V, (i + 1) * V));
    let sum = 0;
    for (let k = 0; k < V; k++) sum += p[k];
    for (let k = 0; k < V; k++) p[k] /= sum;
    out.push(p);
  }
  return out;
}

/**
 * Distributions at many contexts of length t (rows of `contexts`), in chunks of `chunk` rows.
 */
export async function distributionsAt(
  params: TransformerParams,
  model: ModelConfig,
  contexts: Int32Array[],
  chunk: number,
): Promise<Float64Array[]> {
  const out: Float64Array[] = [];
  for (let start = 0; start < contexts.length; start += chunk) {
    const rows = contexts.slice(start, start + chunk);
    const t = rows[0].length;
    const flat = new Int32Array(rows.length * t);
    rows.forEach((r, i) => flat.set(r, i * t));
    out.push(...(await nextTokenDistributions(params, model, flat, rows.length)));
  }
  return out;
}

/**
 * `count` text streams of `length` tokens sampled from the model at temperature 1: each starts
 * with `prompt` and continues with token x_{k+1} ~ Categorical(p(. | last contextLength tokens)).
 * Streams are advanced `batch` at a time; draws come from `rng` in stream-major order per step.
 */
export async function sampleStreams(
  params: TransformerParams,
  model: ModelConfig,
  rng: Rng,
  count: number,
  length: number,
  prompt: number,
  batch: number,
): Promise<Int32Array[]> {
  const out: Int32Array[] = [];
  const T = model.contextLength;
  for (let start = 0; start < count; start += batch) {
    const b = Math.min(batch, count - start);
    const streams = Array.from({ length: b }, () => {
      const s = new Int32Array(length);
      s[0] = prompt;
      return s;
    });
    for (let k = 1; k < length; k++) {
      const t = Math.min(k, T);
      const ctx = new Int32Array(b * t);
      streams.forEach((s, i) => ctx.set(s.subarray(k - t, k), i * t));
      const dists = await nextTokenDistributions(params, model, ctx, b);
      for (let i = 0; i < b; i++) streams[i][k] = categorical(rng, dists[i]);
    }
    out.push(...streams);
  }
  return out;
}
