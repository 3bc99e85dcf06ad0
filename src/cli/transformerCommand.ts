/**
 * `collapse-harness transformer`: the paper's Figure 5 experiment with a tfjs transformer trained
 * recursively on tiny Shakespeare, written as one JSON record. tfjs is loaded only when the
 * command runs (src/transformer is the only folder that imports it).
 */
import { Command } from "commander";
import { readFileSync } from "node:fs";
import { checkChoice } from "../validate.ts";
import { transformerBackends } from "../transformer/backendNames.ts";
import { checkPreset, transformerPreset, type TransformerPreset } from "../transformer/presets.ts";
import { parseSetting } from "../transformer/settings.ts";
import { asUsage, parseIntegerOption, parseSeedOption, quoted, UsageError } from "./usage.ts";
import { jsonFile } from "../report/formatJson.ts";
import { checkOutputFile, describeFsError, writeOutputs } from "./writeOutputs.ts";

interface TransformerRawOptions {
  preset: string;
  setting: string;
  generations: string;
  backend: string;
  seed: string;
  out: string;
  realSource: string;
  corpus?: string;
  iterations?: string;
  tokensPerGeneration?: string;
  contexts?: string;
  progress: boolean;
}

/** Share of the corpus held out for the validation loss (the experiment's default trainFraction is 0.9). */
const HELD_OUT = 0.1;

/**
 * The corpus text for `--corpus FILE` (tiny Shakespeare without it), checked so the preset can be
 * trained on it: the model's vocabulary becomes the corpus's characters (at least 2), and both the
 * training split and the held-out tenth hold whole windows. A UsageError naming `corpus` otherwise.
 */
async function readCheckedCorpus(file: string | undefined, preset: TransformerPreset): Promise<string> {
  let corpus: string;
  if (file === undefined) {
    const { readTinyShakespeare } = await import("../transformer/corpus.ts");
    corpus = readTinyShakespeare();
  } else {
    try {
      corpus = readFileSync(file, "utf8");
    } catch (err) {
      throw new UsageError(`corpus: cannot read ${file}: ${describeFsError(err)}`);
    }
  }
  const where = file ?? "the tiny Shakespeare corpus";
  const characters = new Set(corpus).size;
  if (characters < 2) throw new UsageError(`corpus must hold at least 2 distinct characters (the model's vocabulary), got ${characters} in ${where}`);
  const window = Math.max(preset.model.contextLength + 1, preset.protocol.streamLength);
  const least = Math.ceil(window / HELD_OUT) + 1;
  if (corpus.length < least) throw new UsageError(`corpus must hold at least ${least} characters for the ${preset.name} preset (its held-out tenth needs a window of ${window}), got ${corpus.length} in ${where}`);
  preset.model.vocabSize = characters;
  return corpus;
}

/** The `transformer` subcommand. */
export function transformerCommand(): Command {
  return new Command("transformer")
    .summary("train a tiny GPT recursively on tiny Shakespeare (the paper's Figure 5)")
    .description(
      "Figure 5: a GPT-type transformer (tfjs) trained recursively on tiny Shakespeare. Generation 0, trained on the " +
        "corpus, is the ground truth p^(0); generation m >= 1 trains on text from p^(m-1) (fully-synthetic) or on a mix " +
        "with real text (mix-R: R% real). Records per generation ||p^(m) - p^(1)||_1 and ||p^(m) - p^(0)||_1 over " +
        "contexts sampled from p^(0), the validation loss, entropy, support, sigma_m and Theorem 1's S_m per context.",
    )
    .option("--preset <name>", "tiny (CPU, a few minutes) or paper (Table 1, for a GPU)", "tiny")
    .option(
      "--setting <names>",
      "comma-separated: fully-synthetic, mix-R (R% real, e.g. mix-50, mix-80), mix-R-fresh, most-recent-K, randomly-sampled, accumulate",
      "fully-synthetic,mix-50,mix-80",
    )
    .option("--generations <G>", "generations 1..G after the ground truth", "10")
    .option("--backend <name>", `tfjs backend: ${transformerBackends.join(", ")}`, "wasm")
    .option("--seed <seed>", "the one seed of the run (weights, batches, dropout, contexts, sampled text)", "1")
    .option("--out <file>", "JSON record to write (atomically; out/ is ignored by git)", "out/transformer.json")
    .option("--real-source <source>", "real documents of the mixes: corpus (chunks of the corpus) or p0 (sampled from p^(0))", "corpus")
    .option("--corpus <file>", "corpus text (default: data/tinyshakespeare.txt); the model's vocabulary is its characters")
    .option("--iterations <n>", "override the preset's training iterations")
    .option("--tokens-per-generation <n>", "override the preset's tokens per generation")
    .option("--contexts <n>", "override the preset's number of contexts (paper: 300)")
    .option("--no-progress", "no progress lines on stderr")
    .action(async (o: TransformerRawOptions) => {
      const { preset, settings, generations, backend, seed, realSource } = asUsage(() => {
        const preset = transformerPreset(o.preset);
        const settings = o.setting.split(",").map((s) => s.trim()).filter((s) => s !== "");
        if (settings.length === 0) throw new UsageError(`setting must name at least one setting, got ${quoted(o.setting)}`);
        const parsed = settings.map(parseSetting);
        const generations = parseIntegerOption(o.generations, "generations", 1);
        const backend = checkChoice(o.backend, "backend", transformerBackends);
        const seed = parseSeedOption(o.seed);
        const realSource = checkChoice(o.realSource, "real-source", ["corpus", "p0"] as const);
        if (o.iterations !== undefined) preset.train.iterations = parseIntegerOption(o.iterations, "iterations", 1);
        if (o.tokensPerGeneration !== undefined) {
          preset.protocol.tokensPerGeneration = parseIntegerOption(o.tokensPerGeneration, "tokens-per-generation", preset.protocol.streamLength);
        }
        if (o.contexts !== undefined) preset.protocol.contexts = parseIntegerOption(o.contexts, "contexts", 1);
        checkPreset(preset);
        const documents = Math.max(2, Math.round(preset.protocol.tokensPerGeneration / preset.protocol.streamLength));
        for (const st of parsed) {
          if (st.window !== null && st.window > documents) throw new UsageError(`setting ${st.name}: K must be at most the ${documents} documents of a generation`);
        }
        return { preset, settings, generations, backend, seed, realSource };
      });
      const corpus = await readCheckedCorpus(o.corpus, preset);
      asUsage(() => checkPreset(preset));
      checkOutputFile(o.out, "out");
      const { runTransformerExperiment } = await import("../transformer/experiment.ts");
      const started = performance.now();
      let lastLine = "";
      const say = (line: string) => {
        if (o.progress && line !== lastLine) process.stderr.write(`transformer: ${line} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
        lastLine = line;
      };
      const record = await runTransformerExperiment({
        preset,
        settings,
        generations,
        seed,
        backend,
        corpus,
        realSource,
        onProgress: (e) => {
          const where = `${e.setting ?? "ground truth"} m=${e.generation} ${e.phase}`;
          if (e.phase === "train" && e.iteration !== undefined && e.iterations !== undefined) {
            const step = Math.max(1, Math.ceil(e.iterations / 4));
            if (e.iteration % step === 0 || e.iteration === e.iterations) say(`${where} ${e.iteration}/${e.iterations}`);
          } else if (e.phase !== "train") {
            say(where);
          }
        },
      });
      await writeOutputs([{ path: o.out, data: jsonFile(record), option: "out" }]);
      process.stdout.write(`backend ${record.backend.backend}: ${record.backend.device}; ${record.parameters} parameters\n`);
      for (const s of record.settings) {
        const last = s.generations[s.generations.length - 1];
        process.stdout.write(
          `${s.setting}: m=${last.generation} ||p^(m)-p^(1)||_1 = ${last.l1FromFirst?.toFixed(3)}, ` +
            `||p^(m)-p^(0)||_1 = ${last.l1FromGroundTruth.toFixed(3)}, validation loss ${last.validationLoss.toFixed(3)}\n`,
        );
      }
      process.stdout.write(`wrote ${o.out} (${record.seconds.toFixed(1)} s)\n`);
    });
}
