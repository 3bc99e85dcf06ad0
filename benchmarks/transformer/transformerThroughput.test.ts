import { describe, expect, it } from "vitest";
import { transformerPreset } from "../../src/transformer/presets.ts";
import { benchTable, type TransformerBenchRecord } from "./runTransformerBench.ts";
import { measureThroughput } from "./transformerThroughput.ts";

describe("transformer throughput", () => {
  it("measures training and sampling tokens/s on wasm", async () => {
    const tokens = Int32Array.from({ length: 2000 }, (_, i) => (i * 7) % 65);
    const r = await measureThroughput({ preset: transformerPreset("tiny"), backend: "wasm", steps: 2, sampleSteps: 2, warmup: 1, seed: 1, tokens });
    expect(r.backend.backend).toBe("wasm");
    expect(r.parameters).toBe(14976);
    expect(r.trainTokensPerSecond).toBeGreaterThan(0);
    expect(r.trainTokensPerSecond).toBeCloseTo((2 * 32 * 16) / r.trainSeconds, 6);
    expect(r.sampleTokensPerSecond).toBeCloseTo((64 * (16 + 2 - 1)) / r.sampleSeconds, 6);
  });

  it("prints a table with the ratio to PyTorch, and says what was not measured", () => {
    const preset = transformerPreset("tiny");
    const record: TransformerBenchRecord = {
      kind: "transformer-throughput",
      preset,
      machine: { cpus: 2, cpuModel: "x", loadAverage: [0, 0, 0], node: "v20" },
      tfjs: [
        {
          backend: { backend: "wasm", device: "WebAssembly" },
          preset: "tiny",
          parameters: 14976,
          batchSize: 32,
          contextLength: 16,
          steps: 30,
          trainSeconds: 1,
          trainTokensPerSecond: 15360,
          sampleStreams: 64,
          sampleSteps: 79,
          sampleSeconds: 1,
          sampleTokensPerSecond: 5056,
        },
      ],
      failures: [{ backend: "webgpu", error: "no adapter" }],
      torch: [{ python: "3.11", torch: "1.13", threads: 1, trainTokensPerSecond: 7680, sampleTokensPerSecond: 5056 }],
      torchError: null,
      ratios: [{ backend: "wasm", torchThreads: 1, train: 2, sample: 1 }],
    };
    const table = benchTable(record);
    expect(table).toMatch(/\| tfjs wasm \| WebAssembly \| 15360 \| 5056 \|/);
    expect(table).toMatch(/tfjs webgpu: not measured \(no adapter\)/);
    expect(table).toMatch(/tfjs wasm \/ PyTorch \(1 thread\(s\)\): train 2\.00x, sample 1\.00x/);
  });
});
