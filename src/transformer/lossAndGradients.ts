/**
 * The training loss of the transformer (model.ts) and its gradient with respect to every weight,
 * by a hand-written backward pass instead of tfjs's gradient tape: on small models the tape's
 * saved-tensor copies and transposed products cost more than the arithmetic (an Adam step on the
 * tiny preset, counted with tf.profile: 220 kernels, against 424 through tf.variableGrads).
 * Checked against tf.variableGrads of `forward` in lossAndGradients.test.ts and across backends
 * in backend.test.ts.
 */
import * as tf from "@tensorflow/tfjs";
import type { DropoutPool } from "./dropoutPool.ts";
import { causalMask, floatOneHot, type TransformerParams } from "./model.ts";
import type { ModelConfig } from "./presets.ts";

/**
 * a^T b for 2-D a [n, p] and b [n, q] by a plain product (tfjs-backend-wasm multiplies transposed
 * operands several times slower). The right operand of a product is repacked on every call, so the
 * narrower of a and b goes there: a^T b, or (b^T a)^T when p < q. `aT`: a^T when already at hand.
 */
function transposeTimes(a: tf.Tensor2D, b: tf.Tensor2D, aT?: tf.Tensor2D): tf.Tensor2D {
  return a.shape[1] < b.shape[1] && aT === undefined
    ? tf.transpose(tf.matMul(tf.transpose(b), a))
    : tf.matMul(aT ?? tf.transpose(a), b);
}

/** Layer norm of the rows of x [M, C] with what its backward pass needs. */
function layerNormForward(x: tf.Tensor2D, g: tf.Tensor, b: tf.Tensor | undefined) {
  const centred = tf.sub(x, tf.mean(x, -1, true));
  const rstd = tf.rsqrt(tf.add(tf.mean(tf.square(centred), -1, true), 1e-5));
  const xhat = tf.mul(centred, rstd);
  const y = tf.mul(xhat, g);
  return { y: (b === undefined ? y : tf.add(y, b)) as tf.Tensor2D, xhat, rstd };
}

/**
 * Backward pass of layer norm y = xhat g + b, xhat = (x - mean) rstd:
 * dx = rstd (dxhat - mean(dxhat) - xhat mean(dxhat xhat)) with dxhat = dy g; dg = sum_rows dy xhat.
 */
function layerNormBackward(dy: tf.Tensor2D, g: tf.Tensor, cache: { xhat: tf.Tensor; rstd: tf.Tensor }) {
  const { xhat, rstd } = cache;
  const dxhat = tf.mul(dy, g);
  const inner = tf.sub(tf.sub(dxhat, tf.mean(dxhat, -1, true)), tf.mul(xhat, tf.mean(tf.mul(dxhat, xhat), -1, true)));
  return { dx: tf.mul(inner, rstd) as tf.Tensor2D, dg: tf.sum(tf.mul(dy, xhat), 0), db: () => tf.sum(dy, 0) };
}

/**
 * The standard normal density phi(x) = exp(-x^2 / 2) / sqrt(2 pi), with exp(z) for z <= 0 taken
 * as s / (1 - s), s = sigmoid(z): tfjs-backend-wasm's Sigmoid is several times faster than its Exp.
 */
function normalDensity(x: tf.Tensor): tf.Tensor {
  const s = tf.sigmoid(tf.mul(tf.square(x), -0.5));
  return tf.div(tf.mul(s, 1 / Math.sqrt(2 * Math.PI)), tf.sub(1, s));
}

/**
 * The training loss (mean cross-entropy of `forward`'s logits against `targets`, the same function
 * and the same dropout draws) and its gradient with respect to every weight, by a hand-written
 * backward pass: no gradient tape, no saved-tensor copies, no transposed 2-D products. On small
 * models this is under half the kernels of tf.variableGrads of `forward`, and cheaper ones.
 * GELU'(x) = Phi(x) + x phi(x); softmax'(a) . da = a (da - sum(a da)); cross-entropy'
 * = (softmax - onehot) / M; the log-sum-exp of a row is max(logits) - log(max(softmax)).
 * Call inside tf.tidy. ids [B, t], targets [B t].
 */
export function lossAndGradients(
  params: TransformerParams,
  config: ModelConfig,
  ids: tf.Tensor2D,
  targets: tf.Tensor1D,
  dropout?: DropoutPool,
): { loss: tf.Scalar; grads: Record<string, tf.Tensor> } {
  const [B, t] = ids.shape;
  const { vocabSize: V, embeddingDim: C, heads: H, layers: L } = config;
  if (t > config.contextLength) throw new RangeError(`ids must have at most ${config.contextLength} positions, got ${t}`);
  const M = B * t;
  const hd = C / H;
  const scale = 1 / Math.sqrt(hd);
  const useDropout = dropout !== undefined && config.dropout > 0;
  const dropMask = (shape: number[]) => (useDropout ? dropout.mask(shape) : undefined);
  const bias = (name: string) => params[name] as tf.Tensor | undefined;
  const withBias = (y: tf.Tensor2D, b: tf.Tensor | undefined) => (b === undefined ? y : (tf.add(y, b) as tf.Tensor2D));
  const grads: Record<string, tf.Tensor> = {};

  // Forward, keeping what the backward pass needs.
  const onehot = floatOneHot(tf.reshape(ids, [M]), V);
  const embedded = tf.reshape(tf.add(tf.reshape(tf.matMul(onehot, params.wte as tf.Tensor2D), [B, t, C]), t === config.contextLength ? params.wpe : tf.slice(params.wpe, [0, 0], [t, C])), [M, C]) as tf.Tensor2D;
  const embedMask = dropMask([B, t, C]);
  let x = embedMask === undefined ? embedded : (tf.mul(embedded, tf.reshape(embedMask, [M, C])) as tf.Tensor2D);
  const toHeads = (y: tf.Tensor) => tf.reshape(tf.transpose(tf.reshape(y, [B, t, H, hd]), [0, 2, 1, 3]), [B * H, t, hd]) as tf.Tensor3D;
  const fromHeads = (y: tf.Tensor) => tf.reshape(tf.transpose(tf.reshape(y, [B, H, t, hd]), [0, 2, 1, 3]), [M, C]) as tf.Tensor2D;
  const blocks = [];
  for (let l = 0; l < L; l++) {
    const n = (name: string) => `h${l}.${name}`;
    const ln1 = layerNormForward(x, params[n("ln1.g")], bias(n("ln1.b")));
    const [q, k, v] = ["q", "k", "v"].map((part) =>
      toHeads(withBias(tf.matMul(ln1.y, params[n(`attn.${part}.w`)] as tf.Tensor2D), bias(n(`attn.${part}.b`)))),
    );
    const scores = tf.add(tf.mul(tf.matMul(q, k, false, true), scale), causalMask(t));
    const att = tf.softmax(scores);
    const attMask = dropMask([B, H, t, t]);
    const attDropped = attMask === undefined ? att : tf.mul(att, tf.reshape(attMask, [B * H, t, t]));
    const y = fromHeads(tf.matMul(attDropped, v));
    const proj = withBias(tf.matMul(y, params[n("attn.proj.w")] as tf.Tensor2D), bias(n("attn.proj.b")));
    const projMask = dropMask([B, t, C]);
    x = tf.add(x, projMask === undefined ? proj : tf.mul(proj, tf.reshape(projMask, [M, C]))) as tf.Tensor2D;
    const ln2 = layerNormForward(x, params[n("ln2.g")], bias(n("ln2.b")));
    const fc = withBias(tf.matMul(ln2.y, params[n("mlp.fc.w")] as tf.Tensor2D), bias(n("mlp.fc.b")));
    const phi = tf.add(tf.mul(tf.erf(tf.mul(fc, Math.SQRT1_2)), 0.5), 0.5);
    const gelu = tf.mul(fc, phi) as tf.Tensor2D;
    const mlp = withBias(tf.matMul(gelu, params[n("mlp.proj.w")] as tf.Tensor2D), bias(n("mlp.proj.b")));
    const mlpMask = dropMask([B, t, C]);
    x = tf.add(x, mlpMask === undefined ? mlp : tf.mul(mlp, tf.reshape(mlpMask, [M, C]))) as tf.Tensor2D;
    blocks.push({ ln1, q, k, v, att, attMask, attDropped, y, projMask, ln2, fc, phi, gelu, mlpMask });
  }
  const lnf = layerNormForward(x, params["lnf.g"], bias("lnf.b"));
  const logits = config.tieWeights
    ? tf.matMul(lnf.y, tf.transpose(params.wte as tf.Tensor2D))
    : tf.matMul(lnf.y, params["head.w"] as tf.Tensor2D);
  const probs = tf.softmax(logits);
  const targetHot = floatOneHot(targets, V);
  const logSumExp = tf.sub(tf.max(logits, 1), tf.log(tf.max(probs, 1)));
  const loss = tf.div(tf.sub(tf.sum(logSumExp), tf.sum(tf.mul(logits, targetHot))), M) as tf.Scalar;

  // Backward.
  const dLogits = tf.mul(tf.sub(probs, targetHot), 1 / M) as tf.Tensor2D;
  let headWte: tf.Tensor | undefined;
  let dx: tf.Tensor2D;
  if (config.tieWeights) {
    headWte = transposeTimes(dLogits, lnf.y);
    dx = tf.matMul(dLogits, params.wte as tf.Tensor2D);
  } else {
    grads["head.w"] = transposeTimes(lnf.y, dLogits);
    dx = tf.matMul(dLogits, tf.transpose(params["head.w"] as tf.Tensor2D));
  }
  const lnfGrad = layerNormBackward(dx, params["lnf.g"], lnf);
  grads["lnf.g"] = lnfGrad.dg;
  if (config.bias) grads["lnf.b"] = lnfGrad.db();
  dx = lnfGrad.dx;
  const linearBackward = (name: string, input: tf.Tensor2D, dOut: tf.Tensor2D, inputT?: tf.Tensor2D): tf.Tensor2D => {
    grads[`${name}.w`] = transposeTimes(input, dOut, inputT);
    if (config.bias) grads[`${name}.b`] = tf.sum(dOut, 0);
    return tf.matMul(dOut, tf.transpose(params[`${name}.w`] as tf.Tensor2D));
  };
  for (let l = L - 1; l >= 0; l--) {
    const n = (name: string) => `h${l}.${name}`;
    const c = blocks[l];
    const dMlp = c.mlpMask === undefined ? dx : (tf.mul(dx, tf.reshape(c.mlpMask, [M, C])) as tf.Tensor2D);
    const dGelu = linearBackward(n("mlp.proj"), c.gelu, dMlp);
    const dFc = tf.mul(dGelu, tf.add(c.phi, tf.mul(c.fc, normalDensity(c.fc)))) as tf.Tensor2D;
    const ln2Grad = layerNormBackward(linearBackward(n("mlp.fc"), c.ln2.y, dFc), params[n("ln2.g")], c.ln2);
    grads[n("ln2.g")] = ln2Grad.dg;
    if (config.bias) grads[n("ln2.b")] = ln2Grad.db();
    dx = tf.add(dx, ln2Grad.dx) as tf.Tensor2D;
    const dProj = c.projMask === undefined ? dx : (tf.mul(dx, tf.reshape(c.projMask, [M, C])) as tf.Tensor2D);
    const dY = toHeads(linearBackward(n("attn.proj"), c.y, dProj));
    const dV = tf.matMul(c.attDropped, dY, true, false);
    const dAttDropped = tf.matMul(dY, c.v, false, true);
    const dAtt = c.attMask === undefined ? dAttDropped : tf.mul(dAttDropped, tf.reshape(c.attMask, [B * H, t, t]));
    const dScores = tf.mul(tf.mul(c.att, tf.sub(dAtt, tf.sum(tf.mul(dAtt, c.att), -1, true))), scale) as tf.Tensor3D;
    const dQ = tf.matMul(dScores, c.k);
    const dK = tf.matMul(dScores, c.q, true, false);
    const h1T = tf.transpose(c.ln1.y);
    const dH1 = tf.addN(
      [dQ, dK, dV].map((d, i) => linearBackward(n(`attn.${"qkv"[i]}`), c.ln1.y, fromHeads(d), h1T)),
    ) as tf.Tensor2D;
    const ln1Grad = layerNormBackward(dH1, params[n("ln1.g")], c.ln1);
    grads[n("ln1.g")] = ln1Grad.dg;
    if (config.bias) grads[n("ln1.b")] = ln1Grad.db();
    dx = tf.add(dx, ln1Grad.dx) as tf.Tensor2D;
  }
  const dEmbedded = embedMask === undefined ? dx : (tf.mul(dx, tf.reshape(embedMask, [M, C])) as tf.Tensor2D);
  const dPos = tf.sum(tf.reshape(dEmbedded, [B, t, C]), 0);
  grads.wpe = t === config.contextLength ? dPos : tf.pad(dPos, [[0, config.contextLength - t], [0, 0]]);
  const embedWte = transposeTimes(onehot, dEmbedded);
  grads.wte = headWte === undefined ? embedWte : tf.add(embedWte, headWte);
  return { loss, grads };
}
