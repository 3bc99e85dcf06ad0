/**
 * Throughput of the transformer on one tfjs backend: training tokens/s (Adam steps on batches
 * of B windows of T tokens: B T target tokens per step) and sampling tokens/s (sampleBatch
 * streams advanced one token per forward pass, contexts of T tokens, as the experiment samples).
 * Warm-up steps (shader compilation, wasm start) are run before the timed ones.
 */
import { createRng, deriveSeed } from "../../src/rng/index.ts";
import { useBackend, type BackendInfo, type TransformerBackend } from "../../src/transformer/backend.ts";
import { disposeParams, initialParamValues, parameterCount } from "../../src/transformer/model.ts";
import { sampleStreams } from "../../src/transformer/nextToken.ts";
import type { TransformerPreset } from "../../src/transformer/presets.ts";
import { trainTransformer } from "../../src/transformer/train.ts";
import { windowSampler } from "../../src/transformer/textWindows.ts";

export interface ThroughputOptions {
  preset: TransformerPreset;
  backend: TransformerBackend;
  /** Timed training steps (after `warmup` untimed ones). */
  steps: number;
  /** Timed sampling: tokens generated per stream (sampleBatch streams, contexts of T tokens). */
  sampleSteps: number;
  warmup: number;
  seed: number;
  /** Training text (token ids). */
  tokens: Int32Array;
}

export interface ThroughputResult {
  backend: BackendInfo;
  preset: string;
  parameters: number;
  batchSize: number;
  contextLength: number;
  steps: number;
  trainSeconds: number;
  trainTokensPerSecond: number;
  sampleStreams: number;
  sampleSteps: number;
  sampleSeconds: number;
  sampleTokensPerSecond: number;
}

/** Measures training and sampling throughput on one backend (the validation pass is left out). */
export async function measureThroughput(o: ThroughputOptions): Promise<ThroughputResult> {
  const backend = await useBackend(o.backend);
  const preset = structuredClone(o.preset);
  const { model, train, protocol } = preset;
  const T = model.contextLength;
  const rng = createRng(deriveSeed(o.seed, "throughput"));
  const init = initialParamValues(model, rng);
  const validation = windowSampler([o.tokens], T, 1).next(rng);
  preset.train.iterations = o.warmup;
  const warm = await trainTransformer(preset, init, [o.tokens], validation, rng);
  disposeParams(warm.params);
  preset.train.iterations = o.steps;
  const started = performance.now();
  const trained = await trainTransformer(preset, init, [o.tokens], validation, rng);
  const trainSeconds = (performance.now() - started) / 1000;
  const b = protocol.sampleBatch;
  // Warm-up of the sampler: every context length 1..T once (shapes differ on webgpu).
  await sampleStreams(trained.params, model, rng, b, T + 1, 0, b);
  const prompt = Int32Array.from({ length: b }, () => 0);
  const s0 = performance.now();
  await sampleStreams(trained.params, model, rng, b, T + o.sampleSteps, prompt[0], b);
  const sampleSeconds = (performance.now() - s0) / 1000;
  disposeParams(trained.params);
  // Sampling time includes the T warm-up tokens of short contexts; count them too.
  const sampledTokens = b * (T + o.sampleSteps - 1);
  return {
    backend,
    preset: preset.name,
    parameters: parameterCount(init),
    batchSize: train.batchSize,
    contextLength: T,
    steps: o.steps,
    trainSeconds,
    trainTokensPerSecond: (o.steps * train.batchSize * T) / trainSeconds,
    sampleStreams: b,
    sampleSteps: T + o.sampleSteps - 1,
    sampleSeconds,
    sampleTokensPerSecond: sampledTokens / sampleSeconds,
  };
}
