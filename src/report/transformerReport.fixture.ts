/**
 * A small hand-made transformer run record for the report's tests: two settings (fully-synthetic
 * with Theorem 1's S_m, mix-80), generations 0..3, four contexts, round numbers.
 */
import type { GenerationRecord, SettingRecord, TransformerExperimentRecord } from "../transformer/experiment.ts";
import { tinyPreset } from "../transformer/presets.ts";

function generation(m: number, v: { l1: number | null; l0: number; loss: number; sigma: number; entropy: number; S: number | null }, tokens: { real: number; synthetic: number }): GenerationRecord {
  const four = (x: number) => [x, x, x, x];
  return {
    generation: m,
    trainingTokens: { ...tokens, documents: 4 },
    // Documents of 64 tokens: real ones from t = 0, synthetic ones from model m - 1.
    sources:
      m === 0
        ? [{ t: 0, documents: 1 }]
        : [
            ...(tokens.real > 0 ? [{ t: 0, documents: tokens.real / 64 }] : []),
            ...(tokens.synthetic > 0 ? [{ t: m - 1, documents: tokens.synthetic / 64 }] : []),
          ],
    lossCurve: [
      { iteration: 1, trainLoss: 4.2, validationLoss: 4.1 },
      { iteration: 10, trainLoss: 3.4, validationLoss: Number((3.3 + m / 100).toFixed(2)) },
      { iteration: 100, trainLoss: v.loss - 0.05, validationLoss: v.loss },
    ],
    validationLoss: v.loss,
    l1FromFirst: v.l1,
    l1FromGroundTruth: v.l0,
    sigma: v.sigma,
    entropy: v.entropy,
    support: 65,
    theorem1S: v.S,
    impliedNMedian: m === 0 ? null : 250,
    perContext: {
      l1FromFirst: v.l1 === null ? null : four(v.l1),
      l1FromGroundTruth: four(v.l0),
      // Context 3 is the only one whose sigma exceeds the prediction.
      sigma: [v.sigma, v.sigma, v.sigma, 0.99],
      entropy: four(v.entropy),
      support: four(65),
      suffixCountSynthetic: [0, 1, 2, 5],
      suffixCountReal: [0, 0, 0, 0],
      theorem1S: v.S === null ? null : [v.S, 1, v.S, v.S],
      impliedN: four(250),
    },
    sampleExcerpt: m === 0 ? null : `gen ${m} text`,
    seconds: { train: 1, sample: 0.1, measure: 0.01 },
  };
}

/** The fixture record; `edit` may change it (a fresh copy every call). */
export function fakeTransformerRecord(): TransformerExperimentRecord {
  const g0 = generation(0, { l1: null, l0: 0, loss: 2.7, sigma: 0.12, entropy: 2.8, S: null }, { real: 1000, synthetic: 0 });
  const fs: SettingRecord = {
    setting: "fully-synthetic",
    engineSetting: "fully-synthetic",
    realShare: null,
    window: null,
    generations: [
      g0,
      generation(1, { l1: 0, l0: 0.35, loss: 2.68, sigma: 0.13, entropy: 2.75, S: 0.3 }, { real: 256, synthetic: 0 }),
      generation(2, { l1: 0.4, l0: 0.45, loss: 2.9, sigma: 0.12, entropy: 2.85, S: 0.5 }, { real: 0, synthetic: 256 }),
      generation(3, { l1: 0.6, l0: 0.65, loss: 3.25, sigma: 0.1, entropy: 2.95, S: 0.8 }, { real: 0, synthetic: 256 }),
    ],
  };
  const mix: SettingRecord = {
    setting: "mix-80",
    engineSetting: "partially-synthetic",
    realShare: 0.8,
    window: null,
    generations: [
      g0,
      generation(1, { l1: 0, l0: 0.4, loss: 2.71, sigma: 0.14, entropy: 2.7, S: null }, { real: 192, synthetic: 0 }),
      generation(2, { l1: 0.3, l0: 0.4, loss: 2.73, sigma: 0.13, entropy: 2.79, S: null }, { real: 192, synthetic: 64 }),
      generation(3, { l1: 0.25, l0: 0.39, loss: 2.75, sigma: 0.135, entropy: 2.74, S: null }, { real: 192, synthetic: 64 }),
    ],
  };
  return structuredClone({
    kind: "transformer-recursion",
    version: 1,
    preset: tinyPreset,
    parameters: 14976,
    backend: { backend: "cpu", device: "CPU (tfjs cpu)" },
    seed: 7,
    generations: 3,
    realSource: "corpus",
    corpus: { characters: 1115394, vocabulary: "abc", trainTokens: 1003854, validationTokens: 111540, trainFraction: 0.9 },
    notes: ["First protocol note.", "Second protocol note."],
    contexts: ["ctx a", "ctx b", "ctx c", "ctx d"],
    settings: [fs, mix],
    seconds: 12.5,
  } satisfies TransformerExperimentRecord);
}
