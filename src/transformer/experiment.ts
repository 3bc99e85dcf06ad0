/**
 * The recursive protocol of Figure 5 (Sect. 4.1) for a tfjs transformer. Generation 0 is trained on
 * the corpus and is the ground truth p^(0); generation m >= 1 is trained from the same initial
 * weights with the same settings on the documents that its setting's schedule (the loop engine's
 * n_t^(m) of Eq (5), in documents: `settings.ts`) names: t = 0 the real documents, t >= 1 text
 * sampled afresh from the kept weights of model t.
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
import type { Setting } from "../loops/index.ts";
import { checkIntegerAtLeast } from "../validate.ts";
import { type BackendInfo, type TransformerBackend, useBackend } from "./backend.ts";
import { contextMeasures, impliedSampleCount, mean, suffixCounts, theorem1S } from "./contextMeasures.ts";
import { disposeParams, initialParamValues, parameterCount, paramValues, paramsFromValues, type ParamValues, type TransformerParams } from "./model.ts";
import { distributionsAt, sampleStreams } from "./nextToken.ts";
import { checkPreset, type TransformerPreset } from "./presets.ts";
import { parseSetting, transformerSchedule } from "./settings.ts";
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
  /** Theorem 1's S_m from S_0 = sigma_0 and n_t = suffix count in all of generation t's training text, t = 1..m (fully-synthetic only; null otherwise and at m = 0). */
  theorem1S: number[] | null;
  /** The constant n with which Eq (6) reproduces sigma_m (null where sigma_m <= S_0). */
  impliedN: (number | null)[];
}

export interface GenerationRecord {
  generation: number;
  trainingTokens: { real: number; synthetic: number; documents: number };
  /**
   * How many of the documents this generation trained on came from each source t, t ascending,
   * sources with none left out: t = 0 the real data, t >= 1 text sampled from model t; kept
   * (accumulated) documents count too, so the documents sum to trainingTokens.documents. For
   * m >= 1 this is the n_t^(m) of Eq (5) that the loop engine's schedule prescribes (`trainingCounts`);
   * generation 0 trains on the whole training split as one document: [{ t: 0, documents: 1 }].
   * @example most-recent-2, m = 3, 8 documents a generation: [{ t: 1, documents: 4 }, { t: 2, documents: 4 }]
   */
  sources: Array<{ t: number; documents: number }>;
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
  /** The first 200 characters of the first synthetic document this generation trained on (null if none). */
  sampleExcerpt: string | null;
  seconds: { train: number; sample: number; measure: number };
}

export interface SettingRecord {
  setting: string;
  /** The loop engine's setting (src/loops) the name maps to. */
  engineSetting: Setting;
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
  "Generation 0 is trained on the corpus's training split and is the ground truth p^(0); generations m >= 1 use the same architecture, settings and initial weights, and draw their batches from the same random stream (common random numbers, as nanoGPT's fixed seed).",
  "Data come in documents of protocol.streamLength tokens, protocol.tokensPerGeneration / streamLength of them per generation; each setting is the loop engine's schedule (src/loops, the n_t^(m) of Eq (5)) counted in documents: t = 0 is the real data, t >= 1 text sampled afresh from the kept weights of model t.",
  "Hence, as in the paper's theory, p^(1) is trained on real data only: fully-synthetic generation 1 on n real documents, mix-R generation 1 on the N = round(R% of the documents) real ones; mix-R generation m >= 2 adds n = the rest from p^(m-1), with the same N real documents every generation (Partially Synthetic, Eq (17)).",
  "Real documents: realSource 'corpus' takes random chunks of the corpus's training split (standing in for data from p^(0)); 'p0' samples them from the ground-truth model, the paper's definition of real data.",
  "Synthetic text: streams that start with a newline and continue by sampling each token from the model at temperature 1 with the project's categorical sampler.",
  "Contexts: protocol.contexts streams of 2 x contextLength tokens sampled from p^(0); the context is the last contextLength tokens. l1FromFirst = ||p^(m) - p^(1)||_1 (Figure 5), l1FromGroundTruth = ||p^(m) - p^(0)||_1, means over the contexts.",
  "support counts next-token probabilities above protocol.supportThreshold (a softmax is never exactly 0); entropy is in nats; validationLoss is the mean cross-entropy (nats/token) on fixed windows of the corpus's held-out split.",
  "Theorem 1 comparison (fully-synthetic only): n_t for a context is the number of occurrences of its last protocol.theorySuffixLength tokens (followed by a token) in generation t's training text, i.e. the sample count of a statistical model whose contexts are those k tokens; an exact context of contextLength tokens almost never recurs, so the full context gives no usable n. S_m = 1 - (1 - S_0) prod_{t<=m} (1 - 1/n_t) with S_0 = sigma_0 of p^(0) at the context (n_t = 0 leaves S unchanged); impliedN is the constant n that Eq (6) needs to reproduce the observed sigma_m.",
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
  const docsPerGeneration = Math.max(2, Math.round(protocol.tokensPerGeneration / L));
  for (const st of settings) {
    if (st.window !== null && st.window > docsPerGeneration) {
      throw new RangeError(`setting ${st.name}: K must be at most the ${docsPerGeneration} documents of a generation`);
    }
  }
  const newline = Math.max(0, tokenizer.chars.indexOf("\n"));
  const validationWindows = windowSampler([validation], T, protocol.validationWindows).next(rngFor("validation"));
  const init = initialParamValues(model, rngFor("init"));

  const sample = async (params: TransformerParams, rng: Rng, count: number, length: number) =>
    sampleStreams(params, model, rng, count, length, newline, protocol.sampleBatch);

  // Generation 0, the ground truth p^(0): trained on the corpus's training split.
  progress({ setting: null, generation: 0, phase: "train", iterations: preset.train.iterations });
  const trained0 = await trainTransformer(preset, init, [train], validationWindows, rngFor("train/0"), (it) =>
    progress({ setting: null, generation: 0, phase: "train", iteration: it, iterations: preset.train.iterations }),
  );
  const params0 = trained0.params;
  const values0: ParamValues = await paramValues(params0);
  progress({ setting: null, generation: 0, phase: "sample", message: "contexts" });
  const t0 = performance.now();
  const contexts = (await sample(params0, rngFor("contexts"), protocol.contexts, 2 * T)).map((s) => s.slice(s.length - T));
  const sampleSeconds0 = (performance.now() - t0) / 1000;
  progress({ setting: null, generation: 0, phase: "measure" });
  const m0 = performance.now();
  const ground = await distributionsAt(params0, model, contexts, protocol.sampleBatch);
  const s0 = ground.map((p) => p.reduce((a, x) => a + x * x, 0));
  const k = protocol.theorySuffixLength;
  const V = model.vocabSize;
  const generation0 = record(0, ground, null, trained0.curve, { real: train.length, synthetic: 0, documents: 1 }, [{ t: 0, documents: 1 }], {
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
    sources: Array<{ t: number; documents: number }>,
    counts: { synthetic: number[]; real: number[]; theorem1: number[] | null },
  ): GenerationRecord {
    const cm = contextMeasures(p, ground, first, protocol.supportThreshold);
    const implied = cm.sigma.map((sg, i) => impliedSampleCount(s0[i], sg, m));
    const finite = implied.filter((x): x is number => x !== null).sort((a, b) => a - b);
    return {
      generation: m,
      trainingTokens: tokensUsed,
      sources,
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

  const makeReal = async (count: number, rng: Rng): Promise<Int32Array[]> => {
    if (realSource === "p0") {
      const params = paramsFromValues(values0);
      const docs = await sample(params, rng, count, L);
      disposeParams(params);
      return docs;
    }
    return Array.from({ length: count }, () => {
      const start = Math.floor(rng.uniform() * (train.length - L + 1));
      return train.slice(start, start + L);
    });
  };

  const settingRecords: SettingRecord[] = [];
  for (const setting of settings) {
    const name = setting.name;
    const schedule = transformerSchedule(setting, docsPerGeneration);
    const realSet = schedule.freshReal ? [] : await makeReal(schedule.corpusSize, rngFor("real"));
    const history = new Map<number, ParamValues>();
    const generations: GenerationRecord[] = [generation0];
    const countHistory: number[][] = [];
    let first: Float64Array[] | null = null;
    let kept = { real: [] as Int32Array[], synthetic: [] as Int32Array[] };
    let keptSources = new Map<number, number>();
    for (let m = 1; m <= G; m++) {
      const planRng = rngFor(`plan/${name}/${m}`);
      const draws = schedule.draws(m, planRng);
      const fresh = { real: [] as Int32Array[], synthetic: [] as Int32Array[] };
      progress({ setting: name, generation: m, phase: "sample" });
      const ts = performance.now();
      const sources = new Map(schedule.keepsPreviousData ? keptSources : []);
      for (const { t, count } of draws) {
        const before = fresh.real.length + fresh.synthetic.length;
        if (t === 0) {
          if (schedule.freshReal) fresh.real.push(...(await makeReal(count, rngFor(`real/${name}/${m}`))));
          else fresh.real.push(...subset(realSet, count, planRng));
        } else {
          const params = paramsFromValues(history.get(t)!);
          fresh.synthetic.push(...(await sample(params, rngFor(`sample/${name}/${m}/${t}`), count, L)));
          disposeParams(params);
        }
        sources.set(t, (sources.get(t) ?? 0) + fresh.real.length + fresh.synthetic.length - before);
      }
      const data = schedule.keepsPreviousData
        ? { real: [...kept.real, ...fresh.real], synthetic: [...kept.synthetic, ...fresh.synthetic] }
        : fresh;
      kept = data;
      keptSources = sources;
      const sampleSeconds = (performance.now() - ts) / 1000;
      progress({ setting: name, generation: m, phase: "train", iterations: preset.train.iterations });
      const trained = await trainTransformer(preset, init, [...data.real, ...data.synthetic], validationWindows, rngFor("train"), (it) =>
        progress({ setting: name, generation: m, phase: "train", iteration: it, iterations: preset.train.iterations }),
      );
      progress({ setting: name, generation: m, phase: "measure" });
      const tm = performance.now();
      const p = await distributionsAt(trained.params, model, contexts, protocol.sampleBatch);
      if (m === 1) first = p;
      const syntheticCounts = suffixCounts(data.synthetic, contexts, k, V);
      const realCounts = suffixCounts(data.real, contexts, k, V);
      countHistory.push(syntheticCounts.map((c, i) => c + realCounts[i]));
      const theorem1 = setting.setting === "fully-synthetic" ? s0.map((s, i) => theorem1S(s, countHistory.map((c) => c[i]))) : null;
      const tokensIn = (docs: Int32Array[]) => docs.reduce((a, d) => a + d.length, 0);
      const rec = record(
        m,
        p,
        first,
        trained.curve,
        { real: tokensIn(data.real), synthetic: tokensIn(data.synthetic), documents: data.real.length + data.synthetic.length },
        [...sources].filter(([, d]) => d > 0).sort(([a], [b]) => a - b).map(([t, documents]) => ({ t, documents })),
        { synthetic: syntheticCounts, real: realCounts, theorem1 },
      );
      rec.sampleExcerpt = data.synthetic.length > 0 ? decode(tokenizer, data.synthetic[0]).slice(0, 200) : null;
      rec.seconds = { train: trained.seconds, sample: sampleSeconds, measure: (performance.now() - tm) / 1000 };
      generations.push(rec);
      history.set(m, await paramValues(trained.params));
      disposeParams(trained.params);
      for (const t of history.keys()) if (t <= m - schedule.historyDepth) history.delete(t);
    }
    progress({ setting: name, generation: G, phase: "done" });
    settingRecords.push({ setting: name, engineSetting: setting.setting, realShare: setting.realShare, window: setting.window, generations });
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

/** `count` distinct documents of `docs` chosen uniformly (all of them, in order, when count = docs.length). */
function subset(docs: Int32Array[], count: number, rng: Rng): Int32Array[] {
  if (count >= docs.length) return docs.slice();
  const pool = docs.slice();
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(rng.uniform() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count);
}
