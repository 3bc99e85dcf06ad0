/**
 * Many contexts whose counts come from the model's own text: the model is an order-l Markov
 * model over s tokens (context = the last l tokens; the c <= s^l contexts listed), and each generation
 *  1. writes a text of L tokens autoregressively with the CURRENT models p^(m-1) (all contexts), from
 *     a start context drawn from `start`;
 *  2. counts the (context, next token) pairs, so n_j^(m) is random and depends on every other
 *     context's conditional (the case the reviewers asked about; Sect. 2.1 notes the paper never
 *     models it);
 *  3. refits each visited context by its empirical next-token frequency, the estimator of Eq (2).
 * What is random and what depends on what: the text of generation m is a Markov chain on the
 * contexts whose transitions are p^(m-1) (every context's row), so n_j^(m) depends on the whole
 * state p^(m-1), and on context j's own draws too (a token drawn at j decides where the text goes
 * next). Conditional on n_j^(m), context j's tokens are then NOT a multinomial sample of
 * p_j^(m-1) in general: Eq (2) on such a text is biased (L = 2 from context 0, s = 2:
 * E[p_00^(m)] = a (1 + a) / 2 with a = p_00^(m-1); src/exact/multiContextExact.test.ts). Only the
 * texts' randomness (the draws of start contexts and tokens from rng) is random; L, `start` and the
 * contexts listed are fixed. The exact law at tiny sizes is src/exact/multiContextExact.ts
 * (exactMarkovTextLaw), held to this simulator by contexts-markov-text-exact.
 * A context not visited in generation m (n_j^(m) = 0) KEEPS its previous model: Eq (2) is
 * undefined there (0/0), and a warm-started softmax gets no gradient for that row of W. (A
 * from-scratch softmax with W = 0 would instead give the uniform law on all s tokens.) So a
 * collapsed context stays collapsed, and contexts the text stops reaching stay frozen.
 * Reaching a context that is not in the model (e.g. the corpus's last l characters) ends the
 * stretch: the next context is drawn afresh from `start` (every generated token still counts).
 */
import type { SparseCounts } from "../measure/sparseCounts.ts";
import type { Rng } from "../rng/index.ts";
import { checkLanguageModel } from "../model/checkData.ts";
import type { LanguageModel } from "../model/types.ts";
import { categoricalSampler } from "../sample/categorical.ts";
import { checkDistribution, checkIntegerAtLeast } from "../validate.ts";
import { CountAccumulator } from "./countAccumulator.ts";
import type { MultiContextRecord } from "./multiContextRecord.ts";

/** Plain description of a Markov-text simulation. */
export interface MarkovTextConfig {
  /**
   * p_j^(0) for the c contexts listed (the model's LanguageModel: vocabulary s, context length
   * l >= 0, context ids in base s with the newest token least significant). l = 0 is one context:
   * the single-context fully-synthetic chain with n = L.
   */
  p0: LanguageModel;
  /** Distribution of the start context over p0.contexts (same order); default uniform. */
  start?: ArrayLike<number>;
  /** L, tokens generated per generation (the number of pairs counted). */
  textLength: number;
  generations: number;
  /** Stop once every context is a Dirac mass (absorbing here). Default false. */
  stopAtCollapse?: boolean;
  /** Also record sigma_j^(m) and n_j^(m) per context (contextSigma, contextCount). Default false. */
  recordContexts?: boolean;
}

interface Checked {
  s: number;
  contextLength: number;
  /** s^(l-1), the context-id modulus before appending a token (l >= 1). */
  shift: number;
  contextIds: number[];
  tables: Float64Array[];
  start: Float64Array;
  textLength: number;
  generations: number;
  stopAtCollapse: boolean;
  recordContexts: boolean;
}

/** Validates a MarkovTextConfig. */
export function checkMarkovTextConfig(config: MarkovTextConfig): Checked {
  if (config === null || typeof config !== "object") throw new TypeError("config must be an object");
  const model = checkLanguageModel(config.p0, "p0");
  const c = model.contexts.length;
  if (c === 0) throw new RangeError("p0 must give at least one context a distribution");
  const tables = model.tables.map((t) => Float64Array.from(t));
  let start: Float64Array;
  if (config.start === undefined) start = new Float64Array(c).fill(1 / c);
  else {
    start = checkDistribution(config.start, "start");
    if (start.length !== c) throw new RangeError(`start must have one entry per context (${c}), got ${start.length}`);
  }
  const textLength = checkIntegerAtLeast(config.textLength, "textLength", 1);
  const generations = checkIntegerAtLeast(config.generations, "generations", 1);
  if (config.stopAtCollapse !== undefined && typeof config.stopAtCollapse !== "boolean") {
    throw new TypeError(`stopAtCollapse must be a boolean, got ${String(config.stopAtCollapse)}`);
  }
  if (config.recordContexts !== undefined && typeof config.recordContexts !== "boolean") {
    throw new TypeError(`recordContexts must be a boolean, got ${String(config.recordContexts)}`);
  }
  const l = model.contextLength;
  return {
    s: model.s,
    contextLength: l,
    shift: l === 0 ? 1 : model.s ** (l - 1),
    contextIds: model.contexts.slice(),
    tables,
    start,
    textLength,
    generations,
    stopAtCollapse: config.stopAtCollapse ?? false,
    recordContexts: config.recordContexts ?? false,
  };
}

/** One context's current model: live tokens and their weights (probabilities or counts). */
interface ContextModel {
  ids: Int32Array;
  weights: Float64Array;
  sigma: number;
  collapsed: boolean;
  draw: ((rng: Rng) => number) | null;
}

function modelFromRow(p: Float64Array): ContextModel {
  let k = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) k++;
  const ids = new Int32Array(k);
  const weights = new Float64Array(k);
  let sig = 0;
  for (let i = 0, j = 0; i < p.length; i++) {
    if (p[i] > 0) {
      ids[j] = i;
      weights[j++] = p[i];
      sig += p[i] * p[i];
    }
  }
  return { ids, weights, sigma: sig, collapsed: k === 1, draw: null };
}

function modelFromCounts(m: SparseCounts): ContextModel {
  const weights = new Float64Array(m.k);
  let sq = 0;
  for (let j = 0; j < m.k; j++) {
    weights[j] = m.counts[j] / m.total;
    sq += m.counts[j] * m.counts[j];
  }
  return { ids: m.ids, weights, sigma: sq / (m.total * m.total), collapsed: m.k === 1, draw: null };
}

/**
 * Simulates the Markov-text loop and records per generation the contexts visited, the mean
 * sigma over contexts, the fraction collapsed and the mean n_j over visited contexts; T_j and T.
 * @example simulateMarkovText(createRng(1), { p0: { s: 2, contextLength: 1, contexts: [0, 1], tables: [Float64Array.of(0.5, 0.5), Float64Array.of(0.5, 0.5)] }, textLength: 20, generations: 100 }).fractionCollapsed; // => rises to 1
 */
export function simulateMarkovText(rng: Rng, config: MarkovTextConfig): MultiContextRecord {
  const cfg = checkMarkovTextConfig(config);
  const { s, shift, contextIds, textLength: L } = cfg;
  const c = contextIds.length;
  const l0 = cfg.contextLength === 0;
  const indexOf = new Map<number, number>();
  contextIds.forEach((id, i) => indexOf.set(id, i));
  const models: ContextModel[] = cfg.tables.map(modelFromRow);
  let collapsed = 0;
  let sigmaOpen = 0;
  for (const mdl of models) {
    if (mdl.collapsed) collapsed++;
    else sigmaOpen += mdl.sigma;
  }
  const contextT: (number | null)[] = new Array(c).fill(null);
  const rec: MultiContextRecord = {
    contexts: c,
    T: null,
    contextT,
    generations: 0,
    contextsVisited: [0],
    meanSigma: [(collapsed + sigmaOpen) / c],
    fractionCollapsed: [collapsed / c],
    meanCount: [0],
  };
  const contextSigma = cfg.recordContexts ? models.map((mdl) => [mdl.sigma]) : null;
  const contextCount = cfg.recordContexts ? models.map(() => [0]) : null;
  if (contextSigma && contextCount) {
    rec.contextSigma = contextSigma;
    rec.contextCount = contextCount;
  }
  const drawStart = categoricalSampler(cfg.start);
  const pairContext = new Int32Array(L);
  const pairToken = new Int32Array(L);
  const nj = new Int32Array(c);
  const offset = new Int32Array(c);
  const grouped = new Int32Array(L);
  const visited: number[] = [];
  const acc = new CountAccumulator(s);

  for (let m = 1; m <= cfg.generations; m++) {
    let j = drawStart(rng);
    for (let i = 0; i < L; i++) {
      const mdl = models[j];
      if (mdl.draw === null) mdl.draw = categoricalSampler(mdl.weights);
      const y = mdl.ids[mdl.draw(rng)];
      pairContext[i] = j;
      pairToken[i] = y;
      if (nj[j]++ === 0) visited.push(j);
      if (!l0) {
        const next = indexOf.get((contextIds[j] % shift) * s + y);
        j = next === undefined ? drawStart(rng) : next;
      }
    }
    let pos = 0;
    for (const v of visited) {
      offset[v] = pos;
      pos += nj[v];
    }
    for (let i = 0; i < L; i++) grouped[offset[pairContext[i]]++] = pairToken[i];
    if (contextSigma && contextCount) for (let v = 0; v < c; v++) contextCount[v].push(nj[v]);
    pos = 0;
    for (const v of visited) {
      for (let i = pos; i < pos + nj[v]; i++) acc.add(grouped[i], 1);
      pos += nj[v];
      const old = models[v];
      const next = modelFromCounts(acc.take());
      if (!old.collapsed) {
        sigmaOpen -= old.sigma;
        if (next.collapsed) collapsed++;
        else sigmaOpen += next.sigma;
      }
      models[v] = next;
      if (next.collapsed && contextT[v] === null) contextT[v] = m;
      nj[v] = 0;
    }
    if (m === 1) for (let v = 0; v < c; v++) if (models[v].collapsed && contextT[v] === null) contextT[v] = 1;
    if (contextSigma) for (let v = 0; v < c; v++) contextSigma[v].push(models[v].collapsed ? 1 : models[v].sigma);
    rec.contextsVisited.push(visited.length);
    rec.meanCount.push(L / visited.length);
    rec.fractionCollapsed.push(collapsed / c);
    rec.meanSigma.push(collapsed === c ? 1 : (collapsed + sigmaOpen) / c);
    rec.generations = m;
    visited.length = 0;
    if (collapsed === c) {
      if (rec.T === null) rec.T = m;
      if (cfg.stopAtCollapse) break;
    }
  }
  return rec;
}
