/**
 * The transformer benchmark: training and sampling tokens/s per tfjs backend on a preset, and the
 * same model in PyTorch (benchmarks/peers/transformer_torch.py; on CPU per thread count, and on
 * CUDA when torch sees a GPU) in the same run, with the ratio tfjs / PyTorch; its options, shared
 * by the script (runTransformerBench.ts) and the GPU pack (pack/packEntry.ts), and its outputs.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { writeFilesAtomic, type FileToWrite } from "../../src/report/atomicWrite.ts";
import { checkIntegerAtLeast } from "../../src/validate.ts";
import { transformerBackends, type TransformerBackend } from "../../src/transformer/backendNames.ts";
import { transformerPreset, type TransformerPreset } from "../../src/transformer/presets.ts";
import { charTokenizer, encode, splitTrainValidation } from "../../src/transformer/tokenizer.ts";
import { cpuModel } from "../machine.ts";
import { pythonWithTorch, runTorchPeer, torchHasCuda, type TorchResult } from "./torchPeer.ts";
import { transformerBenchMarkdown } from "./transformerBenchMarkdown.ts";
import { measureThroughput, type ThroughputResult } from "./transformerThroughput.ts";
export type { TorchResult } from "./torchPeer.ts";

/** Every repetition's tokens/s, in the order run (absent in a record of one repetition). */
export interface RepetitionRates {
  trainTokensPerSecondReps?: number[];
  sampleTokensPerSecondReps?: number[];
}

/** One run of the PyTorch peer: on CPU with `threads` threads, or on the CUDA device. */
export interface TorchRun {
  device: "cpu" | "cuda";
  threads: number;
}

export interface TransformerBenchRecord {
  kind: "transformer-throughput";
  preset: TransformerPreset;
  machine: { cpus: number; cpuModel: string; loadAverage: number[]; node: string; accelerator: string | null };
  /** Timed steps of each engine (after `warmup` untimed ones) and sampled tokens per stream. */
  protocol: { steps: number; sampleSteps: number; warmup: number; seed: number; reps: number };
  /** Per backend: the first repetition's result with tokens/s replaced by the medians. */
  tfjs: Array<ThroughputResult & RepetitionRates>;
  failures: Array<{ backend: string; error: string }>;
  /** Per PyTorch run: likewise. */
  torch: Array<TorchResult & RepetitionRates>;
  torchError: string | null;
  /** tfjs tokens/s divided by PyTorch's, for every pair of a tfjs backend and a PyTorch run. */
  ratios: Array<{ backend: string; torchDevice: string; torchThreads: number; train: number; sample: number }>;
  /** The command that produced this record. */
  command: string;
}

/**
 * `prefix` followed by `args` quoted for a POSIX shell where needed, so the line can be pasted back.
 * @example commandLine("./run.sh", ["--torch-threads", ""]); // => "./run.sh --torch-threads ''"
 */
export function commandLine(prefix: string, args: string[]): string {
  const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  return [prefix, ...args.map(quote)].join(" ");
}

/** The GPUs nvidia-smi lists (name, driver, memory), or null without an NVIDIA driver. */
export function nvidiaAccelerator(): string | null {
  try {
    const out = execFileSync("nvidia-smi", ["--query-gpu=name,driver_version,memory.total", "--format=csv,noheader"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      timeout: 20_000,
    });
    const gpus = out.trim().split("\n").filter((l) => l.trim() !== "");
    return gpus.length === 0 ? null : gpus.map((g) => g.trim()).join("; ");
  } catch {
    return null;
  }
}

export interface TransformerBenchOptions {
  preset: TransformerPreset;
  backends: TransformerBackend[];
  steps: number;
  sampleSteps: number;
  warmup: number;
  seed: number;
  /** Repetitions of every measurement; the record gives medians and every repetition's value. */
  reps: number;
  python: string;
  torchRuns: TorchRun[];
  /** The corpus file (tiny Shakespeare): read by both engines. */
  corpusPath: string;
  /** The PyTorch peer script. */
  peerPath: string;
  command: string;
  log: (line: string) => void;
}

const median = (xs: number[]): number => {
  const a = [...xs].sort((x, y) => x - y);
  const h = a.length >> 1;
  return a.length % 2 === 1 ? a[h] : (a[h - 1] + a[h]) / 2;
};

/** The first repetition's result with the tokens/s replaced by the medians over all repetitions. */
function medianOf<T extends { trainTokensPerSecond: number; sampleTokensPerSecond: number }>(runs: T[]): T & { trainTokensPerSecondReps: number[]; sampleTokensPerSecondReps: number[] } {
  const train = runs.map((r) => r.trainTokensPerSecond);
  const sample = runs.map((r) => r.sampleTokensPerSecond);
  return { ...runs[0], trainTokensPerSecond: median(train), sampleTokensPerSecond: median(sample), trainTokensPerSecondReps: train, sampleTokensPerSecondReps: sample };
}

/**
 * Runs every backend and every peer run `reps` times, alternating which side goes first (tfjs
 * first in even repetitions, PyTorch first in odd ones), and reports medians; never throws for a
 * backend or peer that cannot start (it is measured no further and named in the record).
 */
export async function runTransformerBench(o: TransformerBenchOptions): Promise<TransformerBenchRecord> {
  const corpus = readFileSync(o.corpusPath, "utf8");
  const { train } = splitTrainValidation(encode(charTokenizer(corpus), corpus), 0.9);
  const tfjsRuns = new Map<TransformerBackend, ThroughputResult[]>();
  const torchRuns = new Map<number, TorchResult[]>();
  const failures: Array<{ backend: string; error: string }> = [];
  let torchError: string | null = null;
  const failed = new Set<string>();
  const runTfjs = async (rep: number) => {
    for (const backend of o.backends) {
      if (failed.has(backend)) continue;
      o.log(`[${rep + 1}/${o.reps}] tfjs ${backend} ...`);
      try {
        const r = await measureThroughput({ preset: o.preset, backend, steps: o.steps, sampleSteps: o.sampleSteps, warmup: o.warmup, seed: o.seed, tokens: train });
        tfjsRuns.set(backend, [...(tfjsRuns.get(backend) ?? []), r]);
        o.log(`tfjs ${backend}: train ${r.trainTokensPerSecond.toFixed(0)} tokens/s, sample ${r.sampleTokensPerSecond.toFixed(0)} tokens/s (${r.backend.device})`);
      } catch (err) {
        failed.add(backend);
        failures.push({ backend, error: (err as Error).message });
        o.log(`tfjs ${backend} failed: ${(err as Error).message}`);
      }
    }
  };
  const runTorch = (rep: number) => {
    o.torchRuns.forEach((run, i) => {
      if (torchError !== null) return;
      o.log(`[${rep + 1}/${o.reps}] pytorch (${run.device === "cuda" ? "cuda" : `${run.threads} thread${run.threads > 1 ? "s" : ""}`}) ...`);
      try {
        const { model, train: tr, protocol } = o.preset;
        const r = runTorchPeer(o.python, o.peerPath, {
          model,
          train: tr,
          protocol,
          steps: o.steps,
          sampleSteps: o.sampleSteps,
          warmup: o.warmup,
          seed: o.seed,
          threads: run.threads,
          device: run.device,
          corpusPath: o.corpusPath,
          trainFraction: 0.9,
        });
        torchRuns.set(i, [...(torchRuns.get(i) ?? []), r]);
        o.log(`pytorch ${r.torch} (${r.device}, ${r.threads} threads): train ${r.trainTokensPerSecond.toFixed(0)} tokens/s, sample ${r.sampleTokensPerSecond.toFixed(0)} tokens/s`);
      } catch (err) {
        const e = err as Error & { stderr?: string };
        torchError = (e.stderr ?? "").trim().split("\n").pop() || e.message;
        o.log(`pytorch unavailable: ${torchError}`);
      }
    });
  };
  for (let rep = 0; rep < o.reps; rep++) {
    if (rep % 2 === 0) {
      await runTfjs(rep);
      runTorch(rep);
    } else {
      runTorch(rep);
      await runTfjs(rep);
    }
  }
  const tfjs = o.backends.filter((b) => !failed.has(b) && tfjsRuns.has(b)).map((b) => medianOf(tfjsRuns.get(b)!));
  const torch = [...torchRuns.keys()].sort((a, b) => a - b).filter(() => torchError === null).map((i) => medianOf(torchRuns.get(i)!));
  const ratios = torch.flatMap((t) =>
    tfjs.map((r) => ({
      backend: r.backend.backend,
      torchDevice: t.device,
      torchThreads: t.threads,
      train: r.trainTokensPerSecond / t.trainTokensPerSecond,
      sample: r.sampleTokensPerSecond / t.sampleTokensPerSecond,
    })),
  );
  return {
    kind: "transformer-throughput",
    preset: o.preset,
    machine: { cpus: cpus().length, cpuModel: cpuModel(), loadAverage: loadavg(), node: process.version, accelerator: nvidiaAccelerator() },
    protocol: { steps: o.steps, sampleSteps: o.sampleSteps, warmup: o.warmup, seed: o.seed, reps: o.reps },
    tfjs,
    failures,
    torch,
    torchError,
    ratios,
    command: o.command,
  };
}

/** Command-line options shared by this script and the GPU pack's entry. */
export const benchCliOptions = {
  preset: { type: "string", default: "tiny" },
  backends: { type: "string", default: "cpu,wasm,webgpu" },
  steps: { type: "string" },
  "sample-steps": { type: "string" },
  warmup: { type: "string" },
  reps: { type: "string" },
  seed: { type: "string", default: "1" },
  python: { type: "string" },
  "torch-threads": { type: "string", default: "1,2" },
  "torch-device": { type: "string", default: "auto" },
  out: { type: "string" },
  markdown: { type: "string" },
  help: { type: "boolean", default: false },
} as const;

export const benchUsage = `Options:
  --preset tiny|paper       model and training settings (default tiny)
  --backends LIST           tfjs backends among cpu,wasm,webgpu (default cpu,wasm,webgpu)
  --steps N                 timed Adam steps (default 100 for tiny, 5 for paper)
  --sample-steps N          timed tokens per sampling stream beyond the warm-up (default 64 / 16)
  --warmup N                untimed steps first (default 20 / 2)
  --reps N                  repetitions, alternating which engine goes first; medians reported (default 3 / 1)
  --seed N                  seed of weights, batches and samples (default 1)
  --python PATH             the Python with torch (default: python3 or /usr/bin/python3)
  --torch-threads LIST      one CPU peer run per thread count; empty for none (default 1,2)
  --torch-device auto|cpu|cuda  auto adds a CUDA run when torch sees a GPU (default auto)
  --out FILE.json           write the record
  --markdown FILE.md        write the report`;

/** Parses the options (RangeError naming the option on a bad value) into bench options. */
export function benchOptionsFromArgs(
  values: { [K in keyof typeof benchCliOptions]?: string | boolean },
  paths: { corpusPath: string; peerPath: string; command: string },
): TransformerBenchOptions & { out?: string; markdown?: string } {
  const str = (k: keyof typeof benchCliOptions) => values[k] as string | undefined;
  const preset = transformerPreset(str("preset") ?? "tiny");
  const big = preset.name === "paper";
  const int = (v: string | undefined, name: string, dflt: number, min = 1) => (v === undefined ? dflt : checkIntegerAtLeast(Number(v), name, min));
  const backends = (str("backends") ?? "cpu,wasm,webgpu").split(",").filter((b) => b !== "").map((b) => {
    if (!(transformerBackends as readonly string[]).includes(b)) throw new RangeError(`backends must be among ${transformerBackends.join(", ")}, got ${b}`);
    return b as TransformerBackend;
  });
  const python = str("python") ?? pythonWithTorch(["python3", "/usr/bin/python3"]);
  const device = str("torch-device") ?? "auto";
  if (!["auto", "cpu", "cuda"].includes(device)) throw new RangeError(`torch-device must be auto, cpu or cuda, got ${device}`);
  const threads = (str("torch-threads") ?? "1,2").split(",").filter((x) => x !== "").map((x) => int(x, "torch-threads", 1));
  const torchRuns: TorchRun[] = device === "cuda" ? [] : threads.map((t) => ({ device: "cpu" as const, threads: t }));
  if (device === "cuda" || (device === "auto" && torchHasCuda(python))) torchRuns.push({ device: "cuda", threads: 1 });
  return {
    preset,
    backends,
    steps: int(str("steps"), "steps", big ? 5 : 100),
    sampleSteps: int(str("sample-steps"), "sample-steps", big ? 16 : 64),
    // A process's first ~20 Adam steps on wasm run about twice as slow as later ones (JIT tiers).
    warmup: int(str("warmup"), "warmup", big ? 2 : 20, 1),
    seed: int(str("seed"), "seed", 1, 0),
    reps: int(str("reps"), "reps", big ? 1 : 3),
    python,
    torchRuns,
    ...paths,
    log: (line) => process.stderr.write(`transformer-bench: ${line}\n`),
    out: str("out"),
    markdown: str("markdown"),
  };
}

/** Writes the record and the report where asked, atomically. */
export function writeBenchOutputs(record: TransformerBenchRecord, out: { out?: string; markdown?: string }): void {
  const files: FileToWrite[] = [];
  if (out.out) files.push({ path: out.out, data: `${JSON.stringify(record, null, 1)}\n` });
  if (out.markdown) files.push({ path: out.markdown, data: transformerBenchMarkdown(record) });
  if (files.length > 0) writeFilesAtomic(files);
}
