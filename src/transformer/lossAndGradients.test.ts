import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { createRng, deriveSeed } from "../rng/index.ts";
import { useBackend } from "./backend.ts";
import { dropoutPool } from "./dropoutPool.ts";
import { lossAndGradients } from "./lossAndGradients.ts";
import { crossEntropy, disposeParams, forward, initialParamValues, paramsFromValues } from "./model.ts";
import { transformerPreset } from "./presets.ts";

const model = transformerPreset("tiny").model;

beforeAll(async () => {
  await useBackend("wasm");
});

describe("lossAndGradients", () => {
  it("the hand-written backward pass gives tf.variableGrads's gradients of the same loss, dropout included", async () => {
    const variants = [
      { model: { ...model, dropout: 0.1 }, t: 16 },
      { model: { ...model, bias: true, tieWeights: false, layers: 2, heads: 4 }, t: 11 },
    ];
    for (const { model: m, t } of variants) {
      const params = paramsFromValues(initialParamValues(m, createRng(deriveSeed(7, "grads"))));
      const draw = createRng(8);
      const x = tf.tensor2d(Int32Array.from({ length: 3 * t }, () => Math.floor(draw.uniform() * 65)), [3, t], "int32");
      const y = tf.tensor1d(Int32Array.from({ length: 3 * t }, () => Math.floor(draw.uniform() * 65)), "int32");
      // Two pools from the same seed: both passes must draw the same masks in the same order.
      const pools = [dropoutPool(createRng(9), 0.1, 20_000), dropoutPool(createRng(9), 0.1, 20_000)];
      const ref = tf.variableGrads(() => crossEntropy(forward(params, m, x, { dropout: pools[0] }), y), Object.values(params));
      const mine = lossAndGradients(params, m, x, y, pools[1]);
      expect(Object.keys(mine.grads).sort()).toEqual(Object.keys(params).sort());
      expect(Math.abs((await mine.loss.data())[0] - (await ref.value.data())[0])).toBeLessThan(1e-5);
      for (const [name, v] of Object.entries(params)) {
        const a = (await ref.grads[v.name].data()) as Float32Array;
        const b = (await mine.grads[name].data()) as Float32Array;
        const scale = Math.max(1e-3, ...a.map(Math.abs));
        let d = 0;
        for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
        expect(d / scale, name).toBeLessThan(1e-4);
      }
      tf.dispose([x, y, ref.value, mine.loss, ...Object.values(ref.grads), ...Object.values(mine.grads)]);
      pools.forEach((p) => p.dispose());
      disposeParams(params);
    }
  });
});
