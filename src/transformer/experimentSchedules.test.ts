/**
 * End-to-end checks of the transformer experiment's other settings (most-recent-K,
 * randomly-sampled, accumulate, mix-R-fresh): each generation trains on the documents that the
 * setting's n_t^(m) (Eq (5), Sect. 4.2, src/loops) prescribes, counted in `sources`.
 * A micro preset (tiny's model, 3 Adam steps, 8 documents of 64 tokens a generation, wasm backend,
 * seed 1) keeps the run near 3 s: the models learn nothing, only the bookkeeping is under test.
 * theorySuffixLength = 1 makes perContext.suffixCountReal a fingerprint of the real documents
 * (the count, in them, of each context's last character), which tells whether two generations
 * trained on the same real documents. Everything is deterministic (fixed seed, no tolerance).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { trainingCounts } from "../loops/index.ts";
import { createRng } from "../rng/index.ts";
import { readTinyShakespeare } from "./corpus.ts";
import { type GenerationRecord, runTransformerExperiment, type SettingRecord, type TransformerExperimentRecord } from "./experiment.ts";
import { transformerPreset, type TransformerPreset } from "./presets.ts";
import { parseSetting, transformerSchedule } from "./settings.ts";

const L = 64;
const n = 8;
const G = 4;

function microPreset(): TransformerPreset {
  const preset = transformerPreset("tiny");
  preset.name = "micro";
  preset.train.iterations = 3;
  Object.assign(preset.protocol, { tokensPerGeneration: n * L, streamLength: L, contexts: 16, validationWindows: 8, sampleBatch: 8, theorySuffixLength: 1 });
  return preset;
}

type Sources = GenerationRecord["sources"];
const fromCounts = (counts: number[]): Sources => counts.flatMap((documents, t) => (documents > 0 ? [{ t, documents }] : []));
const documentsFrom = (g: GenerationRecord, t: number) => g.sources.find((s) => s.t === t)?.documents ?? 0;
const total = (g: GenerationRecord) => g.sources.reduce((a, s) => a + s.documents, 0);

/** n_t^(m) written out from the definitions (src/loops/settings.ts, Sect. 4.2), not from the engine's code. */
function prescribed(setting: string, m: number): Sources {
  const range = (from: number, to: number, documents: number) => Array.from({ length: to - from + 1 }, (_, i) => ({ t: from + i, documents }));
  const window = /^most-recent-(\d+)$/.exec(setting);
  if (window) {
    const K = Number(window[1]);
    return range(Math.max(0, m - K), m - 1, Math.floor(n / K));
  }
  if (setting === "accumulate") return range(0, m - 1, n);
  if (setting === "mix-50-fresh") return m === 1 ? [{ t: 0, documents: 4 }] : [{ t: 0, documents: 4 }, { t: m - 1, documents: 4 }];
  throw new Error(`no fixed prescription for ${setting}`);
}

describe("transformer recursion: most-recent-K, randomly-sampled, accumulate, mix-R-fresh (micro preset)", () => {
  const names = ["most-recent-2", "randomly-sampled", "accumulate", "mix-50-fresh", "most-recent-8"];
  let record: TransformerExperimentRecord;
  const bySetting = (name: string): SettingRecord => record.settings.find((s) => s.setting === name)!;
  const fingerprint = (name: string, m: number) => bySetting(name).generations[m].perContext.suffixCountReal;

  beforeAll(async () => {
    // Completing at all checks the history pruning: most-recent-2 at m = 4 samples model 2, and
    // randomly-sampled needs every earlier model; a pruned model would make the run throw.
    record = await runTransformerExperiment({ preset: microPreset(), settings: names, generations: G, seed: 1, backend: "wasm", corpus: readTinyShakespeare() });
  });

  it("every generation's sources are the setting's n_t^(m), and trainingTokens = sources x streamLength", () => {
    expect(record.settings.map((s) => s.setting)).toEqual(names);
    for (const s of record.settings) {
      expect(s.generations.map((g) => g.generation)).toEqual([0, 1, 2, 3, 4]);
      expect(s.generations[0].sources).toEqual([{ t: 0, documents: 1 }]);
      expect(s.generations[0].trainingTokens).toEqual({ real: record.corpus.trainTokens, synthetic: 0, documents: 1 });
      const schedule = transformerSchedule(parseSetting(s.setting), n);
      for (const g of s.generations.slice(1)) {
        const m = g.generation;
        const ts = g.sources.map((x) => x.t);
        expect(ts).toEqual([...new Set(ts)].sort((a, b) => a - b));
        expect(ts.every((t) => t >= 0 && t < m)).toBe(true);
        expect(g.sources.every((x) => Number.isInteger(x.documents) && x.documents >= 1)).toBe(true);
        expect(g.trainingTokens).toEqual({ real: documentsFrom(g, 0) * L, synthetic: (total(g) - documentsFrom(g, 0)) * L, documents: total(g) });
        if (s.setting !== "randomly-sampled") {
          expect(g.sources, `${s.setting} m=${m}`).toEqual(prescribed(s.setting, m));
          expect(g.sources).toEqual(fromCounts(trainingCounts(schedule, m, createRng(0))));
        }
        expect(g.sampleExcerpt === null).toBe(total(g) === documentsFrom(g, 0));
      }
    }
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
  });

  it("most-recent-2: floor(n/2) from each of models m-2, m-1; real data only while the window covers t = 0", () => {
    const g = bySetting("most-recent-2").generations;
    expect(g[1].sources).toEqual([{ t: 0, documents: 4 }]);
    expect(g[2].sources).toEqual([{ t: 0, documents: 4 }, { t: 1, documents: 4 }]);
    expect(g[3].sources).toEqual([{ t: 1, documents: 4 }, { t: 2, documents: 4 }]);
    expect(g[4].sources).toEqual([{ t: 2, documents: 4 }, { t: 3, documents: 4 }]);
    expect(g[3].trainingTokens).toEqual({ real: 0, synthetic: 8 * L, documents: 8 });
    // The real corpus of floor(n/K) documents is drawn once: m = 1 and 2 train on the same documents.
    expect(fingerprint("most-recent-2", 2)).toEqual(fingerprint("most-recent-2", 1));
    expect(g[3].perContext.suffixCountReal.every((c) => c === 0)).toBe(true);
  });

  it("most-recent-K with K = n: one document from each earlier source, so generation m trains on m documents", () => {
    const g = bySetting("most-recent-8").generations;
    for (let m = 1; m <= G; m++) {
      expect(g[m].sources).toEqual(Array.from({ length: m }, (_, t) => ({ t, documents: 1 })));
      expect(g[m].trainingTokens.documents).toBe(m);
    }
  });

  it("randomly-sampled: n documents every generation, from sources t < m, real ones a subset of the one real corpus", () => {
    const g = bySetting("randomly-sampled").generations;
    expect(g[1].sources).toEqual([{ t: 0, documents: n }]);
    for (let m = 2; m <= G; m++) {
      expect(total(g[m])).toBe(n);
      // The real documents are chosen from the n drawn once (all of them at m = 1), so no count can exceed m = 1's.
      const real = fingerprint("randomly-sampled", m);
      const all = fingerprint("randomly-sampled", 1);
      expect(real.every((c, i) => c <= all[i])).toBe(true);
      if (documentsFrom(g[m], 0) === 0) expect(real.every((c) => c === 0)).toBe(true);
    }
    // With seed 1 the run does sample a model older than m - 1 (here model 1 at m = 4), so the test
    // exercises keeping the whole history (historyDepth Infinity), not just the last model.
    expect(g.some((x) => x.sources.some((s) => s.t >= 1 && s.t <= x.generation - 2))).toBe(true);
    // Uniform over t < m rather than always the last model: some generation m >= 3 mixes 3 or more sources.
    expect(g.some((x) => x.sources.length >= 3)).toBe(true);
  });

  it("accumulate: grows by n documents a generation, keeping every earlier document unchanged", () => {
    const g = bySetting("accumulate").generations;
    for (let m = 1; m <= G; m++) {
      expect(g[m].trainingTokens.documents).toBe(m * n);
      expect(g[m].trainingTokens.real).toBe(n * L);
      if (m >= 2) {
        for (const s of g[m - 1].sources) expect(documentsFrom(g[m], s.t)).toBe(s.documents);
        expect(g[m].sources).toHaveLength(g[m - 1].sources.length + 1);
        // The same real documents every generation, and the synthetic text only grows.
        expect(fingerprint("accumulate", m)).toEqual(fingerprint("accumulate", 1));
        const before = g[m - 1].perContext.suffixCountSynthetic;
        expect(g[m].perContext.suffixCountSynthetic.every((c, i) => c >= before[i])).toBe(true);
      }
      // Model 1's documents are kept, not resampled: the first synthetic document is the same from m = 2 on.
      if (m >= 3) expect(g[m].sampleExcerpt).toBe(g[2].sampleExcerpt);
    }
    expect(g[G].perContext.suffixCountSynthetic.some((c, i) => c > g[2].perContext.suffixCountSynthetic[i])).toBe(true);
  });

  it("mix-50-fresh: N = 4 fresh real documents every generation plus n = 4 from model m-1", () => {
    const g = bySetting("mix-50-fresh").generations;
    expect(bySetting("mix-50-fresh")).toMatchObject({ engineSetting: "partially-synthetic-fresh", realShare: 0.5 });
    for (let m = 2; m <= G; m++) expect(g[m].trainingTokens).toEqual({ real: 4 * L, synthetic: 4 * L, documents: 8 });
    // Different real documents each generation: their fingerprints differ pairwise (the kept-real
    // settings above show the fingerprint repeats when the documents do).
    const prints = [1, 2, 3, 4].map((m) => JSON.stringify(fingerprint("mix-50-fresh", m)));
    expect(new Set(prints).size).toBe(G);
    expect(prints.every((p) => p !== JSON.stringify(new Array(16).fill(0)))).toBe(true);
  });

  it("rejects bad inputs with a RangeError naming the parameter, before training anything", async () => {
    const corpus = readTinyShakespeare();
    const base = { preset: microPreset(), generations: 2, seed: 1, backend: "wasm" as const, corpus };
    const events: unknown[] = [];
    const run = (over: Partial<Parameters<typeof runTransformerExperiment>[0]>) =>
      runTransformerExperiment({ ...base, settings: ["accumulate"], onProgress: (e) => events.push(e), ...over });
    // K larger than the n = 8 documents of a generation: floor(n/K) would be 0.
    await expect(run({ settings: ["most-recent-9"] })).rejects.toThrow(RangeError);
    await expect(run({ settings: ["most-recent-9"] })).rejects.toThrow(/^setting most-recent-9: K must be at most the 8 documents/);
    await expect(run({ settings: ["fully-synthetic", "most-recent-20"] })).rejects.toThrow(/^setting most-recent-20/);
    await expect(run({ settings: ["most-recent-0"] })).rejects.toThrow(/^setting/);
    await expect(run({ settings: ["mix-0-fresh"] })).rejects.toThrow(/^setting/);
    await expect(run({ settings: [] })).rejects.toThrow(/^settings/);
    await expect(run({ generations: 0 })).rejects.toThrow(/^generations/);
    expect(events).toEqual([]);
  });
});
