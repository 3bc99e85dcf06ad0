/**
 * The transformer benchmark: training and sampling tokens/s per tfjs backend on a preset, and the
 * same model in PyTorch on CPU (benchmarks/peers/transformer_torch.py) in the same run, with the
 * ratio tfjs / PyTorch. Prints a table; `--out FILE.json` also writes the numbers (atomically).
 *
 *   npx tsx benchmarks/transformer/runTransformerBench.ts --preset tiny --backends cpu,wasm,webgpu
 */
import { execFileSync } from "node:child_process";
import { renameSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { checkIntegerAtLeast } from "../../src/validate.ts";
import { transformerBackends, type TransformerBackend } from "../../src/transformer/backendNames.ts";
import { readTinyShakespeare, tinyShakespeareUrl } from "../../src/transformer/corpus.ts";
import { transformerPreset, type TransformerPreset } from "../../src/transformer/presets.ts";
import { charTokenizer, encode, splitTrainValidation } from "../../src/transformer/tokenizer.ts";
import { measureThroughput, type ThroughputResult } from "./transformerThroughput.ts";

export interface TorchResult {
  python: string;
  torch: string;
  threads: number;
  trainTokensPerSecond: number;
  sampleTokensPerSecond: number;
  [key: string]: unknown;
}

export interface TransformerBenchRecord {
  kind: "transformer-throughput";
  preset: TransformerPreset;
  machine: { cpus: number; cpuModel: string; loadAverage: number[]; node: string };
  tfjs: ThroughputResult[];
  failures: Array<{ backend: string; error: string }>;
  torch: TorchResult[];
  torchError: string | null;
  /** tfjs tokens/s divided by PyTorch's (single-thread PyTorch when measured, else the first). */
  ratios: Array<{ backend: string; torchThreads: number; train: number; sample: number }>;
}

const PEER = fileURLToPath(new URL("../peers/transformer_torch.py", import.meta.url));

/**
 * The first of `candidates` whose Python imports torch (Debian's python3-torch lives in
 * /usr/bin/python3, which a pyenv python3 on the PATH hides), or the first candidate.
 */
export function pythonWithTorch(candidates: string[]): string {
  for (const python of candidates) {
    try {
      execFileSync(python, ["-c", "import torch, numpy"], { stdio: "ignore" });
      return python;
    } catch {
      // try the next one
    }
  }
  return candidates[0];
}

/** Runs the PyTorch peer; throws with its stderr when Python or torch is missing. */
export function runTorchPeer(python: string, args: Record<string, unknown>): TorchResult {
  const out = execFileSync(python, [PEER, JSON.stringify(args)], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
    env: { ...process.env, OMP_NUM_THREADS: String(args.threads), PYTHONDONTWRITEBYTECODE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return JSON.parse(out.trim().split("\n").pop()!) as TorchResult;
}

/** Runs every backend and the peer; never throws for a backend or peer that cannot start. */
export async function runTransformerBench(o: {
  preset: TransformerPreset;
  backends: TransformerBackend[];
  steps: number;
  sampleSteps: number;
  warmup: number;
  seed: number;
  python: string;
  torchThreads: number[];
  log: (line: string) => void;
}): Promise<TransformerBenchRecord> {
  const corpus = readTinyShakespeare();
  const { train } = splitTrainValidation(encode(charTokenizer(corpus), corpus), 0.9);
  const tfjs: ThroughputResult[] = [];
  const failures: Array<{ backend: string; error: string }> = [];
  for (const backend of o.backends) {
    o.log(`tfjs ${backend} ...`);
    try {
      const r = await measureThroughput({ preset: o.preset, backend, steps: o.steps, sampleSteps: o.sampleSteps, warmup: o.warmup, seed: o.seed, tokens: train });
      tfjs.push(r);
      o.log(`tfjs ${backend}: train ${r.trainTokensPerSecond.toFixed(0)} tokens/s, sample ${r.sampleTokensPerSecond.toFixed(0)} tokens/s (${r.backend.device})`);
    } catch (err) {
      failures.push({ backend, error: (err as Error).message });
      o.log(`tfjs ${backend} failed: ${(err as Error).message}`);
    }
  }
  const torch: TorchResult[] = [];
  let torchError: string | null = null;
  for (const threads of o.torchThreads) {
    o.log(`pytorch (${threads} thread${threads > 1 ? "s" : ""}) ...`);
    try {
      const { model, train: tr, protocol } = o.preset;
      const r = runTorchPeer(o.python, { model, train: tr, protocol, steps: o.steps, sampleSteps: o.sampleSteps, warmup: o.warmup, seed: o.seed, threads, corpusPath: fileURLToPath(tinyShakespeareUrl), trainFraction: 0.9 });
      torch.push(r);
      o.log(`pytorch ${r.torch} (${r.threads} threads): train ${r.trainTokensPerSecond.toFixed(0)} tokens/s, sample ${r.sampleTokensPerSecond.toFixed(0)} tokens/s`);
    } catch (err) {
      const e = err as Error & { stderr?: string };
      torchError = (e.stderr ?? "").trim().split("\n").pop() || e.message;
      o.log(`pytorch unavailable: ${torchError}`);
      break;
    }
  }
  const ratios = torch.flatMap((t) =>
    tfjs.map((r) => ({
      backend: r.backend.backend,
      torchThreads: t.threads,
      train: r.trainTokensPerSecond / t.trainTokensPerSecond,
      sample: r.sampleTokensPerSecond / t.sampleTokensPerSecond,
    })),
  );
  return {
    kind: "transformer-throughput",
    preset: o.preset,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? "unknown", loadAverage: loadavg(), node: process.version },
    tfjs,
    failures,
    torch,
    torchError,
    ratios,
  };
}

/** The table the script prints. */
export function benchTable(r: TransformerBenchRecord): string {
  const lines = [
    `preset ${r.preset.name}: ${r.tfjs[0]?.parameters ?? "?"} parameters, batch ${r.preset.train.batchSize} x context ${r.preset.model.contextLength}, sampling ${r.preset.protocol.sampleBatch} streams`,
    "| engine | device | train tokens/s | sample tokens/s |",
    "|---|---|---:|---:|",
    ...r.tfjs.map((t) => `| tfjs ${t.backend.backend} | ${t.backend.device} | ${t.trainTokensPerSecond.toFixed(0)} | ${t.sampleTokensPerSecond.toFixed(0)} |`),
    ...r.torch.map((t) => `| PyTorch ${t.torch} | CPU, ${t.threads} thread(s) | ${t.trainTokensPerSecond.toFixed(0)} | ${t.sampleTokensPerSecond.toFixed(0)} |`),
  ];
  for (const f of r.failures) lines.push(`tfjs ${f.backend}: not measured (${f.error})`);
  if (r.torchError) lines.push(`PyTorch: not measured (${r.torchError})`);
  for (const q of r.ratios) lines.push(`tfjs ${q.backend} / PyTorch (${q.torchThreads} thread(s)): train ${q.train.toFixed(2)}x, sample ${q.sample.toFixed(2)}x`);
  return `${lines.join("\n")}\n`;
}

async function cli(): Promise<void> {
  const { values } = parseArgs({
    options: {
      preset: { type: "string", default: "tiny" },
      backends: { type: "string", default: "cpu,wasm,webgpu" },
      steps: { type: "string" },
      "sample-steps": { type: "string" },
      warmup: { type: "string" },
      seed: { type: "string", default: "1" },
      python: { type: "string" },
      "torch-threads": { type: "string", default: "1,2" },
      out: { type: "string" },
    },
  });
  const preset = transformerPreset(values.preset!);
  const big = preset.name === "paper";
  const int = (v: string | undefined, name: string, dflt: number, min = 1) => (v === undefined ? dflt : checkIntegerAtLeast(Number(v), name, min));
  const backends = values.backends!.split(",").map((b) => {
    if (!(transformerBackends as readonly string[]).includes(b)) throw new RangeError(`backend must be one of ${transformerBackends.join(", ")}, got ${b}`);
    return b as TransformerBackend;
  });
  const record = await runTransformerBench({
    preset,
    backends,
    steps: int(values.steps, "steps", big ? 5 : 30),
    sampleSteps: int(values["sample-steps"], "sample-steps", big ? 16 : 64),
    warmup: int(values.warmup, "warmup", big ? 1 : 3, 1),
    seed: int(values.seed, "seed", 1, 0),
    python: values.python ?? pythonWithTorch(["python3", "/usr/bin/python3"]),
    torchThreads: values["torch-threads"]!.split(",").filter((x) => x !== "").map((x) => int(x, "torch-threads", 1)),
    log: (line) => process.stderr.write(`transformer-bench: ${line}\n`),
  });
  process.stdout.write(benchTable(record));
  if (values.out) {
    const tmp = `${values.out}.tmp-${process.pid}`;
    writeFileSync(tmp, `${JSON.stringify(record, null, 1)}\n`);
    renameSync(tmp, values.out);
  }
  // Dawn's device keeps the event loop alive after a webgpu run.
  process.exit(0);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await cli();
