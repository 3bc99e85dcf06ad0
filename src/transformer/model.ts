/**
 * A decoder-only transformer (nanoGPT's GPT: GPT-2 blocks with pre-layer-norm, causal multi-head
 * self-attention, a GELU MLP of width 4C, dropout, a final layer norm and an LM head tied to the
 * token embedding), written with tfjs ops so that every backend computes the same function.
 * Embeddings are oneHot(ids) x matrix (the wasm backend has no gradient for `gather`).
 */
import * as tf from "@tensorflow/tfjs";
import type { Rng } from "../rng/index.ts";
import type { DropoutPool } from "./dropoutPool.ts";
import { gaussianArray } from "./gaussian.ts";
import type { ModelConfig } from "./presets.ts";

/** The trainable tensors by name (`wte`, `wpe`, `h0.attn.w`, ..., `lnf.g`, `head.w`). */
export type TransformerParams = Record<string, tf.Variable>;

/** Weights as plain arrays with their shapes: a model that outlives its backend. */
export interface ParamValues {
  [name: string]: { shape: number[]; values: Float32Array };
}

/**
 * Initial weights as in nanoGPT: N(0, 0.02^2) for embeddings and linear maps, N(0, (0.02/sqrt(2L))^2)
 * for the two residual projections of each of the L blocks, unit layer-norm gains, and zero biases
 * when `config.bias` (nanoGPT's train.py default is no biases).
 * All draws come from `rng`, in a fixed order, so the same seed gives the same model on any backend.
 * @example Object.keys(initialParamValues(tinyPreset.model, createRng(1))).length; // => 9
 */
export function initialParamValues(config: ModelConfig, rng: Rng): ParamValues {
  const { vocabSize: V, contextLength: T, embeddingDim: C, layers: L } = config;
  const out: ParamValues = {};
  const normal = (name: string, shape: number[], std: number) => {
    out[name] = { shape, values: gaussianArray(rng, shape.reduce((a, b) => a * b, 1), std) };
  };
  const constant = (name: string, shape: number[], value: number) => {
    if (value === 0 && !config.bias) return;
    out[name] = { shape, values: new Float32Array(shape.reduce((a, b) => a * b, 1)).fill(value) };
  };
  const residualStd = 0.02 / Math.sqrt(2 * L);
  normal("wte", [V, C], 0.02);
  normal("wpe", [T, C], 0.02);
  for (let l = 0; l < L; l++) {
    constant(`h${l}.ln1.g`, [C], 1);
    constant(`h${l}.ln1.b`, [C], 0);
    for (const part of ["q", "k", "v"]) {
      normal(`h${l}.attn.${part}.w`, [C, C], 0.02);
      constant(`h${l}.attn.${part}.b`, [C], 0);
    }
    normal(`h${l}.attn.proj.w`, [C, C], residualStd);
    constant(`h${l}.attn.proj.b`, [C], 0);
    constant(`h${l}.ln2.g`, [C], 1);
    constant(`h${l}.ln2.b`, [C], 0);
    normal(`h${l}.mlp.fc.w`, [C, 4 * C], 0.02);
    constant(`h${l}.mlp.fc.b`, [4 * C], 0);
    normal(`h${l}.mlp.proj.w`, [4 * C, C], residualStd);
    constant(`h${l}.mlp.proj.b`, [C], 0);
  }
  constant("lnf.g", [C], 1);
  constant("lnf.b", [C], 0);
  if (!config.tieWeights) normal("head.w", [C, V], 0.02);
  return out;
}

/** Uploads weights to the active backend as trainable variables. */
export function paramsFromValues(values: ParamValues): TransformerParams {
  const out: TransformerParams = {};
  for (const [name, { shape, values: v }] of Object.entries(values)) {
    const initial = tf.tensor(v, shape, "float32");
    out[name] = tf.variable(initial, true);
    initial.dispose();
  }
  return out;
}

/** Downloads the weights from the backend (asynchronously, as webgpu requires). */
export async function paramValues(params: TransformerParams): Promise<ParamValues> {
  const out: ParamValues = {};
  for (const [name, v] of Object.entries(params)) {
    out[name] = { shape: [...v.shape], values: (await v.data()) as Float32Array };
  }
  return out;
}

/** Frees the backend memory of the weights. */
export function disposeParams(params: TransformerParams): void {
  for (const v of Object.values(params)) v.dispose();
}

/** Number of trainable weights. */
export function parameterCount(values: ParamValues): number {
  return Object.values(values).reduce((a, p) => a + p.values.length, 0);
}

/** oneHot as float32 by a cast: tfjs-backend-wasm 4.22's OneHot ignores `dtype` and writes int32 bits. */
export function floatOneHot(ids: tf.Tensor, depth: number): tf.Tensor2D {
  return tf.cast(tf.oneHot(ids as tf.Tensor1D, depth), "float32") as tf.Tensor2D;
}

function layerNorm(x: tf.Tensor, g: tf.Tensor, b: tf.Tensor | undefined): tf.Tensor {
  const mean = tf.mean(x, -1, true);
  const centred = tf.sub(x, mean);
  const variance = tf.mean(tf.square(centred), -1, true);
  const y = tf.mul(tf.mul(centred, tf.rsqrt(tf.add(variance, 1e-5))), g);
  return b === undefined ? y : tf.add(y, b);
}

/** GELU(x) = x Phi(x) = x (1 + erf(x / sqrt 2)) / 2 (exact form, as torch.nn.GELU). */
function gelu(x: tf.Tensor): tf.Tensor {
  return tf.mul(tf.mul(x, 0.5), tf.add(tf.erf(tf.mul(x, Math.SQRT1_2)), 1));
}

/**
 * a b for 2-D a, b, whose gradients (dy b^T, a^T dy) transpose explicitly: tfjs-backend-wasm's
 * BatchMatMul with a transpose flag is several times slower than a transpose and a plain product.
 */
const matMul2d = tf.customGrad(((a: tf.Tensor, b: tf.Tensor, save: tf.GradSaveFunc) => {
  save([a, b]);
  return {
    value: tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => [
      tf.matMul(dy as tf.Tensor2D, tf.transpose(saved[1] as tf.Tensor2D)),
      tf.matMul(tf.transpose(saved[0] as tf.Tensor2D), dy as tf.Tensor2D),
    ],
  };
}) as unknown as Parameters<typeof tf.customGrad>[0]) as unknown as (a: tf.Tensor2D, b: tf.Tensor2D) => tf.Tensor2D;

function linear(x2d: tf.Tensor2D, w: tf.Tensor, b: tf.Tensor | undefined): tf.Tensor2D {
  const y = matMul2d(x2d, w as tf.Tensor2D);
  return b === undefined ? y : (tf.add(y, b) as tf.Tensor2D);
}

const masks = new WeakMap<object, Map<number, tf.Tensor2D>>();

/** The additive causal mask [t, t] (-1e9 above the diagonal), uploaded once per backend and t. */
export function causalMask(t: number): tf.Tensor2D {
  const backend = tf.backend();
  let byT = masks.get(backend);
  if (byT === undefined) masks.set(backend, (byT = new Map()));
  let mask = byT.get(t);
  if (mask === undefined || mask.isDisposed) {
    const m = new Float32Array(t * t);
    for (let i = 0; i < t; i++) for (let j = i + 1; j < t; j++) m[i * t + j] = -1e9;
    mask = tf.keep(tf.tensor2d(m, [t, t]));
    byT.set(t, mask);
  }
  return mask;
}

/**
 * Logits of the next token: ids [B, t] (t <= contextLength) -> [B * t, s] at every position, or
 * [B, s] at the last position only when `lastOnly` (the last block then computes the query,
 * residual and MLP of that position alone: what sampling needs, at a fraction of the cost).
 * With a dropout pool the pass is a training pass (dropout on); without one it is deterministic.
 * Call inside tf.tidy (or let the optimizer do so).
 */
export function forward(
  params: TransformerParams,
  config: ModelConfig,
  ids: tf.Tensor2D,
  options: { dropout?: DropoutPool; lastOnly?: boolean } = {},
): tf.Tensor2D {
  const [B, t] = ids.shape;
  const { vocabSize: V, embeddingDim: C, heads: H, layers: L } = config;
  if (t > config.contextLength) throw new RangeError(`ids must have at most ${config.contextLength} positions, got ${t}`);
  const { dropout, lastOnly = false } = options;
  const hd = C / H;
  const drop = (x: tf.Tensor): tf.Tensor => (dropout && config.dropout > 0 ? tf.mul(x, dropout.mask(x.shape)) : x);
  const tok = matMul2d(floatOneHot(tf.reshape(ids, [B * t]), V), params.wte as tf.Tensor2D);
  const pos = tf.slice(params.wpe, [0, 0], [t, C]);
  let x: tf.Tensor = drop(tf.add(tf.reshape(tok, [B, t, C]), pos));
  const scale = 1 / Math.sqrt(hd);
  const heads = (y: tf.Tensor, rows: number) => tf.transpose(tf.reshape(y, [B, rows, H, hd]), [0, 2, 1, 3]);
  for (let l = 0; l < L; l++) {
    const p = (name: string) => params[`h${l}.${name}`];
    const last = lastOnly && l === L - 1;
    const rows = last ? 1 : t;
    const h1 = tf.reshape(layerNorm(x, p("ln1.g"), p("ln1.b")), [B * t, C]) as tf.Tensor2D;
    const k = heads(linear(h1, p("attn.k.w"), p("attn.k.b")), t);
    const v = heads(linear(h1, p("attn.v.w"), p("attn.v.b")), t);
    const hq = last ? (tf.reshape(tf.slice(tf.reshape(h1, [B, t, C]), [0, t - 1, 0], [B, 1, C]), [B, C]) as tf.Tensor2D) : h1;
    if (last) x = tf.slice(x, [0, t - 1, 0], [B, 1, C]);
    const q = heads(linear(hq, p("attn.q.w"), p("attn.q.b")), rows);
    let scores = tf.mul(tf.matMul(q, k, false, true), scale);
    if (!last) scores = tf.add(scores, causalMask(t));
    const att = drop(tf.softmax(scores));
    const y = tf.reshape(tf.transpose(tf.matMul(att, v), [0, 2, 1, 3]), [B * rows, C]) as tf.Tensor2D;
    x = tf.add(x, tf.reshape(drop(linear(y, p("attn.proj.w"), p("attn.proj.b"))), [B, rows, C]));
    const h2 = tf.reshape(layerNorm(x, p("ln2.g"), p("ln2.b")), [B * rows, C]) as tf.Tensor2D;
    const m = linear(gelu(linear(h2, p("mlp.fc.w"), p("mlp.fc.b"))) as tf.Tensor2D, p("mlp.proj.w"), p("mlp.proj.b"));
    x = tf.add(x, tf.reshape(drop(m), [B, rows, C]));
  }
  const rows = lastOnly ? 1 : t;
  const hf = tf.reshape(layerNorm(x, params["lnf.g"], params["lnf.b"]), [B * rows, C]) as tf.Tensor2D;
  return config.tieWeights
    ? matMul2d(hf, tf.transpose(params.wte as tf.Tensor2D))
    : matMul2d(hf, params["head.w"] as tf.Tensor2D);
}

/**
 * Mean cross-entropy (nats per token) of the next-token logits [M, s] against targets [M].
 * -(1/M) sum_i log softmax(logits_i)[y_i], with the target picked by a one-hot product.
 */
export function crossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D): tf.Scalar {
  const V = logits.shape[1];
  const picked = tf.sum(tf.mul(tf.logSoftmax(logits), floatOneHot(targets, V)), 1);
  return tf.neg(tf.mean(picked)) as tf.Scalar;
}
