/**
 * The recursive protocol of Figure 5 (Sect. 4.1) for a tfjs transformer. Generation 0 is trained on
 * the corpus and is the ground truth p^(0); generation m >= 1 is trained from the same initial
 * weights with the same settings on the documents its setting's plan names (`settings.ts`).
 * Each generation is scored on 300 contexts sampled once from p^(0): ||p^(m) - p^(1)||_1 (the
 * figure's y axis), ||p^(m) - p^(0)||_1, sigma_m, entropy, support, and the validation loss on
 * held-out corpus text; per context, Theorem 1's S_m for the count n of the context's last k tokens
 * in the synthetic training text of each generation, and the n that Eq (6) would need.
 * One seed governs everything: weights, batches, dropout, contexts, real chunks and sampled text.
 * As in nanoGPT (a fixed seed per training run), every generation m >= 1 draws its batches and
 * dropout masks from the same stream: documents have the same lengths in every generation, so
 * the same windows are visited and generations differ by their data, not by batch noise.
 */
import { checkSeed, createRng, deriveSeed, type Rng } from "../rng/index.ts";
import { checkIntegerAtLeast } from "../validate.ts";
import { type BackendInfo, type TransformerBackend, useBackend } from "./backend.ts";
import { contextMeasures, impliedSampleCount, mean, suffixCounts, theorem1S } from "./contextMeasures.ts";
import { disposeParams, initialParamValues, parameterCount, paramValues, paramsFromValues, type ParamValues, type TransformerParams } from "./model.ts";
import { distributionsAt, sampleStreams } from "./nextToken.ts";
import { checkPreset, type TransformerPreset } from "./presets.ts";
import { bankDocuments, generationPlan, parseSetting, realDocuments, type TransformerSetting } from "./settings.ts";
import { windowSampler } from "./textWindows.ts";
import { charTokenizer, decode, encode, splitTrainValidation } from "./tokenizer.ts";
import { type LossPoint, trainTransformer } from "./train.ts";

/** Where the "real" documents of the mixes come from. */
export type RealSource = "corpus" | "p0";

export interface TransformerExperimentOptions {
  preset: TransformerPreset;
  /** Setting names (`parseSetting`), run one after the other from the same generation 0. */
  settings: string[];
  /** G: generations 1..G are trained after generation 0. */
  generations: number;
  seed: number;
  backend: TransformerBackend;
  /** The corpus text (tiny Shakespeare for the paper). */
  corpus: string;
  /** "corpus" (default): real documents are chunks of the corpus's training split; "p0": text sampled once from p^(0). */
  realSource?: RealSource;
  /** Fraction of the corpus used for training (the rest is validation text); default 0.9. */
  trainFraction?: number;
  onProgress?: (event: ProgressEvent) => void;
}

export interface ProgressEvent {
  setting: string | null;
  generation: number;
  phase: "train" | "sample" | "measure" | "done";
  iteration?: number;
  iterations?: number;
  message?: string;
}

/** Per-context values of one generation; arrays run over the contexts in order. */
export interface PerContextRecord {
  l1FromFirst: number[] | null;
  l1FromGroundTruth: number[];
  sigma: number[];
  entropy: number[];
  support: number[];
  /** n_m: occurrences of the context's last k tokens (with a next token) in the synthetic training text. */
  suffixCountSynthetic: number[];
  /** The same count in the real training documents. */
  suffixCountReal: number[];
  /** Theorem 1's S_m from S_0 = sigma_0 and n_1..n_m (Fully Synthetic only; null otherwise and at m = 0). */
  theorem1S: number[] | null;
  /** The constant n with which Eq (6) reproduces sigma_m (null where sigma_m <= S_0). */
  impliedN: (number | null)[];
}

export interface GenerationRecord {
  generation: number;
  trainingTokens: { real: number; synthetic: number; documents: number };
  /** Validation loss (nats/token) on held-out corpus text at log-spaced iterations. */
  lossCurve: LossPoint[];
  validationLoss: number;
  /** Means over the contexts. */
  l1FromFirst: number | null;
  l1FromGroundTruth: number;
  sigma: number;
  entropy: number;
  support: number;
  theorem1S: number | null;
  /** Median of the finite implied n (null if none). */
  impliedNMedian: number | null;
  perContext: PerContextRecord;
  /** The first 200 characters of the text this model generated for the next generation (if any). */
  sampleExcerpt: string | null;
  seconds: { train: number; sample: number; measure: number };
}

export interface SettingRecord {
  setting: string;
  kind: TransformerSetting["kind"];
  realShare: number | null;
  window: number | null;
  /** Generations 0..G; generation 0 is the shared ground truth. */
  generations: GenerationRecord[];
}

export interface TransformerExperimentRecord {
  kind: "transformer-recursion";
  version: 1;
  preset: TransformerPreset;
  parameters: number;
  backend: BackendInfo;
  seed: number;
  generations: number;
  realSource: RealSource;
  corpus: { characters: number; vocabulary: string; trainTokens: number; validationTokens: number; trainFraction: number };
  notes: string[];
  /** The contexts sampled from p^(0), decoded. */
  contexts: string[];
  settings: SettingRecord[];
  seconds: number;
}

const round = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(7)) : x);
const roundAll = (xs: number[]) => xs.map(round);

/** Fixed notes on the protocol's choices, copied into every record. */
export const protocolNotes = [
  "Generation 0 is trained on the corpus's training split and is the ground truth p^(0); generations m >= 1 use the same architecture, settings and initial weights.",
  "Each generation m >= 1 trains on protocol.tokensPerGeneration tokens in documents of protocol.streamLength tokens; a mix-R setting holds round(R% of the documents) real documents, the same ones at every generation (Partially Synthetic, Eq (17)), and the rest sampled from p^(m-1).",
  "Real documents: realSource 'corpus' takes random chunks of the corpus's training split (standing in for data from p^(0)); 'p0' samples them once from the ground-truth model, the paper's definition of real data.",
  "Synthetic text: streams that start with a newline and continue by sampling each token from the model at temperature 1 with the project's categorical sampler.",
  "Contexts: protocol.contexts streams of 2 x contextLength tokens sampled from p^(0); the context is the last contextLength tokens.",
  "support counts next-token probabilities above protocol.supportThreshold (a softmax is never exactly 0).",
  "Theorem 1 comparison: n_m for a context is the number of occurrences of its last protocol.theorySuffixLength tokens (followed by a token) in generation m's synthetic training text, i.e. the sample count of a statistical model whose contexts are those k tokens; an exact context of contextLength tokens almost never recurs, so the full context gives no usable n. S_m = 1 - (1 - S_0) prod (1 - 1/n_t) with S_0 = sigma_0 of p^(0) at the context (n_t = 0 leaves S unchanged); impliedN is the constant n that Eq (6) needs to reproduce the observed sigma_m.",
];

/**
 * Runs generation 0 and then each setting for `generations` generations; returns the JSON record.
 */
export async function runTransformerExperiment(options: TransformerExperimentOptions): Promise<TransformerExperimentRecord> {
  const started = performance.now();
  const preset = checkPreset(structuredClone(options.preset));
  const settings = options.settings.map(parseSetting);
  if (settings.length === 0) throw new RangeError("settings must name at least one setting");
  const G = checkIntegerAtLeast(options.generations, "generations", 1);
  const seed = checkSeed(options.seed);
  const realSource = options.realSource ?? "corpus";
  if (realSource !== "corpus" && realSource !== "p0") throw new RangeError(`realSource must be corpus or p0, got ${String(realSource)}`);
  const trainFraction = options.trainFraction ?? 0.9;
  const { model, protocol } = preset;
  const progress = options.onProgress ?? (() => {});
  const rngFor = (label: string): Rng => createRng(deriveSeed(seed, label));

  const backend = await useBackend(options.backend);
  const tokenizer = charTokenizer(options.corpus);
  if (tokenizer.chars.length !== model.vocabSize) {
    throw new RangeError(`preset.model.vocabSize must equal the corpus's ${tokenizer.chars.length} characters, got ${model.vocabSize}`);
  }
  const tokens = encode(tokenizer, options.corpus);
  const { train, validation } = splitTrainValidation(tokens, trainFraction);
  const T = model.contextLength;
  const L = protocol.streamLength;
  const docsPerGeneration = Math.max(1, Math.round(protocol.tokensPerGeneration / L));
  const newline = Math.max(0, tokenizer.chars.indexOf("\n"));
  const validationWindows = windowSampler([validation], T, protocol.validationWindows).next(rngFor("validation"));
  const init = initialParamValues(model, rngFor("init"));

  const sample = async (params: TransformerParams, rng: Rng, count: number, length: number) =>
    sampleStreams(params, model, rng, count, length, newline, protocol.sampleBatch);

  // Generation 0: the ground truth.
  const trained0 = await train0();
  async function train0() {
    progress({ setting: null, generation: 0, phase: "train", iterations: preset.train.iterations });
    return trainTransformer(preset, init, [train], validationWindows, rngFor("train/0"), (it) =>
      progress({ setting: null, generation: 0, phase: "train", iteration: it, iterations: preset.train.iterations }),
    );
  }
  const params0 = trained0.params;
  const values0: ParamValues = await paramValues(params0);
  progress({ setting: null, generation: 0, phase: "sample", message: "contexts" });
  const t0 = performance.now();
  const contexts = (await sample(params0, rngFor("contexts"), protocol.contexts, 2 * T)).map((s) => s.slice(s.length - T));
  const maxReal = Math.max(...settings.map((s) => realDocuments(s, docsPerGeneration)));
  let realDocs: Int32Array[];
  if (realSource === "corpus") {
    const rng = rngFor("real");
    realDocs = Array.from({ length: maxReal }, () => {
      const start = Math.floor(rng.uniform() * (train.length - L + 1));
      return train.slice(start, start + L);
    });
  } else {
    realDocs = await sample(params0, rngFor("real"), maxReal, L);
  }
  const sampleSeconds0 = (performance.now() - t0) / 1000;
  progress({ setting: null, generation: 0, phase: "measure" });
  const m0 = performance.now();
  const ground = await distributionsAt(params0, model, contexts, protocol.sampleBatch);
  const s0 = ground.map((p) => p.reduce((a, x) => a + x * x, 0));
  const k = protocol.theorySuffixLength;
  const V = model.vocabSize;
  const generation0 = record(0, ground, null, trained0.curve, { real: train.length, synthetic: 0, documents: 1 }, {
    synthetic: contexts.map(() => 0),
    real: suffixCounts([train], contexts, k, V),
    theorem1: null,
  });
  generation0.seconds = { train: trained0.seconds, sample: sampleSeconds0, measure: (performance.now() - m0) / 1000 };
  disposeParams(params0);

  function record(
    m: number,
    p: Float64Array[],
    first: Float64Array[] | null,
    curve: LossPoint[],
    tokensUsed: { real: number; synthetic: number; documents: number },
    counts: { synthetic: number[]; real: number[]; theorem1: number[] | null },
  ): GenerationRecord {
    const cm = contextMeasures(p, ground, first, protocol.supportThreshold);
    const implied = cm.sigma.map((sg, i) => impliedSampleCount(s0[i], sg, m));
    const finite = implied.filter((x): x is number => x !== null).sort((a, b) => a - b);
    return {
      generation: m,
      trainingTokens: tokensUsed,
      lossCurve: curve.map((c) => ({ iteration: c.iteration, trainLoss: round(c.trainLoss), validationLoss: round(c.validationLoss) })),
      validationLoss: round(curve[curve.length - 1].validationLoss),
      l1FromFirst: cm.l1FromFirst === null ? null : round(mean(cm.l1FromFirst)),
      l1FromGroundTruth: round(mean(cm.l1FromGroundTruth)),
      sigma: round(mean(cm.sigma)),
      entropy: round(mean(cm.entropy)),
      support: round(mean(cm.support)),
      theorem1S: counts.theorem1 === null ? null : round(mean(counts.theorem1)),
      impliedNMedian: finite.length === 0 ? null : round(finite[Math.floor((finite.length - 1) / 2)]),
      perContext: {
        l1FromFirst: cm.l1FromFirst === null ? null : roundAll(cm.l1FromFirst),
        l1FromGroundTruth: roundAll(cm.l1FromGroundTruth),
        sigma: roundAll(cm.sigma),
        entropy: roundAll(cm.entropy),
        support: cm.support,
        suffixCountSynthetic: counts.synthetic,
        suffixCountReal: counts.real,
        theorem1S: counts.theorem1 === null ? null : roundAll(counts.theorem1),
        impliedN: implied.map((x) => (x === null ? null : round(x))),
      },
      sampleExcerpt: null,
      seconds: { train: 0, sample: 0, measure: 0 },
    };
  }

  const settingRecords: SettingRecord[] = [];
  for (const setting of settings) {
    const name = setting.name;
    const bankSize = bankDocuments(setting, docsPerGeneration);
    const nReal = realDocuments(setting, docsPerGeneration);
    const banks: Int32Array[][] = [];
    const generations: GenerationRecord[] = [{ ...generation0 }];
    const realCounts = suffixCounts(realDocs.slice(0, nReal), contexts, k, V);
    const syntheticCountHistory: number[][] = [];
    let first: Float64Array[] | null = null;
    let previous: TransformerParams | null = null;
    for (let m = 1; m <= G; m++) {
      // Bank m-1: text sampled from the model just trained (generation 0's comes from its saved weights).
      progress({ setting: name, generation: m - 1, phase: "sample" });
      const ts = performance.now();
      const source = previous ?? paramsFromValues(values0);
      banks[m - 1] = bankSize > 0 ? await sample(source, rngFor(`sample/${name}/${m - 1}`), bankSize, L) : [];
      disposeParams(source);
      previous = null;
      const sampleSeconds = (performance.now() - ts) / 1000;
      generations[m - 1].seconds = { ...generations[m - 1].seconds, sample: sampleSeconds };
      if (banks[m - 1].length > 0) generations[m - 1].sampleExcerpt = decode(tokenizer, banks[m - 1][0]).slice(0, 200);

      const plan = generationPlan(setting, m, docsPerGeneration, rngFor(`plan/${name}/${m}`));
      const synthetic = plan.fromModels.flatMap(({ model: t, docs }) => docs.map((d) => banks[t][d]));
      const real = realDocs.slice(0, plan.real);
      progress({ setting: name, generation: m, phase: "train", iterations: preset.train.iterations });
      const trained = await trainTransformer(preset, init, [...real, ...synthetic], validationWindows, rngFor("train"), (it) =>
        progress({ setting: name, generation: m, phase: "train", iteration: it, iterations: preset.train.iterations }),
      );
      progress({ setting: name, generation: m, phase: "measure" });
      const tm = performance.now();
      const p = await distributionsAt(trained.params, model, contexts, protocol.sampleBatch);
      if (m === 1) first = p;
      const syntheticCounts = suffixCounts(synthetic, contexts, k, V);
      syntheticCountHistory.push(syntheticCounts);
      const fullySynthetic = setting.kind === "mix" && setting.realShare === 0;
      const theorem1 = fullySynthetic ? s0.map((s, i) => theorem1S(s, syntheticCountHistory.map((c) => c[i]))) : null;
      const rec = record(m, p, first, trained.curve, {
        real: real.reduce((a, d) => a + d.length, 0),
        synthetic: synthetic.reduce((a, d) => a + d.length, 0),
        documents: real.length + synthetic.length,
      }, { synthetic: syntheticCounts, real: realCounts, theorem1 });
      rec.seconds = { train: trained.seconds, sample: 0, measure: (performance.now() - tm) / 1000 };
      generations.push(rec);
      if (m < G) previous = trained.params;
      else disposeParams(trained.params);
    }
    progress({ setting: name, generation: G, phase: "done" });
    settingRecords.push({
      setting: name,
      kind: setting.kind,
      realShare: setting.kind === "mix" ? setting.realShare : null,
      window: setting.kind === "window" ? setting.window : null,
      generations,
    });
  }

  return {
    kind: "transformer-recursion",
    version: 1,
    preset,
    parameters: parameterCount(init),
    backend,
    seed,
    generations: G,
    realSource,
    corpus: {
      characters: tokens.length,
      vocabulary: tokenizer.chars,
      trainTokens: train.length,
      validationTokens: validation.length,
      trainFraction,
    },
    notes: protocolNotes,
    contexts: contexts.map((c) => decode(tokenizer, c)),
    settings: settingRecords,
    seconds: round((performance.now() - started) / 1000),
  };
}
