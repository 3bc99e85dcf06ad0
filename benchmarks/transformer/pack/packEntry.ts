/**
 * Entry of the GPU pack's bundle (app/bench.mjs): the transformer benchmark, reading the corpus,
 * the PyTorch peer and tfjs's .wasm files from the pack instead of the checkout. It first prints
 * the WebGPU adapter Dawn found (the NVIDIA GPU through Vulkan, or Mesa's software adapter on a
 * machine without one), then runs the benchmark with the pack's defaults: the `paper` preset on
 * webgpu against PyTorch on CUDA when torch sees a GPU, else on all CPU cores.
 */
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { setWasmDirectory, useBackend } from "../../../src/transformer/backend.ts";
import { benchCliOptions, commandLine, benchOptionsFromArgs, benchUsage, runTransformerBench, writeBenchOutputs } from "../transformerBench.ts";
import { benchTable } from "../transformerBenchMarkdown.ts";
import { pythonWithTorch, torchHasCuda } from "../torchPeer.ts";

const app = dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      ...benchCliOptions,
      preset: { type: "string", default: "paper" },
      backends: { type: "string", default: "webgpu" },
      "torch-threads": { type: "string" },
    },
  });
  if (values.help) {
    process.stdout.write(
      `Usage: ./run.sh [options]   (defaults: --preset paper --backends webgpu; PyTorch on CUDA when torch sees a GPU, else on all CPU cores)\n${benchUsage}\n`,
    );
    return;
  }
  setWasmDirectory(`${join(app, "wasm")}/`);
  // PyTorch on the CPU is the peer only where there is no CUDA: on a GPU machine the paper
  // preset's CPU sampling alone would take minutes of a short lease.
  values.python ??= pythonWithTorch(["python3", "/usr/bin/python3"]);
  values["torch-threads"] ??= torchHasCuda(values.python) ? "" : String(cpus().length);
  const results = process.env.PACK_OUT ?? "pack-results";
  const preset = values.preset ?? "paper";
  if (values.out === undefined && values.markdown === undefined) {
    values.out = join(results, `transformer-bench-${preset}.json`);
    values.markdown = join(results, `transformer-bench-${preset}.md`);
  }
  const command = commandLine("./run.sh", process.argv.slice(2));
  const options = benchOptionsFromArgs(values, {
    corpusPath: join(app, "data", "tinyshakespeare.txt"),
    peerPath: join(app, "peers", "transformer_torch.py"),
    command,
  });
  if (options.backends.includes("webgpu")) {
    try {
      const info = await useBackend("webgpu");
      process.stdout.write(`adapter: ${info.device}\n`);
    } catch (err) {
      process.stdout.write(`adapter: none (${(err as Error).message})\n`);
    }
  }
  const record = await runTransformerBench(options);
  process.stdout.write(benchTable(record));
  writeBenchOutputs(record, options);
}

try {
  await main();
  // Dawn's device keeps the event loop alive after a webgpu run.
  process.exit(0);
} catch (err) {
  process.stderr.write(`gpu-pack: ${(err as Error).message}\n`);
  process.exit(2);
}
