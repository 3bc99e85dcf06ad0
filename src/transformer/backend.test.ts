/**
 * One suite over every backend: cpu (reference), wasm and webgpu (Dawn; on a machine without a
 * GPU, Mesa's software adapter through OpenGL ES in compatibility mode). They must agree on a
 * forward pass, on the gradients of a training loss, and, with the same seed, on sampled text.
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { createRng, deriveSeed } from "../rng/index.ts";
import { transformerBackends, useBackend } from "./backend.ts";
import { dropoutPool } from "./dropoutPool.ts";
import { lossAndGradients } from "./lossAndGradients.ts";
import { crossEntropy, disposeParams, forward, initialParamValues, paramsFromValues } from "./model.ts";
import { sampleStreams } from "./nextToken.ts";
import { transformerPreset } from "./presets.ts";

const preset = transformerPreset("tiny");
const model = { ...preset.model, bias: true };
const values = initialParamValues(model, createRng(deriveSeed(1, "backend-test")));
const B = 3;
const T = model.contextLength;
const draw = createRng(deriveSeed(2, "backend-test"));
const ids = Int32Array.from({ length: B * T }, () => Math.floor(draw.uniform() * model.vocabSize));
const targets = Int32Array.from({ length: B * T }, () => Math.floor(draw.uniform() * model.vocabSize));

interface Outcome {
  logits: Float32Array;
  grads: Record<string, Float32Array>;
  /** The same gradients from the hand-written backward pass (the one training uses). */
  manualGrads: Record<string, Float32Array>;
  text: number[];
}

async function runOn(backend: (typeof transformerBackends)[number]): Promise<Outcome> {
  await useBackend(backend);
  const params = paramsFromValues(values);
  const x = tf.tensor2d(ids, [B, T], "int32");
  const y = tf.tensor1d(targets, "int32");
  const logits = tf.tidy(() => forward(params, model, x));
  const { grads } = tf.variableGrads(() => crossEntropy(forward(params, model, x), y), Object.values(params));
  const gradData: Record<string, Float32Array> = {};
  for (const [name, v] of Object.entries(params)) gradData[name] = (await grads[v.name].data()) as Float32Array;
  const manual = tf.tidy(() => lossAndGradients(params, model, x, y).grads);
  const manualGrads: Record<string, Float32Array> = {};
  for (const name of Object.keys(params)) manualGrads[name] = (await manual[name].data()) as Float32Array;
  tf.dispose(Object.values(manual));
  const streams = await sampleStreams(params, model, createRng(deriveSeed(3, "backend-test")), 2, 24, 0, 2);
  const out = { logits: (await logits.data()) as Float32Array, grads: gradData, manualGrads, text: streams.flatMap((s) => [...s]) };
  tf.dispose([x, y, logits, ...Object.values(grads)]);
  disposeParams(params);
  return out;
}

function maxAbs(a: Float32Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

function maxDiff(a: Float32Array, b: Float32Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

describe("backends agree", () => {
  let ref: Outcome;
  beforeAll(async () => {
    ref = await runOn("cpu");
  });

  for (const backend of ["wasm", "webgpu"] as const) {
    it(`${backend} matches cpu: logits and gradients (tape and hand-written) within 1e-4, identical sampled text`, async (ctx) => {
      try {
        await useBackend(backend);
      } catch (err) {
        // Only a backend that cannot start here is skipped, and the reason is printed.
        const reason = `${backend} could not initialise: ${(err as Error).message}`;
        console.warn(reason);
        ctx.skip(reason);
        return;
      }
      const got = await runOn(backend);
      expect(maxDiff(ref.logits, got.logits)).toBeLessThan(1e-4);
      for (const name of Object.keys(ref.grads)) {
        const scale = Math.max(1e-3, maxAbs(ref.grads[name]));
        expect(maxDiff(ref.grads[name], got.grads[name]) / scale, name).toBeLessThan(1e-3);
        expect(maxDiff(ref.grads[name], got.manualGrads[name]) / scale, `${name} (hand-written)`).toBeLessThan(1e-3);
      }
      expect(got.text).toEqual(ref.text);
    });
  }

  it("an unknown backend is a RangeError naming backend", async () => {
    await expect(useBackend("gpu" as never)).rejects.toThrow(/^backend must be one of cpu, wasm, webgpu/);
  });
});

describe("backends agree at the paper's Table 1 shapes", () => {
  // C = 256, 8 layers, 4 heads of 64, dropout 0.2 (masks from the same seed on every backend);
  // 2 windows of 16 of the 128 positions, so that the cpu reference stays quick.
  const paper = transformerPreset("paper").model;
  const paperValues = initialParamValues(paper, createRng(deriveSeed(4, "backend-test")));
  const t = 16;
  const xs = ids.subarray(0, 2 * t);
  const ys = targets.subarray(0, 2 * t);

  async function trainingPass(backend: (typeof transformerBackends)[number]): Promise<{ loss: number; grads: Record<string, Float32Array> }> {
    await useBackend(backend);
    const params = paramsFromValues(paperValues);
    const x = tf.tensor2d(xs, [2, t], "int32");
    const y = tf.tensor1d(ys, "int32");
    const pool = dropoutPool(createRng(deriveSeed(5, "backend-test")), paper.dropout, 2 * Math.max(2 * paper.heads * t * t, 2 * t * paper.embeddingDim));
    const { loss, grads } = lossAndGradients(params, paper, x, y, pool);
    const out = { loss: (await loss.data())[0], grads: {} as Record<string, Float32Array> };
    for (const name of ["wte", "h0.attn.q.w", "h7.mlp.proj.w", "lnf.g"]) out.grads[name] = (await grads[name].data()) as Float32Array;
    tf.dispose([x, y, loss, ...Object.values(grads)]);
    pool.dispose();
    disposeParams(params);
    return out;
  }

  it("wasm and webgpu match cpu on the training loss and gradients, dropout on", async (ctx) => {
    const ref = await trainingPass("cpu");
    for (const backend of ["wasm", "webgpu"] as const) {
      try {
        await useBackend(backend);
      } catch (err) {
        ctx.skip(`${backend} could not initialise: ${(err as Error).message}`);
        return;
      }
      const got = await trainingPass(backend);
      expect(Math.abs(got.loss - ref.loss), backend).toBeLessThan(1e-4);
      for (const name of Object.keys(ref.grads)) {
        const scale = Math.max(1e-3, maxAbs(ref.grads[name]));
        expect(maxDiff(ref.grads[name], got.grads[name]) / scale, `${backend} ${name}`).toBeLessThan(1e-3);
      }
    }
  });
});
