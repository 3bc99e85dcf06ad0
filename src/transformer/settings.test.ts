import { describe, expect, it } from "vitest";
import { createRng } from "../rng/index.ts";
import { checkPreset, transformerPreset } from "./presets.ts";
import { parseSetting, transformerSchedule } from "./settings.ts";

describe("transformer settings", () => {
  it("maps the paper's names onto the loop engine's settings", () => {
    expect(parseSetting("fully-synthetic")).toMatchObject({ setting: "fully-synthetic", realShare: null });
    expect(parseSetting("mix-80")).toMatchObject({ setting: "partially-synthetic", realShare: 0.8 });
    expect(parseSetting("mix-50-fresh")).toMatchObject({ setting: "partially-synthetic-fresh", realShare: 0.5 });
    expect(parseSetting("most-recent-3")).toMatchObject({ setting: "most-recent", window: 3 });
    for (const bad of ["mix-0", "mix-100", "most-recent-0", "synthetic", ""]) expect(() => parseSetting(bad)).toThrow(/^setting/);
  });

  it("schedules documents: Fully Synthetic from m-1 only, mix-80 with the same 80% real every generation", () => {
    const rng = createRng(1);
    const fs = transformerSchedule(parseSetting("fully-synthetic"), 64);
    expect(fs.draws(1, rng)).toEqual([{ t: 0, count: 64 }]);
    expect(fs.draws(5, rng)).toEqual([{ t: 4, count: 64 }]);
    const mix = transformerSchedule(parseSetting("mix-80"), 64);
    expect(mix.corpusSize).toBe(51);
    expect(mix.freshReal).toBe(false);
    expect(mix.draws(1, rng)).toEqual([{ t: 0, count: 51 }]);
    expect(mix.draws(3, rng)).toEqual([{ t: 0, count: 51 }, { t: 2, count: 13 }]);
    const half = transformerSchedule(parseSetting("mix-50"), 64);
    expect(half.draws(2, rng)).toEqual([{ t: 0, count: 32 }, { t: 1, count: 32 }]);
  });

  it("presets: paper is Table 1, tiny is small, bad fields are named", () => {
    const paper = transformerPreset("paper");
    expect(paper.model).toMatchObject({ vocabSize: 65, contextLength: 128, embeddingDim: 256, layers: 8, heads: 4, dropout: 0.2 });
    expect(paper.train).toMatchObject({ learningRate: 1e-3, batchSize: 256, iterations: 2000 });
    expect(paper.protocol.contexts).toBe(300);
    expect(transformerPreset("tiny").protocol.contexts).toBe(300);
    expect(() => transformerPreset("huge")).toThrow(/^preset/);
    const bad = transformerPreset("tiny");
    bad.model.heads = 3;
    expect(() => checkPreset(bad)).toThrow(/^model\.heads/);
    const short = transformerPreset("tiny");
    short.protocol.streamLength = short.model.contextLength;
    expect(() => checkPreset(short)).toThrow(/^protocol\.streamLength/);
  });
});
