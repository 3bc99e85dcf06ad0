import { describe, expect, it } from "vitest";
import { transformerPreset } from "../../src/transformer/presets.ts";
import type { TransformerBenchRecord } from "./transformerBench.ts";
import { benchTable, transformerBenchMarkdown } from "./transformerBenchMarkdown.ts";
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
      machine: { cpus: 2, cpuModel: "x", loadAverage: [0, 0, 0], node: "v20", accelerator: null },
      protocol: { steps: 30, sampleSteps: 64, warmup: 3, seed: 1, reps: 3 },
      command: "npx tsx benchmarks/transformer/runTransformerBench.ts --preset tiny",
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
          trainTokensPerSecondReps: [15360, 14000, 16000],
          sampleTokensPerSecondReps: [5056, 5000, 5100],
        },
      ],
      failures: [{ backend: "webgpu", error: "no adapter" }],
      torch: [
        { python: "3.11", torch: "1.13", device: "cpu", threads: 1, trainTokensPerSecond: 7680, sampleTokensPerSecond: 5056 },
        { python: "3.12", torch: "2.11", device: "NVIDIA H200", threads: 16, trainTokensPerSecond: 1536000, sampleTokensPerSecond: 50560 },
      ],
      torchError: null,
      ratios: [
        { backend: "wasm", torchDevice: "cpu", torchThreads: 1, train: 2, sample: 1 },
        { backend: "wasm", torchDevice: "NVIDIA H200", torchThreads: 16, train: 0.01, sample: 0.1 },
      ],
    };
    const table = benchTable(record);
    expect(table).toMatch(/\| tfjs wasm \| WebAssembly \| 15360 \(14000 to 16000\) \| 5056 \(5000 to 5100\) \|/);
    expect(table).toMatch(/tfjs webgpu: not measured \(no adapter\)/);
    expect(table).toMatch(/tfjs wasm \/ PyTorch CPU 1 thread\(s\): train 2\.00x, sample 1\.00x/);
    expect(table).toMatch(/\| PyTorch 2\.11 \| NVIDIA H200 \(CUDA\) \| 1536000 \| 50560 \|/);
    expect(table).toMatch(/tfjs wasm \/ PyTorch NVIDIA H200: train 0\.01x, sample 0\.10x/);
    const md = transformerBenchMarkdown(record);
    expect(md).toMatch(/^# Transformer throughput: preset `tiny`/);
    expect(md).toContain("npx tsx benchmarks/transformer/runTransformerBench.ts --preset tiny");
    expect(md).toContain("- accelerator: none (no NVIDIA driver found)");
    expect(md).toContain("Each engine ran\n3 time(s), alternating which side goes first");
    expect(md).toMatch(/## Not measured\n\n- tfjs webgpu: not measured \(no adapter\)/);
    expect(md).toContain("- tfjs wasm / PyTorch CPU 1 thread(s): train 2.00x, sample 1.00x");
  });
});
