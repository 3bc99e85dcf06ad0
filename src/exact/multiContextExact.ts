/**
 * The exact law of the two multi-context loops at tiny sizes, by enumerating every training text of
 * every generation. Written from the definitions (Sect. 2.1 one-hot contexts, Eq (2) refit, Eq (5)
 * Fully Synthetic per context; spec 1.1's note on random n_j), sharing no code with src/loops, so a
 * simulator bug cannot pass by being copied here.
 *
 *  - Fixed counts: generation m trains context j on n_j tokens drawn i.i.d. from p_j^(m-1), the
 *    contexts independent; p_j^(m) = counts / n_j.
 *  - Markov text (context length 1, the context is the last token): generation m writes L tokens
 *    with the current models: x_1 ~ start over the listed contexts; y_i ~ p_{x_i}^(m-1);
 *    x_{i+1} = y_i if token y_i is a listed context, else a fresh draw from start. The count n_j^(m)
 *    is the number of i with x_i = j: random, and a function of every context's draws (and of the
 *    models that made them). A context with n_j^(m) > 0 is refit to counts / n_j^(m); one with
 *    n_j^(m) = 0 keeps p_j^(m-1).
 *
 * The state after generation m is the tuple of all c models plus the flags "T_j <= m" and "T <= m"
 * (T_j: first m >= 1 with p_j^(m) a Dirac mass; T: first m >= 1 with every context a Dirac mass at
 * once), so no absorption property is assumed. States are merged by their exact float values
 * (counts / n is computed the same way each time). Cost: per generation, states x texts, with
 * (s + restarts)^L texts for Markov text and s^(sum n_j) for fixed counts: keep s^L <= a few
 * thousand.
 */
import { checkDistribution, checkIntegerAtLeast } from "../validate.ts";

/** Fixed per-context counts: context j trains on n[j] samples of its own previous model. */
export interface ExactFixedCountsConfig {
  /** p_j^(0), one distribution per context (all of the same length s). */
  p0: ReadonlyArray<ArrayLike<number>>;
  /** n_j >= 1 per context. */
  n: readonly number[];
  generations: number;
}

/** Markov text with context length 1: context j of `contexts` is "the last token was contexts[j]". */
export interface ExactMarkovTextConfig {
  /** Vocabulary size s. */
  s: number;
  /** The listed contexts, as token ids in [0, s) (distinct). */
  contexts: readonly number[];
  /** p_j^(0) over the s tokens, one per listed context. */
  p0: ReadonlyArray<ArrayLike<number>>;
  /** Law of the first context and of every restart, over the listed contexts; default uniform. */
  start?: ArrayLike<number>;
  /** L, tokens written per generation. */
  textLength: number;
  generations: number;
}

/** Exact per-generation values, index m = 0..M (m = 0: the initial models; counts 0). */
export interface ExactMultiContextLaw {
  /** E[sigma_j^(m)], sigma_j^(m) = ||p_j^(m)||_2^2; [j][m]. */
  sigma: number[][];
  /** P(T_j <= m) (0 at m = 0); [j][m]. */
  collapsedBy: number[][];
  /** P(T <= m), T the first m >= 1 with every context a Dirac mass (0 at m = 0). */
  allCollapsedBy: number[];
  /** E[n_j^(m)] (0 at m = 0); [j][m]. */
  count: number[][];
  /** Distinct states after each generation (a size check). */
  states: number[];
}

interface State {
  models: Float64Array[];
  hit: boolean[];
  allHit: boolean;
  prob: number;
}

function isDirac(p: Float64Array): boolean {
  let nonzero = 0;
  for (const v of p) if (v > 0) nonzero++;
  return nonzero === 1;
}

function sigmaOf(p: Float64Array): number {
  let s = 0;
  for (const v of p) s += v * v;
  return s;
}

function stateKey(models: Float64Array[], hit: boolean[], allHit: boolean): string {
  return models.map((m) => Array.prototype.join.call(m, ",")).join("|") + "#" + hit.map((h) => (h ? 1 : 0)).join("") + (allHit ? 1 : 0);
}

/** Walks every text of one generation from `models`, calling leaf(counts, probability) per text; counts[j * s + y]. */
type TextWalker = (models: Float64Array[], leaf: (counts: Int32Array, prob: number) => void) => void;

/** The exact law of a loop given how one generation's text is written. */
function exactLaw(p0: Float64Array[], s: number, generations: number, walk: TextWalker): ExactMultiContextLaw {
  const c = p0.length;
  const out: ExactMultiContextLaw = {
    sigma: p0.map((p) => [sigmaOf(p)]),
    collapsedBy: p0.map(() => [0]),
    allCollapsedBy: [0],
    count: p0.map(() => [0]),
    states: [1],
  };
  let states: State[] = [{ models: p0, hit: p0.map(() => false), allHit: false, prob: 1 }];
  for (let m = 1; m <= generations; m++) {
    const next = new Map<string, State>();
    const countMean = new Float64Array(c);
    for (const st of states) {
      // Group the texts by their count matrix: the refit depends on the text only through it.
      const outcomes = new Map<string, { counts: Int32Array; prob: number }>();
      walk(st.models, (counts, prob) => {
        const key = counts.join(",");
        const o = outcomes.get(key);
        if (o) o.prob += prob;
        else outcomes.set(key, { counts: counts.slice(), prob });
      });
      for (const { counts, prob } of outcomes.values()) {
        const q = st.prob * prob;
        const models = st.models.map((old, j) => {
          let nj = 0;
          for (let y = 0; y < s; y++) nj += counts[j * s + y];
          countMean[j] += q * nj;
          if (nj === 0) return old;
          const row = new Float64Array(s);
          for (let y = 0; y < s; y++) row[y] = counts[j * s + y] / nj;
          return row;
        });
        const dirac = models.map(isDirac);
        const hit = st.hit.map((h, j) => h || dirac[j]);
        const allHit = st.allHit || dirac.every((d) => d);
        const key = stateKey(models, hit, allHit);
        const e = next.get(key);
        if (e) e.prob += q;
        else next.set(key, { models, hit, allHit, prob: q });
      }
    }
    states = [...next.values()];
    for (let j = 0; j < c; j++) {
      let sg = 0;
      let hit = 0;
      for (const st of states) {
        sg += st.prob * sigmaOf(st.models[j]);
        if (st.hit[j]) hit += st.prob;
      }
      out.sigma[j].push(sg);
      out.collapsedBy[j].push(hit);
      out.count[j].push(countMean[j]);
    }
    let all = 0;
    for (const st of states) if (st.allHit) all += st.prob;
    out.allCollapsedBy.push(all);
    out.states.push(states.length);
  }
  return out;
}

function checkRows(p0: ReadonlyArray<ArrayLike<number>>, s?: number): Float64Array[] {
  if (!Array.isArray(p0) || p0.length === 0) throw new TypeError("p0 must be a non-empty array of distributions, one per context");
  const rows = p0.map((p, j) => checkDistribution(p, `p0[${j}]`));
  const width = s ?? rows[0].length;
  rows.forEach((r, j) => {
    if (r.length !== width) throw new RangeError(`p0[${j}] must have length s = ${width}, got ${r.length}`);
  });
  return rows;
}

/**
 * The exact law of the fixed-count loop (simulateContexts, Fully Synthetic per context): every
 * joint training set of n_0 + ... + n_{c-1} tokens, each generation.
 * @example exactFixedCountsLaw({ p0: [[0.5, 0.5]], n: [2], generations: 1 }).collapsedBy[0]; // => [0, 0.5]
 */
export function exactFixedCountsLaw(config: ExactFixedCountsConfig): ExactMultiContextLaw {
  const p0 = checkRows(config.p0);
  const s = p0[0].length;
  if (!Array.isArray(config.n) || config.n.length !== p0.length) throw new RangeError(`n must have one entry per context (${p0.length})`);
  const n = config.n.map((v, j) => checkIntegerAtLeast(v, `n[${j}]`, 1));
  const generations = checkIntegerAtLeast(config.generations, "generations", 1);
  // Position i of the training text belongs to context sequence[i]: n_0 positions of context 0, then context 1, ...
  const sequence = n.flatMap((nj, j) => Array<number>(nj).fill(j));
  const L = sequence.length;
  const counts = new Int32Array(p0.length * s);
  const walk: TextWalker = (models, leaf) => {
    const go = (pos: number, prob: number): void => {
      if (pos === L) return leaf(counts, prob);
      const j = sequence[pos];
      const row = models[j];
      for (let y = 0; y < s; y++) {
        if (row[y] === 0) continue;
        counts[j * s + y]++;
        go(pos + 1, prob * row[y]);
        counts[j * s + y]--;
      }
    };
    go(0, 1);
  };
  return exactLaw(p0, s, generations, walk);
}

/**
 * The exact law of the Markov-text loop with context length 1 (simulateMarkovText): every text of
 * L tokens (with every restart context), each generation.
 * @example exactMarkovTextLaw({ s: 2, contexts: [0, 1], p0: [[0.5, 0.5], [0.5, 0.5]], start: [1, 0], textLength: 1, generations: 1 }).count.map((c) => c[1]); // => [1, 0]
 */
export function exactMarkovTextLaw(config: ExactMarkovTextConfig): ExactMultiContextLaw {
  const s = checkIntegerAtLeast(config.s, "s", 1);
  const p0 = checkRows(config.p0, s);
  const c = p0.length;
  if (!Array.isArray(config.contexts) || config.contexts.length !== c) throw new RangeError(`contexts must list one token per row of p0 (${c})`);
  const indexOfToken = new Int32Array(s).fill(-1);
  config.contexts.forEach((t, j) => {
    if (!Number.isInteger(t) || t < 0 || t >= s || indexOfToken[t] !== -1) throw new RangeError(`contexts[${j}] must be a distinct token in [0, ${s}), got ${t}`);
    indexOfToken[t] = j;
  });
  const start = config.start === undefined ? new Float64Array(c).fill(1 / c) : checkDistribution(config.start, "start");
  if (start.length !== c) throw new RangeError(`start must have one entry per context (${c}), got ${start.length}`);
  const L = checkIntegerAtLeast(config.textLength, "textLength", 1);
  const generations = checkIntegerAtLeast(config.generations, "generations", 1);
  const counts = new Int32Array(c * s);
  const walk: TextWalker = (models, leaf) => {
    // Position pos is read in context j; its token y is the next context if listed, else start again.
    const go = (pos: number, j: number, prob: number): void => {
      const row = models[j];
      for (let y = 0; y < s; y++) {
        if (row[y] === 0) continue;
        const q = prob * row[y];
        counts[j * s + y]++;
        if (pos + 1 === L) leaf(counts, q);
        else if (indexOfToken[y] >= 0) go(pos + 1, indexOfToken[y], q);
        else for (let k = 0; k < c; k++) if (start[k] > 0) go(pos + 1, k, q * start[k]);
        counts[j * s + y]--;
      }
    };
    for (let k = 0; k < c; k++) if (start[k] > 0) go(0, k, start[k]);
  };
  return exactLaw(p0, s, generations, walk);
}
