/**
 * The acceptance test of the transformer regime (Figure 5, tiny preset, wasm backend, fixed seed):
 * after 4 generations, Fully Synthetic has drifted further from p^(1) than the 80%-real mix.
 * Margins ||p^(4) - p^(1)||_1 (FS minus mix-80) measured for seeds 1..5: 0.273, 0.442, 0.246,
 * 0.215, 0.128; the test asks for 0.05. The validation-loss gap (FS minus mix-80) was 0.28..0.53.
 * About 15 s of CPU time (9 trainings of 100 Adam steps on the wasm backend).
 */
import { describe, expect, it } from "vitest";
import { readTinyShakespeare } from "./corpus.ts";
import { runTransformerExperiment, type TransformerExperimentRecord } from "./experiment.ts";
import { transformerPreset } from "./presets.ts";

describe("transformer recursion (tiny preset)", () => {
  let record: TransformerExperimentRecord;

  it("runs generation 0 and 4 generations of fully-synthetic and mix-80", async () => {
    record = await runTransformerExperiment({
      preset: transformerPreset("tiny"),
      settings: ["fully-synthetic", "mix-80"],
      generations: 4,
      seed: 1,
      backend: "wasm",
      corpus: readTinyShakespeare(),
    });
    expect(record.settings.map((s) => s.setting)).toEqual(["fully-synthetic", "mix-80"]);
    expect(record.contexts).toHaveLength(300);
    expect(record.contexts.every((c) => c.length === 16)).toBe(true);
    for (const s of record.settings) {
      expect(s.generations.map((g) => g.generation)).toEqual([0, 1, 2, 3, 4]);
      expect(s.generations[1].l1FromFirst).toBe(0);
      expect(s.generations[0].l1FromGroundTruth).toBe(0);
      for (const g of s.generations) {
        expect(g.perContext.sigma).toHaveLength(300);
        expect(g.support).toBeLessThanOrEqual(65);
        expect(g.sigma).toBeGreaterThan(1 / 65);
        expect(g.entropy).toBeLessThan(Math.log(65));
      }
    }
    const [fs, mix] = record.settings;
    expect(fs.generations[4].trainingTokens).toEqual({ real: 0, synthetic: 4096, documents: 64 });
    expect(fs.generations[1].trainingTokens).toEqual({ real: 4096, synthetic: 0, documents: 64 });
    expect(mix.generations[4].trainingTokens).toEqual({ real: 51 * 64, synthetic: 13 * 64, documents: 64 });
    expect(fs.generations[4].theorem1S).toBeGreaterThan(fs.generations[0].sigma);
    expect(mix.generations[4].theorem1S).toBeNull();
    // Generation 0 learned something: better than the unigram entropy of the corpus (about 3.3 nats).
    expect(fs.generations[0].validationLoss).toBeLessThan(2.9);
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
  });

  it("Fully Synthetic drifts further from p^(1) than 80% real, and its validation loss is higher", () => {
    const [fs, mix] = record.settings;
    const last = (s: (typeof record.settings)[number]) => s.generations[s.generations.length - 1];
    const margin = last(fs).l1FromFirst! - last(mix).l1FromFirst!;
    console.log(
      `||p^(4) - p^(1)||_1: fully-synthetic ${last(fs).l1FromFirst}, mix-80 ${last(mix).l1FromFirst} (margin ${margin.toFixed(3)}); ` +
        `validation loss ${last(fs).validationLoss} vs ${last(mix).validationLoss}`,
    );
    expect(margin).toBeGreaterThan(0.05);
    expect(last(fs).validationLoss).toBeGreaterThan(last(mix).validationLoss + 0.1);
    // Fully Synthetic keeps drifting: generation 4 is further from p^(1) than generation 2.
    expect(last(fs).l1FromFirst!).toBeGreaterThan(fs.generations[2].l1FromFirst!);
  });
});
