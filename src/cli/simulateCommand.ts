/**
 * `collapse-harness simulate`: Monte Carlo runs of one recursive-training setting (Eq 5), written
 * as JSON (and optionally CSV) atomically. The same command gives byte-identical files.
 */
import { SingleBar } from "cli-progress";
import { Command, Option } from "commander";
import { CORPUS_PATH, fromCorpus, initialDistribution, INIT_KINDS, readCorpus, type InitKind, type InitSpec } from "../init/index.ts";
import { REAL_DATA, RUN_SERIES, SETTING_DESCRIPTIONS, SETTINGS, type Setting } from "../loops/index.ts";
import { checkSimulationConfig, type SimulationConfig } from "../loops/simulationConfig.ts";
import { simulateContextsChecked, checkContextsConfig } from "../loops/simulateContexts.ts";
import { checkMarkovTextConfig, simulateMarkovText, type MarkovTextConfig } from "../loops/simulateMarkovText.ts";
import { simulateRunChecked, Workspace } from "../loops/simulateRun.ts";
import type { MultiContextRecord } from "../loops/multiContextRecord.ts";
import type { RunRecord } from "../loops/runRecord.ts";
import type { LanguageModel } from "../model/types.ts";
import { createRng, deriveSeed, eachRngStream, type Rng } from "../rng/index.ts";
import { checkChoice } from "../validate.ts";
import { asUsage, parseIntegerOption, parseNumberOption, parseSeedOption, quoted, UsageError } from "./usage.ts";
import { jsonFile } from "../report/formatJson.ts";
import { checkDistinctOutputs, checkOutputFile, writeOutputs, type OutputFile } from "./writeOutputs.ts";
import { limitsHelp } from "./resourceLimits.ts";
import { checkSimulateMemory, checkSimulateOutputs, SIMULATE_LIMITS_HELP } from "./simulateLimits.ts";

/** Generation cap of fully-synthetic runs, which otherwise run until collapse. */
export const UNTIL_COLLAPSE_CAP = 100_000;
/** Default horizon of the Markov-text mode (stops earlier once every context has collapsed). */
export const MARKOV_DEFAULT_GENERATIONS = 1000;
/** Largest c * s the Markov-text mode builds from a synthetic --init. */
export const MAX_TABLE_ENTRIES = 20_000_000;

const DEFAULT_GENERATIONS: Record<Setting, number> = {
  "fully-synthetic": UNTIL_COLLAPSE_CAP,
  "partially-synthetic": 50,
  "partially-synthetic-fresh": 50,
  accumulate: 50,
  "most-recent": 500,
  "randomly-sampled": 500,
};

interface RawOptions {
  setting: string;
  s: string;
  support: string;
  S0: string;
  init: string;
  a: string;
  n: string;
  N?: string;
  K: string;
  realData: string;
  contexts?: string;
  contextLength?: string;
  textLength?: string;
  generations?: string;
  fullHorizon?: boolean;
  runs: string;
  seed: string;
  out: string;
  csv?: string;
  progress: boolean;
}

/** The resolved parameters, as written to the output file. */
interface Parameters {
  setting: Setting;
  init: string;
  s: number;
  support: number | null;
  S0: number | null;
  a: number | null;
  n: number;
  N: number | null;
  K: number | null;
  realData: string;
  contexts: number;
  contextLength: number | null;
  textLength: number | null;
  generations: number;
  stopAtCollapse: boolean;
  runs: number;
  seed: number;
}

/** --init: a kind name, "json:FILE" or "corpus[:FILE]". */
function parseInit(text: string): { kind: InitKind; file?: string } {
  const colon = text.indexOf(":");
  const head = colon < 0 ? text : text.slice(0, colon);
  const file = colon < 0 ? undefined : text.slice(colon + 1);
  const choices = INIT_KINDS.map((k) => (k === "json" ? "json:FILE" : k));
  if (!(INIT_KINDS as readonly string[]).includes(head)) throw new RangeError(`init must be one of ${choices.join(", ")}, got ${text}`);
  const kind = head as InitKind;
  if (kind === "json" && (file === undefined || file === "")) throw new RangeError("init json needs a file: --init json:FILE");
  if (file !== undefined && kind !== "json" && kind !== "corpus") throw new RangeError(`init ${kind} takes no file, got ${text}`);
  return { kind, file };
}

/**
 * A progress bar on stderr that appears once a job has run for a second. Off a terminal it prints
 * a line every 5 s (the runs are synchronous, so the bar's own timer never fires: we render).
 */
function progressReporter(enabled: boolean, total: number): { tick(done: number): void; stop(): void } {
  const started = Date.now();
  const tty = process.stderr.isTTY === true;
  let bar: SingleBar | null = null;
  let lastLine = 0;
  return {
    tick(done) {
      if (!enabled) return;
      const now = Date.now();
      if (bar === null) {
        if (now - started <= 1000 || done >= total) return;
        bar = new SingleBar({
          stream: process.stderr,
          noTTYOutput: true,
          notTTYSchedule: 5000,
          format: "simulate [{bar}] {value}/{total} runs | {duration}s",
        });
        bar.start(total, done);
        lastLine = now;
      }
      bar.update(done);
      if (!tty && done < total && now - lastLine >= 5000) {
        bar.render();
        lastLine = now;
      }
    },
    stop() {
      bar?.stop();
    },
  };
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Mean over runs of series[m], a run that stopped early keeping its last value (absorbing collapse). */
function meanCarried(series: number[][], M: number): number[] {
  const out: number[] = [];
  for (let m = 0; m <= M; m++) out.push(series.reduce((a, v) => a + v[Math.min(m, v.length - 1)], 0) / series.length);
  return out;
}

/** The CSV columns of a run: every per-generation series of its record. */
const RUN_COLUMNS = RUN_SERIES;
const CONTEXT_COLUMNS = ["contextsVisited", "meanSigma", "fractionCollapsed", "meanCount"] as const;

/** The CSV rows, one chunk per line (written as they come, never one string). */
function* runsCsv(runs: RunRecord[]): Generator<string, void, undefined> {
  yield ["run", "m", ...RUN_COLUMNS].join(",") + "\n";
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i];
    for (let m = 0; m <= r.generations; m++) yield [i, m, ...RUN_COLUMNS.map((c) => r[c][m])].join(",") + "\n";
  }
}

function* contextsCsv(runs: MultiContextRecord[]): Generator<string, void, undefined> {
  yield ["run", "m", ...CONTEXT_COLUMNS].join(",") + "\n";
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i];
    for (let m = 0; m <= r.generations; m++) yield [i, m, ...CONTEXT_COLUMNS.map((c) => r[c][m])].join(",") + "\n";
  }
}

/** Runs `count` jobs on streams 0..count-1 of seed, with progress; one generator made at a time. */
function runAll<T>(seed: number, count: number, progress: boolean, job: (rng: Rng) => T): T[] {
  const bar = progressReporter(progress, count);
  const out: T[] = [];
  try {
    for (const rng of eachRngStream(seed, count)) {
      out.push(job(rng));
      bar.tick(out.length);
    }
  } finally {
    bar.stop();
  }
  return out;
}

function explicit(cmd: Command, key: string): boolean {
  return cmd.getOptionValueSource(key) === "cli";
}

const HELP_TEXT = `
Symbols (Seddik et al., COLM 2024):
  s          vocabulary size; tokens are 0..s-1
  support    s~ = |supp(p)|, tokens 0..s~-1 get positive probability (uniform, zipf, dirichlet, target)
  S0         S_0 = ||p||_2^2 of p = p^(0) (init target: a Zipf law on the support with that S_0)
  n          synthetic samples per generation
  N          real samples (partially-synthetic, accumulate)
  K          window of most-recent
  m          generation; p^(m) is trained on n^(m) samples by the empirical frequencies (Eq 2)
  sigma_m    ||p^(m)||_2^2, with mean S_m = E[sigma_m]
  alpha      n/(N+n), the synthetic fraction of partially-synthetic
  T          collapse time: first m >= 1 with ||p^(m)||_inf = 1 (a Dirac mass), null if none

Settings (who generation m trains on; t = 0 is the real corpus, a sample drawn once from p and
reused, never regenerated, unless --real-data fresh):
${SETTINGS.map((k) => `  ${k}\n      ${SETTING_DESCRIPTIONS[k]}`).join("\n")}
  With t = 0 asked for fewer samples than the corpus holds (most-recent, randomly-sampled), a
  uniformly random subset of the corpus is used, without replacement.

Contexts (each context has its own next-token distribution p_j^(0)):
  --contexts c            c independent contexts with n_j = n each (the paper's per-context chain)
  --context-length l      an order-l Markov model: each generation writes L = --text-length tokens
                          (default c n) autoregressively, counts (context, next token) pairs, so
                          n_j is random and depends on the other contexts; a context not visited
                          keeps its previous model. c = s^l contexts from --init, or with
                          --init corpus the contexts present in tiny Shakespeare (s = 65).
                          Only fully-synthetic.

Defaults: the paper's Figures 2-4 and 6 (s = 600, s~ = 52, S_0 = 0.1, init target), n = 10,
N = 100 (accumulate: N = n), K = 2, 100 runs, seed 1. Generations: fully-synthetic runs until
collapse (at most ${UNTIL_COLLAPSE_CAP}; --full-horizon with --generations keeps going after T);
partially-synthetic(-fresh) and accumulate 50 (Figure 3); most-recent and randomly-sampled 500
(Figure 6); Markov text ${MARKOV_DEFAULT_GENERATIONS} (stopping once every context is collapsed).

Output: JSON with the parameters, p^(0) (single context), a summary (runs collapsed, mean T,
mean sigma_m per generation) and per run: T, the Dirac token reached, and per generation m
n^(m), sigma_m, ||p^(m)||_inf, L1 and L2 (and squared L2) distances to p^(0) and p^(1), entropy
(nats), support size. --csv writes the same per-generation rows in long form. Files are written
atomically, and the same command always writes the same bytes. As in every JSON file the harness
writes, numbers JSON cannot hold are the strings "NaN", "Infinity" and "-Infinity".
`;

/** The `simulate` subcommand. */
export function simulateCommand(): Command {
  const cmd = new Command("simulate")
    .summary("simulate recursive training in one setting (Eq 5) and record every generation")
    .description("Simulate recursive training (the paper's Eq 5) in one setting and record sigma_m, distances and T per run.")
    .addOption(new Option("--setting <name>", "recursive-training setting").choices([...SETTINGS]).default("fully-synthetic"))
    .option("--s <s>", "vocabulary size s", "600")
    .option("--support <support>", "support size s~ of p^(0)", "52")
    .option("--S0 <S0>", "target S_0 = ||p^(0)||_2^2 (init target)", "0.1")
    .option("--init <kind>", "p^(0): uniform | zipf | dirichlet | target | json:FILE | corpus[:FILE]", "target")
    .option("--a <a>", "Zipf exponent or Dirichlet concentration (init zipf, dirichlet)", "1")
    .option("--n <n>", "synthetic samples per generation n", "10")
    .option("--N <N>", "real samples N (partially-synthetic: default 100; accumulate: default n)")
    .option("--K <K>", "window K of most-recent", "2")
    .addOption(new Option("--real-data <kind>", "real samples: the fixed corpus (paper) or fresh draws (not in the paper)").choices([...REAL_DATA]).default("fixed"))
    .option("--contexts <c>", "number of contexts c, each an independent chain with n_j = n")
    .option("--context-length <l>", "order-l Markov model generating its own text (see below)")
    .option("--text-length <L>", "tokens generated per generation in the Markov mode (default c n)")
    .option("--generations <G>", "horizon M (default: see below)")
    .option("--full-horizon", "fully-synthetic: keep simulating after collapse up to --generations")
    .option("--runs <R>", "independent runs (run r uses stream r of the seed)", "100")
    .option("--seed <seed>", "seed (integer)", "1")
    .option("--out <file>", "JSON output file (written atomically; out/ is ignored by git)", "out/simulate.json")
    .option("--csv <file>", "also write per-generation rows as CSV")
    .option("--no-progress", "no progress bar on stderr")
    .addHelpText("after", HELP_TEXT)
    .addHelpText("after", limitsHelp(SIMULATE_LIMITS_HELP))
    .action(async (opts: RawOptions) => {
      process.stdout.write(await runSimulate(opts, cmd));
    });
  return cmd;
}

/** What a simulation produces: the JSON record, the CSV rows if asked, the summary line. */
interface SimulationOutput {
  result: Record<string, unknown>;
  csv?: Iterable<string>;
  line: string;
}

/**
 * Validates the options, runs the simulation, writes the files; returns the summary line. Every
 * check (options, p^(0), the engine's configuration, the output paths) happens before any run, and
 * a failure there is a UsageError; the runs themselves raise only bugs.
 */
async function runSimulate(opts: RawOptions, cmd: Command): Promise<string> {
  const { setting, params, compute } = asUsage(() => planSimulation(opts, cmd));
  checkOutputFile(opts.out, "out");
  if (opts.csv !== undefined) {
    checkOutputFile(opts.csv, "csv");
    checkDistinctOutputs([
      { path: opts.out, option: "out" },
      { path: opts.csv, option: "csv" },
    ]);
  }
  checkSimulateMemory(params);
  checkSimulateOutputs(params, { out: opts.out, csv: opts.csv, asOneString: false });
  const { result, csv, line } = compute();
  const files: OutputFile[] = [{ path: opts.out, data: jsonFile({ command: "simulate", parameters: params, ...result }), option: "out" }];
  if (opts.csv !== undefined && csv !== undefined) files.push({ path: opts.csv, data: csv, option: "csv" });
  await writeOutputs(files);
  return `simulate ${setting}: ${line}; wrote ${files.map((f) => f.path).join(", ")}\n`;
}

/** Options that apply only to some settings or inits: typed where they do not apply, they are an error, not ignored. */
function rejectInapplicable(opts: RawOptions, cmd: Command, setting: Setting, initKind: InitKind, usesN: boolean): void {
  const typed = (key: string) => explicit(cmd, key);
  if (typed("N") && !usesN) throw new UsageError(`N applies only to --setting partially-synthetic, partially-synthetic-fresh or accumulate, got --setting ${setting}`);
  if (typed("K") && setting !== "most-recent") throw new UsageError(`K applies only to --setting most-recent, got --setting ${setting}`);
  if (opts.textLength !== undefined && opts.contextLength === undefined) throw new UsageError("text-length applies only with --context-length (the Markov-text mode)");
  if (typed("S0") && initKind !== "target") throw new UsageError(`S0 applies only to --init target, got --init ${initKind}`);
  if (typed("a") && initKind !== "zipf" && initKind !== "dirichlet") throw new UsageError(`a applies only to --init zipf or dirichlet, got --init ${initKind}`);
  if (typed("support") && (initKind === "json" || initKind === "corpus")) throw new UsageError(`support does not apply to --init ${initKind} (p^(0) comes from the file)`);
}

/** The validated parameters and the computation they describe (nothing is run yet). */
function planSimulation(opts: RawOptions, cmd: Command): { setting: Setting; params: Parameters; compute: () => SimulationOutput } {
  const setting = checkChoice(opts.setting, "setting", SETTINGS);
  const init = parseInit(opts.init);
  const sGiven = explicit(cmd, "s");
  const s = parseIntegerOption(opts.s, "s", 1);
  const support = parseIntegerOption(opts.support, "support", 1);
  const S0 = parseNumberOption(opts.S0, "S0");
  const a = parseNumberOption(opts.a, "a");
  const n = parseIntegerOption(opts.n, "n", 1);
  const K = parseIntegerOption(opts.K, "K", 1);
  const realData = checkChoice(opts.realData, "real-data", REAL_DATA);
  const runs = parseIntegerOption(opts.runs, "runs", 1);
  const seed = parseSeedOption(opts.seed);
  const usesN = setting.startsWith("partially") || setting === "accumulate";
  rejectInapplicable(opts, cmd, setting, init.kind, usesN);
  const N = opts.N === undefined ? (setting === "accumulate" ? n : 100) : parseIntegerOption(opts.N, "N", 0);
  const contextLength = opts.contextLength === undefined ? null : parseIntegerOption(opts.contextLength, "context-length", 0);
  const contextsGiven = opts.contexts === undefined ? null : parseIntegerOption(opts.contexts, "contexts", 1);
  const stopAtCollapse = setting === "fully-synthetic" && !opts.fullHorizon;
  if (opts.fullHorizon && opts.generations === undefined) throw new UsageError("generations must be given with --full-horizon");
  const generations =
    opts.generations !== undefined
      ? parseIntegerOption(opts.generations, "generations", 1)
      : contextLength !== null
        ? MARKOV_DEFAULT_GENERATIONS
        : DEFAULT_GENERATIONS[setting];
  const textLengthGiven = opts.textLength === undefined ? null : parseIntegerOption(opts.textLength, "text-length", 1);
  const synthetic = init.kind !== "json" && init.kind !== "corpus";
  checkSimulateMemory({ setting, s: synthetic ? s : null, n, runs, generations, stopAtCollapse, contexts: contextsGiven, contextLength, textLength: textLengthGiven });
  const spec: InitSpec = {
    kind: init.kind,
    s: (init.kind === "json" || init.kind === "corpus") && !sGiven ? (undefined as unknown as number) : s,
    support,
    S0,
    a,
    file: init.file,
  };
  const initRng = createRng(deriveSeed(seed, "simulate-init"));
  const uses = { support: ["uniform", "zipf", "dirichlet", "target"], S0: ["target"], a: ["zipf", "dirichlet"] };
  const params: Parameters = {
    setting,
    init: opts.init,
    s,
    support: uses.support.includes(init.kind) ? support : null,
    S0: uses.S0.includes(init.kind) ? S0 : null,
    a: uses.a.includes(init.kind) ? a : null,
    n,
    N: usesN ? N : null,
    K: setting === "most-recent" ? K : null,
    realData: setting === "partially-synthetic-fresh" ? "fresh" : realData,
    contexts: contextsGiven ?? 1,
    contextLength,
    textLength: null,
    generations,
    stopAtCollapse,
    runs,
    seed,
  };
  const base = { setting, n, N: usesN ? N : undefined, K, generations, stopAtCollapse, realData };

  if (contextLength !== null) {
    if (setting !== "fully-synthetic") throw new UsageError(`setting must be fully-synthetic with --context-length, got ${setting}`);
    const { model, start } = markovModel(spec, contextLength, initRng);
    if (contextsGiven !== null && contextsGiven !== model.contexts.length) {
      throw new UsageError(`contexts must equal the number of contexts of the order-${contextLength} model (${model.contexts.length}), got ${quoted(opts.contexts ?? "")}`);
    }
    const textLength = opts.textLength === undefined ? model.contexts.length * n : parseIntegerOption(opts.textLength, "text-length", 1);
    Object.assign(params, { s: model.s, contexts: model.contexts.length, textLength });
    const config: MarkovTextConfig = { p0: model, start, textLength, generations, stopAtCollapse: true };
    checkMarkovTextConfig(config);
    return {
      setting,
      params,
      compute: () => {
        const records = runAll(seed, runs, opts.progress, (rng) => simulateMarkovText(rng, config));
        return { result: { summary: contextsSummary(records), runs: records }, csv: opts.csv === undefined ? undefined : contextsCsv(records), line: contextsLine(records) };
      },
    };
  }
  if (contextsGiven !== null && contextsGiven > 1) {
    const rows = contextRows(spec, contextsGiven, initRng);
    params.s = rows[0].length;
    const configs = checkContextsConfig({ ...base, p0: rows, n });
    return {
      setting,
      params,
      compute: () => {
        const records = runAll(seed, runs, opts.progress, (rng) => simulateContextsChecked(rng, configs));
        return { result: { summary: contextsSummary(records), runs: records }, csv: opts.csv === undefined ? undefined : contextsCsv(records), line: contextsLine(records) };
      },
    };
  }
  const p0 = initialDistribution(spec, initRng);
  params.s = p0.length;
  const checked = checkSimulationConfig({ ...base, p0 } satisfies SimulationConfig);
  return {
    setting,
    params,
    compute: () => {
      const ws = new Workspace(p0.length);
      const records = runAll(seed, runs, opts.progress, (rng) => simulateRunChecked(rng, checked, undefined, ws));
      const z = checked.p0Measures;
      const Ts = records.flatMap((r) => (r.T === null ? [] : [r.T]));
      const M = Math.max(...records.map((r) => r.generations));
      return {
        result: {
          p0: { sigma: z.sigma, supNorm: z.supNorm, entropy: z.entropy, supportSize: z.supportSize, values: Array.from(p0) },
          summary: {
            runs,
            collapsed: Ts.length,
            meanT: mean(Ts),
            meanSigma: meanCarried(
              records.map((r) => r.sigma),
              M,
            ),
          },
          runs: records,
        },
        csv: opts.csv === undefined ? undefined : runsCsv(records),
        line: `${runs} runs, ${Ts.length} collapsed${Ts.length > 0 ? `, mean T = ${mean(Ts)}` : ""}`,
      };
    },
  };
}

/** One p_j^(0) per context: drawn afresh per context for dirichlet, the same vector otherwise. */
function contextRows(spec: InitSpec, c: number, rng: Rng): Float64Array[] {
  if (spec.kind === "dirichlet") return Array.from({ length: c }, () => initialDistribution(spec, rng));
  const p = initialDistribution(spec, rng);
  return Array.from({ length: c }, () => p);
}

/** The order-l model p^(0) and its start distribution for the Markov-text mode. */
function markovModel(spec: InitSpec, l: number, rng: Rng): { model: LanguageModel; start?: Float64Array } {
  if (spec.kind === "corpus") {
    const corpus = fromCorpus(readCorpus(spec.file ?? CORPUS_PATH), l);
    if (spec.s !== undefined && spec.s !== corpus.alphabet.length) {
      throw new RangeError(`s must equal the corpus alphabet size ${corpus.alphabet.length} for init = corpus, got ${spec.s}`);
    }
    // Start where the corpus does, in proportion to how often each context occurs.
    const weights = corpus.counts.counts.map((row) => row.reduce((x, y) => x + y, 0));
    const total = weights.reduce((x, y) => x + y, 0);
    return { model: corpus.model, start: Float64Array.from(weights, (w) => w / total) };
  }
  const first = initialDistribution(spec, rng);
  const s = first.length;
  const c = s ** l;
  if (c * s > MAX_TABLE_ENTRIES) {
    throw new RangeError(`context-length: s^l * s = ${s}^${l} * ${s} table entries exceeds ${MAX_TABLE_ENTRIES}`);
  }
  const tables = [first];
  for (let j = 1; j < c; j++) tables.push(spec.kind === "dirichlet" ? initialDistribution(spec, rng) : first);
  return { model: { s, contextLength: l, contexts: Array.from({ length: c }, (_, j) => j), tables } };
}

function contextsSummary(records: MultiContextRecord[]): Record<string, unknown> {
  const Ts = records.flatMap((r) => (r.T === null ? [] : [r.T]));
  const M = Math.max(...records.map((r) => r.generations));
  return {
    runs: records.length,
    allContextsCollapsed: Ts.length,
    meanT: mean(Ts),
    meanFractionCollapsed: meanCarried(
      records.map((r) => r.fractionCollapsed),
      M,
    ),
    meanSigma: meanCarried(
      records.map((r) => r.meanSigma),
      M,
    ),
  };
}

function contextsLine(records: MultiContextRecord[]): string {
  const Ts = records.flatMap((r) => (r.T === null ? [] : [r.T]));
  return `${records.length} runs of ${records[0].contexts} contexts, ${Ts.length} with every context collapsed${Ts.length > 0 ? `, mean T = ${mean(Ts)}` : ""}`;
}
