/**
 * Training one generation: Adam on seeded random windows of the training documents, from
 * initial weights, with the validation loss on held-out real text at log-spaced iterations
 * (the x axis of Figure 5's loss panels).
 */
import * as tf from "@tensorflow/tfjs";
import type { Rng } from "../rng/index.ts";
import { adam } from "./adam.ts";
import { dropoutPool } from "./dropoutPool.ts";
import { lossAndGradients } from "./lossAndGradients.ts";
import { crossEntropy, forward, paramsFromValues, type ParamValues, type TransformerParams } from "./model.ts";
import type { ModelConfig, TransformerPreset } from "./presets.ts";
import type { WindowBatch } from "./textWindows.ts";
import { windowSampler } from "./textWindows.ts";

/** A point of the loss curve. */
export interface LossPoint {
  iteration: number;
  trainLoss: number;
  validationLoss: number;
}

export interface TrainOutcome {
  params: TransformerParams;
  /** Validation (and current training-batch) loss at log-spaced iterations, the last one included. */
  curve: LossPoint[];
  /** Wall time of the training loop, loss-curve evaluations included. */
  seconds: number;
}

/**
 * Iterations 1, ..., total at which the loss curve is measured: round(total^(k/K)), k = 0..K, deduplicated.
 * @example logSpacedIterations(100, 4); // => [1, 3, 10, 32, 100]
 */
export function logSpacedIterations(total: number, points: number): number[] {
  const out = new Set<number>();
  for (let k = 0; k <= points; k++) out.add(Math.max(1, Math.round(total ** (k / points))));
  return [...out].sort((a, b) => a - b);
}

/**
 * Mean next-token cross-entropy (nats) of the model on fixed windows (dropout off).
 * Runs in chunks of `chunk` windows.
 */
export async function meanLoss(params: TransformerParams, model: ModelConfig, windows: WindowBatch, chunk: number): Promise<number> {
  const t = model.contextLength;
  const count = windows.inputs.length / t;
  let total = 0;
  for (let start = 0; start < count; start += chunk) {
    const b = Math.min(chunk, count - start);
    const loss = tf.tidy(() => {
      const x = tf.tensor2d(windows.inputs.subarray(start * t, (start + b) * t), [b, t], "int32");
      const y = tf.tensor1d(windows.targets.subarray(start * t, (start + b) * t), "int32");
      return crossEntropy(forward(params, model, x), y);
    });
    total += (await loss.data())[0] * b;
    loss.dispose();
  }
  return total / count;
}

/**
 * Trains a model of `preset.model` from `init` on `documents` for `preset.train.iterations` Adam
 * steps (beta1 0.9, beta2 from the preset, epsilon 1e-8) on batches drawn with `rng`; dropout masks
 * also come from `rng`. `validation` are the fixed held-out windows of the loss curve.
 */
export async function trainTransformer(
  preset: TransformerPreset,
  init: ParamValues,
  documents: Int32Array[],
  validation: WindowBatch,
  rng: Rng,
  onIteration?: (iteration: number) => void,
): Promise<TrainOutcome> {
  const { model, train } = preset;
  const t = model.contextLength;
  const B = train.batchSize;
  const sampler = windowSampler(documents, t, B);
  const params = paramsFromValues(init);
  const names = Object.keys(params);
  const variables = names.map((name) => params[name]);
  const optimizer = adam(variables, { learningRate: train.learningRate, beta1: 0.9, beta2: train.beta2, epsilon: 1e-8 });
  const C = model.embeddingDim;
  const poolSize = 2 * Math.max(B * model.heads * t * t, B * t * C);
  const pool = model.dropout > 0 ? dropoutPool(rng, model.dropout, poolSize) : undefined;
  const checkpoints = new Set(logSpacedIterations(train.iterations, 8));
  const curve: LossPoint[] = [];
  const chunk = Math.max(1, B);
  const started = performance.now();
  for (let it = 1; it <= train.iterations; it++) {
    const batch = sampler.next(rng);
    const x = tf.tensor2d(batch.inputs, [B, t], "int32");
    const y = tf.tensor1d(batch.targets, "int32");
    const loss = optimizer.stepWithGradients(() => {
      const { loss: value, grads } = lossAndGradients(params, model, x, y, pool);
      return { value, grads: names.map((name) => grads[name]) };
    });
    tf.dispose([x, y]);
    if (checkpoints.has(it)) {
      const trainLoss = (await loss.data())[0];
      const validationLoss = await meanLoss(params, model, validation, chunk);
      curve.push({ iteration: it, trainLoss, validationLoss });
    }
    loss.dispose();
    onIteration?.(it);
  }
  const seconds = (performance.now() - started) / 1000;
  optimizer.dispose();
  pool?.dispose();
  return { params, curve, seconds };
}
