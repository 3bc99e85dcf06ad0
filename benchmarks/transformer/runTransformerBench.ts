/**
 * The transformer benchmark's script: tfjs backends against the PyTorch peer in the same run.
 * Prints a table; `--out FILE.json` writes the record and `--markdown FILE.md` the report.
 *
 *   npx tsx benchmarks/transformer/runTransformerBench.ts --preset tiny --backends cpu,wasm,webgpu
 */
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { tinyShakespeareUrl } from "../../src/transformer/corpus.ts";
import { torchPeerPath } from "./torchPeer.ts";
import { benchCliOptions, commandLine, benchOptionsFromArgs, benchUsage, runTransformerBench, writeBenchOutputs } from "./transformerBench.ts";
import { benchTable } from "./transformerBenchMarkdown.ts";

async function cli(): Promise<void> {
  const { values } = parseArgs({ options: benchCliOptions });
  if (values.help) {
    process.stdout.write(`Usage: npx tsx benchmarks/transformer/runTransformerBench.ts [options]\n${benchUsage}\n`);
    return;
  }
  const command = commandLine("npx tsx benchmarks/transformer/runTransformerBench.ts", process.argv.slice(2));
  const options = benchOptionsFromArgs(values, { corpusPath: fileURLToPath(tinyShakespeareUrl), peerPath: torchPeerPath, command });
  const record = await runTransformerBench(options);
  process.stdout.write(benchTable(record));
  writeBenchOutputs(record, options);
  // Dawn's device keeps the event loop alive after a webgpu run.
  process.exit(0);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await cli();
  } catch (err) {
    process.stderr.write(`transformer-bench: ${(err as Error).message}\n`);
    process.exit(2);
  }
}
