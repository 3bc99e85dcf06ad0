/**
 * TRANSFORMER.md and the Figure-5-style plot of one `collapse-harness transformer` run record
 * (Sect. 4.1, Figure 5). Pure: the same record and paths give the same Markdown and PlotSpec;
 * every number comes from the record.
 */
import type { GenerationRecord, SettingRecord, TransformerExperimentRecord } from "../transformer/experiment.ts";
import { transformerPresets, type TransformerPreset } from "../transformer/presets.ts";
import { formatNumber, markdownTable, type Align, type Cell } from "./markdown.ts";
import type { PlotLayer, PlotPanel, PlotSpec } from "./plot/types.ts";
import type { ParameterValue } from "./formatParameters.ts";

/** Base name of the figure's files under `<out>/figures/`. */
export const TRANSFORMER_FIGURE_ID = "fig5-transformer";
/** File name of the report under `<out>/`. */
export const TRANSFORMER_REPORT_FILE = "TRANSFORMER.md";

/** Where the run record and the report live, as the commands in the report spell them. */
export interface TransformerReportOptions {
  /** Path of the run record (`--in`). */
  runPath: string;
  /** Folder of the report (`--out`). */
  outDir: string;
}

/** The rendered report: the Markdown text and the figure as a PlotSpec (`renderPlot` draws it). */
export interface TransformerReport {
  markdown: string;
  plot: PlotSpec;
}

type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj => x !== null && typeof x === "object" && !Array.isArray(x);

/** Throws a TypeError naming the offending field; `where` is relative to the record. */
function need(ok: boolean, where: string, what: string): void {
  if (!ok) throw new TypeError(`${where} must be ${what}`);
}

const isNum = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

function checkGeneration(g: unknown, where: string): void {
  need(isObj(g), where, "an object");
  const r = g as Obj;
  need(Number.isInteger(r.generation) && (r.generation as number) >= 0, `${where}.generation`, "an integer >= 0");
  for (const key of ["validationLoss", "l1FromGroundTruth", "sigma", "entropy", "support"]) {
    need(isNum(r[key]), `${where}.${key}`, "a finite number");
  }
  for (const key of ["l1FromFirst", "theorem1S", "impliedNMedian"]) {
    need(r[key] === null || r[key] === undefined || isNum(r[key]), `${where}.${key}`, "a finite number or null");
  }
  const t = r.trainingTokens;
  need(isObj(t) && isNum(t.real) && isNum(t.synthetic), `${where}.trainingTokens`, "{ real, synthetic, documents }");
  if (r.sources !== undefined) {
    const ok = Array.isArray(r.sources) && (r.sources as unknown[]).every((x) => isObj(x) && Number.isInteger(x.t) && Number.isInteger(x.documents));
    need(ok, `${where}.sources`, "an array of { t, documents } (integers)");
  }
  need(Array.isArray(r.lossCurve), `${where}.lossCurve`, "an array");
  (r.lossCurve as unknown[]).forEach((p, i) => {
    need(isObj(p) && isNum(p.iteration) && (p.iteration as number) > 0 && isNum(p.validationLoss), `${where}.lossCurve[${i}]`, "{ iteration > 0, validationLoss }");
  });
}

/**
 * The value as a transformer run record (what `collapse-harness transformer --out` writes), checked
 * for every field the report reads; a TypeError starting with `name` otherwise.
 * @example checkTransformerRecord({ kind: "other" }, "in"); // throws TypeError "in must be a transformer run record ...: kind must be \"transformer-recursion\""
 */
export function checkTransformerRecord(value: unknown, name = "record"): TransformerExperimentRecord {
  try {
    need(isObj(value), "the value", "a JSON object");
    const r = value as Obj;
    need(r.kind === "transformer-recursion", "kind", '"transformer-recursion"');
    need(r.version === 1, "version", "1");
    need(Number.isInteger(r.seed), "seed", "an integer");
    need(Number.isInteger(r.generations) && (r.generations as number) >= 1, "generations", "an integer >= 1");
    need(isNum(r.parameters), "parameters", "a number");
    need(isNum(r.seconds), "seconds", "a number");
    need(typeof r.realSource === "string", "realSource", "a string");
    need(isObj(r.backend) && typeof r.backend.backend === "string" && typeof r.backend.device === "string", "backend", "{ backend, device }");
    const p = r.preset;
    need(isObj(p) && typeof p.name === "string" && isObj(p.model) && isObj(p.train) && isObj(p.protocol), "preset", "{ name, model, train, protocol }");
    need(isObj(r.corpus) && isNum(r.corpus.characters) && isNum(r.corpus.trainTokens) && isNum(r.corpus.validationTokens), "corpus", "{ characters, trainTokens, validationTokens }");
    need(Array.isArray(r.notes) && (r.notes as unknown[]).every((n) => typeof n === "string"), "notes", "an array of strings");
    need(Array.isArray(r.contexts), "contexts", "an array");
    need(Array.isArray(r.settings) && (r.settings as unknown[]).length > 0, "settings", "a non-empty array");
    (r.settings as unknown[]).forEach((s, i) => {
      const where = `settings[${i}]`;
      need(isObj(s) && typeof s.setting === "string" && s.setting !== "", where, "{ setting, generations }");
      need((s as Obj).realShare === null || isNum((s as Obj).realShare), `${where}.realShare`, "a number or null");
      const gens = (s as Obj).generations;
      need(Array.isArray(gens) && gens.length >= 2, `${where}.generations`, "an array of generations 0..G");
      (gens as unknown[]).forEach((g, m) => {
        checkGeneration(g, `${where}.generations[${m}]`);
        need((g as Obj).generation === m, `${where}.generations[${m}].generation`, `${m}`);
      });
    });
  } catch (err) {
    if (err instanceof TypeError) throw new TypeError(`${name} must be a transformer run record (collapse-harness transformer --out): ${err.message}`);
    throw err;
  }
  return value as TransformerExperimentRecord;
}

// ---------------------------------------------------------------------------------------------
// Shared pieces

const SETTING_COLORS = ["#d62728", "#e8a817", "#1f5fbf", "#2ca02c", "#9467bd", "#8c564b", "#17becf"];
const THEORY_COLOR = "#555555";
const GROUND_TRUTH_COLOR = "#222222";

/** Viridis anchors (dark purple to yellow), interpolated for generation colours. */
const VIRIDIS = ["#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779", "#6ece58", "#b5de2b", "#fde725"];

function hexToRgb(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

/**
 * Colour of generation `m` among 1..G on the viridis ramp (dark = early, yellow = late; the last
 * anchor is dimmed to stay visible on white).
 * @example generationColor(1, 10); // => "#440154"
 */
export function generationColor(m: number, G: number): string {
  const ramp = VIRIDIS.slice(0, -1).concat(["#d8c41c"]);
  const t = G <= 1 ? 0 : ((m - 1) / (G - 1)) * (ramp.length - 1);
  const i = Math.min(ramp.length - 2, Math.floor(t));
  const f = t - i;
  const a = hexToRgb(ramp[i]);
  const b = hexToRgb(ramp[i + 1]);
  return `#${a.map((x, k) => Math.round(x + (b[k] - x) * f).toString(16).padStart(2, "0")).join("")}`;
}

/** "mix-50 (50% real)" and the like; the setting's own name otherwise. */
function settingLabel(s: SettingRecord): string {
  if (s.setting === "fully-synthetic") return "fully-synthetic (0% real)";
  if (s.realShare !== null && s.realShare !== undefined) return `${s.setting} (${formatNumber(100 * s.realShare)}% real)`;
  return s.setting;
}

const last = <T>(xs: readonly T[]): T => xs[xs.length - 1];
const gensFrom = (s: SettingRecord, m0: number) => s.generations.filter((g) => g.generation >= m0);

function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const v = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** The preset's fields as "model.contextLength" -> value, in the record's order. */
function presetFields(preset: TransformerPreset): Array<[string, ParameterValue]> {
  const out: Array<[string, ParameterValue]> = [];
  for (const group of ["model", "train", "protocol"] as const) {
    for (const [key, value] of Object.entries(preset[group] as unknown as Obj)) {
      if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") out.push([`${group}.${key}`, value]);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The plot

/** Figure 5's quantities for one run: deviation, sigma vs S_m, final loss, and loss curves per setting. */
export function transformerPlotSpec(record: TransformerExperimentRecord): PlotSpec {
  const G = record.generations;
  const { model, train, protocol } = record.preset;
  const settings = record.settings;
  const color = (i: number) => SETTING_COLORS[i % SETTING_COLORS.length];
  const W = 320;
  const H = 200;
  const xGen = (m0: number) => ({ label: "generation m", domain: [m0, Math.max(m0 + 1, G)] as [number, number] });

  const deviation: PlotLayer[] = settings.flatMap((s, i): PlotLayer[] => {
    const gens = gensFrom(s, 1).filter((g) => g.l1FromFirst !== null);
    const x = gens.map((g) => g.generation);
    const y = gens.map((g) => g.l1FromFirst as number);
    return [
      { kind: "line", x, y, label: settingLabel(s), color: color(i) },
      { kind: "points", x, y, shape: "circle", size: 28, color: color(i) },
    ];
  });

  const sigma: PlotLayer[] = settings.flatMap((s, i): PlotLayer[] => {
    const x = s.generations.map((g) => g.generation);
    const y = s.generations.map((g) => g.sigma);
    return [
      { kind: "line", x, y, label: settingLabel(s), color: color(i) },
      { kind: "points", x, y, shape: "circle", size: 28, color: color(i) },
    ];
  });
  settings.forEach((s, i) => {
    const gens = s.generations.filter((g) => g.theorem1S !== null && g.theorem1S !== undefined);
    if (gens.length === 0) return;
    const x = gens.map((g) => g.generation);
    const y = gens.map((g) => g.theorem1S as number);
    sigma.push(
      { kind: "dashed", x, y, label: `Theorem 1's S_m, ${s.setting}`, color: THEORY_COLOR },
      { kind: "points", x, y, shape: "cross", size: 40, color: color(i) },
    );
  });

  const finalLoss: PlotLayer[] = settings.flatMap((s, i): PlotLayer[] => {
    const x = s.generations.map((g) => g.generation);
    const y = s.generations.map((g) => g.validationLoss);
    return [
      { kind: "line", x, y, label: settingLabel(s), color: color(i) },
      { kind: "points", x, y, shape: "circle", size: 28, color: color(i) },
    ];
  });

  const curveLosses = settings.flatMap((s) => s.generations.flatMap((g) => g.lossCurve.map((p) => p.validationLoss)));
  const lo = Math.floor(Math.min(...curveLosses) * 10) / 10;
  const hi = Math.ceil(Math.max(...curveLosses) * 10) / 10;
  const maxIteration = Math.max(...settings.flatMap((s) => s.generations.flatMap((g) => g.lossCurve.map((p) => p.iteration))));
  const curvePanels: PlotPanel[] = settings.map((s) => {
    const layers: PlotLayer[] = [];
    const g0 = s.generations[0];
    if (g0.lossCurve.length > 0) {
      layers.push({
        kind: "dashed",
        x: g0.lossCurve.map((p) => p.iteration),
        y: g0.lossCurve.map((p) => p.validationLoss),
        label: "Gen 0 = p^(0)",
        color: GROUND_TRUTH_COLOR,
        strokeWidth: 1.4,
      });
    }
    for (const g of gensFrom(s, 1)) {
      layers.push({
        kind: "line",
        x: g.lossCurve.map((p) => p.iteration),
        y: g.lossCurve.map((p) => p.validationLoss),
        label: `Gen ${g.generation}`,
        color: generationColor(g.generation, G),
        strokeWidth: 1.6,
      });
    }
    return {
      title: `val loss while training, ${s.setting}`,
      width: W,
      height: H,
      x: { label: "iteration (log scale)", scale: "log", domain: [1, Math.max(2, maxIteration)] },
      y: { label: "val loss (nats/token)", domain: [lo, hi > lo ? hi : lo + 0.1] },
      layers,
    };
  });

  const parameters: Record<string, ParameterValue> = {
    preset: record.preset.name,
    backend: record.backend.backend,
    "context length": model.contextLength,
    embedding: model.embeddingDim,
    layers: model.layers,
    heads: model.heads,
    dropout: model.dropout,
    s: model.vocabSize,
    "learning rate": train.learningRate,
    batch: train.batchSize,
    iterations: train.iterations,
    "tokens per generation": protocol.tokensPerGeneration,
    contexts: protocol.contexts,
    "real source": record.realSource,
    "model parameters": record.parameters,
  };
  return {
    title: `Figure 5 with a transformer: ${record.preset.name} preset, ${record.backend.backend}`,
    parameters,
    seed: record.seed,
    note: `Means over ${record.contexts.length} contexts from p^(0). Dashed grey: Theorem 1's S_m, n_t = count of the context's last ${protocol.theorySuffixLength} tokens.`,
    columns: 3,
    legend: "right",
    pngScale: 2,
    panels: [
      {
        title: "deviation from generation 1",
        width: W,
        height: H,
        x: xGen(1),
        y: { label: "||p^(m) − p^(1)||_1", zero: true },
        layers: deviation,
      },
      {
        title: "σ_m against Theorem 1's S_m",
        width: W,
        height: H,
        x: xGen(0),
        y: { label: "mean σ_m = ||p^(m)||²", domain: [0, 1] },
        layers: sigma,
      },
      {
        title: "final validation loss",
        width: W,
        height: H,
        x: xGen(0),
        y: { label: "val loss (nats/token)" },
        layers: finalLoss,
      },
      ...curvePanels,
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// The Markdown

/**
 * The command that reproduces the run: the named preset plus the overrides the CLI offers; `null`
 * when the record's preset differs from the named one in a field the CLI cannot set.
 * @example transformerRunCommand(record, "run.json"); // => "npx collapse-harness transformer --preset tiny --setting fully-synthetic,mix-50 --generations 10 --backend wasm --seed 1 --out run.json"
 */
export function transformerRunCommand(record: TransformerExperimentRecord, runPath: string): { command: string; unreproducible: string[] } {
  const parts = [
    "npx collapse-harness transformer",
    `--preset ${record.preset.name}`,
    `--setting ${record.settings.map((s) => s.setting).join(",")}`,
    `--generations ${record.generations}`,
    `--backend ${record.backend.backend}`,
    `--seed ${record.seed}`,
  ];
  if (record.realSource !== "corpus") parts.push(`--real-source ${record.realSource}`);
  const unreproducible: string[] = [];
  const named = (transformerPresets as Record<string, TransformerPreset | undefined>)[record.preset.name];
  if (named === undefined) {
    unreproducible.push(`preset ${record.preset.name} is not one of ${Object.keys(transformerPresets).join(", ")}`);
  } else {
    const options: Record<string, string> = { "train.iterations": "--iterations", "protocol.tokensPerGeneration": "--tokens-per-generation", "protocol.contexts": "--contexts" };
    const defaults = new Map(presetFields(named));
    for (const [key, value] of presetFields(record.preset)) {
      if (defaults.get(key) === value) continue;
      if (options[key] !== undefined) parts.push(`${options[key]} ${String(value)}`);
      else unreproducible.push(`${key} = ${String(value)} (preset ${named.name}: ${String(defaults.get(key))})`);
    }
  }
  parts.push(`--out ${runPath}`);
  return { command: parts.join(" "), unreproducible };
}

/** "0: 51, 2: 13": documents per source t (0 real, t >= 1 text of model t); "–" for records without sources. */
function sourcesCell(g: SettingRecord["generations"][number]): string {
  const sources = g.sources as GenerationRecord["sources"] | undefined;
  return sources === undefined ? "–" : sources.map((x) => `${x.t}: ${x.documents}`).join(", ");
}

function generationTable(s: SettingRecord): string {
  const theory = s.generations.some((g) => g.theorem1S !== null && g.theorem1S !== undefined);
  const headers = [
    "m",
    "documents by source t",
    "real tokens",
    "synthetic tokens",
    "‖p^(m) − p^(1)‖₁",
    "‖p^(m) − p^(0)‖₁",
    "validation loss",
    "entropy (nats)",
    "mean σ_m",
    ...(theory ? ["Theorem 1 S_m"] : []),
    "support",
  ];
  const dash = (x: number | null | undefined): Cell => (x === null || x === undefined ? "–" : x);
  const rows = s.generations.map((g): Cell[] => [
    g.generation === 0 ? "0 (p^(0))" : g.generation,
    sourcesCell(g),
    count(g.trainingTokens.real),
    count(g.trainingTokens.synthetic),
    dash(g.l1FromFirst),
    g.l1FromGroundTruth,
    g.validationLoss,
    g.entropy,
    g.sigma,
    ...(theory ? [dash(g.theorem1S)] : []),
    g.support,
  ]);
  return markdownTable(headers, rows, headers.map((_, j): Align => (j === 0 ? "left" : "right")));
}

function summaryTable(record: TransformerExperimentRecord): string {
  const G = record.generations;
  const rows = record.settings.map((s): Cell[] => {
    const g1 = s.generations[1];
    const gG = last(s.generations);
    return [settingLabel(s), gG.l1FromFirst ?? "–", gG.l1FromGroundTruth, g1.validationLoss, gG.validationLoss, signed(gG.validationLoss - g1.validationLoss), gG.sigma, gG.entropy];
  });
  const headers = [
    "setting",
    `‖p^(${G}) − p^(1)‖₁`,
    `‖p^(${G}) − p^(0)‖₁`,
    "val loss m = 1",
    `val loss m = ${G}`,
    "change",
    `mean σ_${G}`,
    `entropy m = ${G}`,
  ];
  return markdownTable(headers, rows, headers.map((_, j): Align => (j === 0 ? "left" : "right")));
}

const f = (x: number) => formatNumber(x);
/** Counts in full (1003854, not 1.004e6); other numbers through formatNumber. */
const count = (x: number): string => (Number.isInteger(x) ? String(x) : formatNumber(x));
const signed = (x: number): string => `${x > 0 ? "+" : ""}${formatNumber(x)}`;
const pct = (k: number, n: number) => `${k} of ${n} (${formatNumber((100 * k) / n, 3)}%)`;

/** What the numbers say about drift: the deviation of each setting at m = G, ordered. */
function driftParagraph(record: TransformerExperimentRecord): string {
  const G = record.generations;
  const dev = record.settings
    .map((s) => ({ s, d: last(s.generations).l1FromFirst }))
    .filter((x): x is { s: SettingRecord; d: number } => x.d !== null && x.d !== undefined);
  if (dev.length === 0) return "";
  const sorted = [...dev].sort((a, b) => b.d - a.d);
  const lines = [
    `At m = ${G}, ‖p^(m) − p^(1)‖₁ (mean over the ${record.contexts.length} contexts) is ` +
      sorted.map((x) => `${f(x.d)} for ${x.s.setting}`).join(", ") +
      ".",
  ];
  const fs = dev.find((x) => x.s.setting === "fully-synthetic");
  const mixes = dev.filter((x) => x.s.realShare !== null && x.s.realShare !== undefined && x.s.realShare > 0);
  if (fs !== undefined && mixes.length > 0) {
    const most = mixes.reduce((a, b) => ((b.s.realShare as number) > (a.s.realShare as number) ? b : a));
    const firstFs = fs.s.generations.find((g) => g.generation === 2)?.l1FromFirst;
    lines.push(
      `Fully synthetic drifts ${f(fs.d / most.d)} times as far as ${most.s.setting}` +
        (fs.d > most.d ? "" : " (that is, not further: the run does not show the paper's ordering)") +
        (firstFs !== null && firstFs !== undefined ? `; its deviation grows from ${f(firstFs)} at m = 2 to ${f(fs.d)} at m = ${G}.` : "."),
    );
    const mixRanges = mixes.map((x) => {
      const ds = gensFrom(x.s, 2).map((g) => g.l1FromFirst).filter((d): d is number => d !== null && d !== undefined);
      return `${x.s.setting} stays within [${f(Math.min(...ds))}, ${f(Math.max(...ds))}] over m = 2..${G}`;
    });
    lines.push(`With real data mixed in, ${mixRanges.join(" and ")}.`);
  }
  return lines.join(" ");
}

/** The validation loss from m = 1 to m = G per setting. */
function lossParagraph(record: TransformerExperimentRecord): string {
  const G = record.generations;
  const g0 = record.settings[0].generations[0];
  const parts = record.settings.map((s) => {
    const a = s.generations[1].validationLoss;
    const b = last(s.generations).validationLoss;
    return `${s.setting} ${f(a)} → ${f(b)} (${signed(b - a)})`;
  });
  return (
    `Validation loss on held-out corpus text (nats/token), generation 1 → ${G}: ${parts.join("; ")}. ` +
    `The ground truth p^(0), trained on the whole training split, reaches ${f(g0.validationLoss)}.`
  );
}

/** Theorem 1 against the network, for each setting whose record carries S_m. */
function theoremParagraphs(record: TransformerExperimentRecord): string[] {
  const G = record.generations;
  const k = record.preset.protocol.theorySuffixLength;
  const out: string[] = [];
  for (const s of record.settings) {
    const gG = last(s.generations);
    if (gG.theorem1S === null || gG.theorem1S === undefined) continue;
    const g0 = s.generations[0];
    const g1 = s.generations[1];
    const sigmas = gensFrom(s, 1).map((g) => g.sigma);
    const entropies = gensFrom(s, 1).map((g) => g.entropy);
    const lines: string[] = [];
    lines.push(
      `**${s.setting}.** Theorem 1 (Eq (6)) applied per context, with S_0 = σ_0 of p^(0) at the context and n_t = the count ` +
        `of the context's last ${k} tokens in generation t's training text, predicts a mean S_m of ${f(g1.theorem1S ?? Number.NaN)} at m = 1 ` +
        `rising to ${f(gG.theorem1S)} at m = ${G} (mean σ_0 = ${f(g0.sigma)}): the next-token distributions should concentrate towards a single token.`,
    );
    const trend = gG.sigma > g1.sigma ? "rose" : gG.sigma < g1.sigma ? "fell" : "stayed";
    const short = gG.sigma < gG.theorem1S;
    lines.push(
      `${short ? "The network does not" : "The network does"}: its mean σ_m ${trend} from ${f(g1.sigma)} at m = 1 to ${f(gG.sigma)} at m = ${G} ` +
        `(range ${f(Math.min(...sigmas))} to ${f(Math.max(...sigmas))} over m = 1..${G}), ` +
        (short ? `${f(gG.theorem1S / gG.sigma)} times below the prediction at m = ${G}; ` : `at or above the prediction at m = ${G}; `) +
        `the mean entropy went from ${f(g1.entropy)} to ${f(gG.entropy)} nats (range ${f(Math.min(...entropies))} to ${f(Math.max(...entropies))}; p^(0): ${f(g0.entropy)}), ` +
        `and the mean support is ${f(gG.support)} of ${record.preset.model.vocabSize} tokens at m = ${G} (${f(g1.support)} at m = 1).`,
    );
    const pc = gG.perContext;
    const pc0 = g0.perContext;
    const nC = Array.isArray(pc?.sigma) ? pc.sigma.length : 0;
    const sameLength = (xs: unknown) => Array.isArray(xs) && xs.length === nC && xs.every((x) => typeof x === "number");
    if (nC > 0 && sameLength(pc0?.sigma) && sameLength(pc.theorem1S) && sameLength(pc.suffixCountSynthetic) && sameLength(pc.suffixCountReal)) {
      const S = pc.theorem1S as number[];
      const below = pc.sigma.filter((x, i) => x < S[i]).length;
      const above0 = pc.sigma.filter((x, i) => x > pc0.sigma[i]).length;
      const counts = pc.suffixCountSynthetic.map((c, i) => c + pc.suffixCountReal[i]).sort((x, y) => x - y);
      const quantile = (q: number) => counts[Math.min(nC - 1, Math.floor(q * nC))];
      const collapsed = S.filter((x) => x >= 1 - 1e-9).length;
      lines.push(
        `Per context at m = ${G}: σ_m is below Theorem 1's S_m in ${pct(below, nC)} contexts, and above σ_0 in ${pct(above0, nC)}. ` +
          `The prediction rests on small counts: in generation ${G} the suffix counts n_t have median ${f(quantile(0.5))} and upper quartile ${f(quantile(0.75))} ` +
          `(n_t = 0, which leaves S unchanged, in ${pct(counts.filter((c) => c === 0).length, nC)} contexts; n_t = 1, which makes S = 1 at once, in ${pct(counts.filter((c) => c === 1).length, nC)}), ` +
          `and by m = ${G} Theorem 1's S_m has reached 1 in ${pct(collapsed, nC)} contexts.` +
          (gG.impliedNMedian !== null && gG.impliedNMedian !== undefined
            ? ` The constant n with which Eq (6) would reproduce the observed σ_m (over the contexts where σ_m > σ_0) has median ${f(gG.impliedNMedian)}.`
            : "") +
          " (The network shares its parameters across contexts; the statistical model of Theorem 1 estimates each context from its own n_t samples.)",
      );
    }
    if (short && gG.sigma <= g1.sigma) {
      const d1 = s.generations.find((g) => g.generation === 2)?.l1FromFirst;
      const grew = gG.l1FromFirst !== null && gG.l1FromFirst !== undefined && d1 !== null && d1 !== undefined && gG.l1FromFirst > d1;
      lines.push(
        `So the drift${grew ? ` in ‖p^(m) − p^(1)‖₁ (${f(d1 as number)} at m = 2, ${f(gG.l1FromFirst as number)} at m = ${G})` : ""} is not the loss of variance that the statistical model predicts: ` +
          "the network changes its next-token distributions without concentrating their mass on fewer tokens.",
      );
    } else if (short) {
      lines.push("σ_m grows, but far more slowly than Theorem 1 predicts for these counts.");
    }
    out.push(lines.join("\n\n"));
  }
  return out;
}

/** TRANSFORMER.md of one run record. */
export function transformerMarkdown(record: TransformerExperimentRecord, options: TransformerReportOptions): string {
  const G = record.generations;
  const { preset } = record;
  const run = transformerRunCommand(record, options.runPath);
  const reportCommand = `npx collapse-harness transformer-report --in ${options.runPath} --out ${options.outDir}`;
  const figure = `figures/${TRANSFORMER_FIGURE_ID}`;
  const out: string[] = [];
  out.push(`# The transformer regime (Figure 5): ${preset.name} preset, ${record.backend.backend} backend, seed ${record.seed}`);
  out.push(
    `This file is generated by \`collapse-harness transformer-report\` from the run record \`${options.runPath}\`; do not edit it by hand. ` +
      "Every number below is read from that record.",
  );
  out.push("## What was run");
  out.push(
    `A decoder-only transformer of ${count(record.parameters)} parameters (\`${preset.name}\` preset${preset.name === "paper" ? ", the paper's Table 1" : ", not the paper's Table 1"}) ` +
      `on the \`${record.backend.backend}\` backend (device: ${record.backend.device}), seed ${record.seed}, trained recursively for generations 1..${G} ` +
      `in the settings ${record.settings.map((s) => `\`${s.setting}\``).join(", ")}. ` +
      `Corpus: ${count(record.corpus.characters)} characters, s = ${preset.model.vocabSize}; ${count(record.corpus.trainTokens)} training and ` +
      `${count(record.corpus.validationTokens)} validation tokens. Real documents: \`${record.realSource}\`. The run took ${formatNumber(record.seconds, 3)} s.`,
  );
  out.push(markdownTable(["parameter", "value"], presetFields(preset).map(([k, v]) => [k, typeof v === "number" ? v : String(v)]), ["left", "right"]).trimEnd());
  out.push("To regenerate the run and then this report:");
  out.push(["```sh", run.command, reportCommand, "```"].join("\n"));
  if (run.unreproducible.length > 0) {
    out.push(`The record's preset differs from the named one in fields the CLI cannot set, so the first command does not reproduce it exactly: ${run.unreproducible.join("; ")}.`);
  }
  out.push("## Protocol choices");
  out.push("As recorded by the run (`notes`):");
  out.push(record.notes.map((n) => `- ${n}`).join("\n"));
  out.push("## Figure");
  out.push(
    `![Figure 5 (transformer)](${figure}.png)\n\n` +
      `[${figure}.png](${figure}.png), [${figure}.svg](${figure}.svg). Top left: ‖p^(m) − p^(1)‖₁ per generation (Figure 5's top left). ` +
      "Top middle: mean σ_m with Theorem 1's S_m (dashed). Top right: the validation loss at the end of each generation's training. " +
      "Below: the validation loss during training, one curve per generation (Figure 5's other panels; log iteration axis).",
  );
  out.push("## Results");
  out.push(summaryTable(record).trimEnd());
  const drift = driftParagraph(record);
  if (drift !== "") out.push(drift);
  out.push(lossParagraph(record));
  const theorem = theoremParagraphs(record);
  if (theorem.length > 0) {
    out.push("## Theorem 1 against the network");
    out.push(...theorem);
  }
  out.push("## Per generation");
  out.push(
    "Means over the contexts. Generation 0 is the ground truth p^(0), shared by all settings; tokens count the documents each generation trained on. " +
      `Support: next-token probabilities above ${formatNumber(preset.protocol.supportThreshold)}.`,
  );
  for (const s of record.settings) {
    out.push(`### ${settingLabel(s)}`);
    out.push(generationTable(s).trimEnd());
    const excerpt = last(s.generations).sampleExcerpt;
    if (typeof excerpt === "string" && excerpt !== "") {
      const longest = Math.max(0, ...(excerpt.match(/`+/g) ?? []).map((x) => x.length));
      const fence = "`".repeat(Math.max(3, longest + 1));
      out.push(`Start of the first synthetic document generation ${last(s.generations).generation} trained on:\n\n${fence}text\n${excerpt}\n${fence}`);
    }
  }
  return `${out.join("\n\n")}\n`;
}

/**
 * TRANSFORMER.md and the Figure-5-style PlotSpec of a run record (checked first).
 * @example transformerReport(record, { runPath: "reports/transformer/tiny-wasm-seed1.json", outDir: "reports" }).markdown.startsWith("# The transformer regime"); // => true
 */
export function transformerReport(record: TransformerExperimentRecord, options: TransformerReportOptions): TransformerReport {
  const checked = checkTransformerRecord(record, "record");
  if (options === null || typeof options !== "object") throw new TypeError("options must be { runPath, outDir }");
  if (typeof options.runPath !== "string" || options.runPath === "") throw new TypeError("options.runPath must be a non-empty string");
  if (typeof options.outDir !== "string" || options.outDir === "") throw new TypeError("options.outDir must be a non-empty string");
  return { markdown: transformerMarkdown(checked, options), plot: transformerPlotSpec(checked) };
}
