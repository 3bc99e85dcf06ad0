/**
 * The multi-context simulators against their exact laws (src/exact/multiContextExact.ts), at tiny
 * sizes where every training text of every generation can be enumerated:
 *  - contexts-fixed-counts-exact: simulateContexts (Fully Synthetic per context, fixed n_j, each
 *    chain stopped at its own collapse, so that the stopped chains' padded records are exercised);
 *  - contexts-markov-text-exact: simulateMarkovText with context length 1 (counts n_j^(m) from the
 *    text the current models write, so they depend on every context's p^(m-1); one point where
 *    every token is a context, one where some tokens restart the text from `start`).
 * Rows, per context j and generation m = 1..M: E[sigma_j^(m)] (empirical Bernstein, range 1),
 * P(T_j <= m) (Clopper-Pearson), and for Markov text E[n_j^(m)] (empirical Bernstein, range L);
 * and P(T <= m), all contexts at once (Clopper-Pearson). Bonferroni: delta / rows each. Run r uses
 * stream r of the check's seed.
 */
import { exactFixedCountsLaw, exactMarkovTextLaw, type ExactMultiContextLaw } from "../../exact/multiContextExact.ts";
import type { MultiContextRecord } from "../../loops/index.ts";
import { rngStreams } from "../../rng/index.ts";
import type { Implementation } from "../implementation.ts";
import { clopperPearson } from "../intervals.ts";
import { meanInterval } from "../montecarlo.ts";
import type { Statement } from "../statement.ts";
import type { Measurement, Parameters } from "../types.ts";
import { worstRowMeasurement, type Row } from "./worstRow.ts";

const WHERE = "Reviewers' question; Sect. 2.1 (one-hot contexts decouple), spec 1.1 (random n_j)";

/** Rows of per-context probability vectors from a flat list with s entries per context. */
function rowsOf(point: Parameters, key: string): number[][] {
  const s = Number(point.s);
  const flat = (point[key] as number[]).map(Number);
  if (!Number.isInteger(s) || s < 1 || flat.length % s !== 0) throw new RangeError(`${key} must hold s = ${point.s} entries per context, got ${flat.length}`);
  return Array.from({ length: flat.length / s }, (_, j) => flat.slice(j * s, (j + 1) * s));
}

/** Value of a per-generation record at m; past the last generation simulated (stopped: all contexts Dirac) the last state. */
function at(series: number[], m: number): number {
  return series[Math.min(m, series.length - 1)];
}

/**
 * The rows comparing R records with the exact law: sigma_j, P(T_j <= m), optionally E[n_j], and
 * P(T <= m), m = 1..M.
 */
function compare(records: MultiContextRecord[], law: ExactMultiContextLaw, M: number, delta: number, countRange: number | null): Row[] {
  const c = law.sigma.length;
  const R = records.length;
  const rowCount = M * (c * (countRange === null ? 2 : 3) + 1);
  const d = delta / rowCount;
  const rows: Row[] = [];
  const values = new Float64Array(R);
  for (let j = 0; j < c; j++) {
    for (let m = 1; m <= M; m++) {
      records.forEach((rec, r) => (values[r] = at(rec.contextSigma![j], m)));
      const iv = meanInterval(values, 1, d);
      rows.push({ label: `E[sigma_${j}^(${m})]`, predicted: law.sigma[j][m], estimate: iv.estimate, lo: iv.lo, hi: iv.hi });
      let k = 0;
      for (const rec of records) if (rec.contextT[j] !== null && (rec.contextT[j] as number) <= m) k++;
      const ci = clopperPearson(k, R, d);
      rows.push({ label: `P(T_${j} <= ${m})`, predicted: law.collapsedBy[j][m], estimate: ci.estimate, lo: ci.lo, hi: ci.hi });
      if (countRange !== null) {
        records.forEach((rec, r) => (values[r] = m < rec.contextCount![j].length ? rec.contextCount![j][m] : 0));
        const iv2 = meanInterval(values, countRange, d);
        rows.push({ label: `E[n_${j}^(${m})]`, predicted: law.count[j][m], estimate: iv2.estimate, lo: iv2.lo, hi: iv2.hi });
      }
    }
  }
  for (let m = 1; m <= M; m++) {
    let k = 0;
    for (const rec of records) if (rec.T !== null && rec.T <= m) k++;
    const ci = clopperPearson(k, R, d);
    rows.push({ label: `P(T <= ${m}), all contexts`, predicted: law.allCollapsedBy[m], estimate: ci.estimate, lo: ci.lo, hi: ci.hi });
  }
  return rows;
}

function measureWith(records: MultiContextRecord[], law: ExactMultiContextLaw, M: number, delta: number, countRange: number | null, what: string): Measurement {
  const rows = compare(records, law, M, delta, countRange);
  const m = worstRowMeasurement("equals", rows, records.length, `${what}; ${records.length} runs, delta/${rows.length} per row`, { exactStates: law.states });
  return m;
}

/** Fixed counts: context j's p_j^(0) is row j of `p` (s entries each), n_j = n[j]. */
export const FIXED_EXACT_POINTS: Parameters[] = [{ s: 2, p: [0.6, 0.4, 0.25, 0.75], n: [3, 4], M: 4, runs: 20000 }];

export function contextsFixedCountsExactStatement(impl: Implementation): Statement {
  return {
    id: "contexts-fixed-counts-exact",
    title: "Fixed per-context counts: simulateContexts has the exact law of c independent Fully Synthetic chains",
    where: WHERE,
    kind: "extension",
    expected: "holds",
    method: "monte-carlo",
    description:
      "mean over runs of sigma_j^(m) (empirical Bernstein), fractions with T_j <= m and with all contexts collapsed by m (Clopper-Pearson) vs the enumerated exact law, m = 1..M (Bonferroni over rows)",
    covers: ["contexts:fixed-counts"],
    points: FIXED_EXACT_POINTS,
    measure(point, ctx) {
      const p0 = rowsOf(point, "p");
      const n = (point.n as number[]).map(Number);
      const M = Number(point.M);
      const R = Number(point.runs) * (ctx.extended ? 5 : 1);
      const law = exactFixedCountsLaw({ p0, n, generations: M });
      const records = rngStreams(ctx.seed, R).map((rng) =>
        impl.simulateContexts(rng, { setting: "fully-synthetic", p0, n, generations: M, stopAtCollapse: true, recordContexts: true }),
      );
      return measureWith(records, law, M, ctx.delta, null, "exact law by enumeration of every training set");
    },
  };
}

/**
 * Markov text, context length 1: `tables` rows (s entries each) are p_j^(0) for the listed
 * contexts `contexts` (token ids); `start` the law of the first context and of restarts.
 */
export const MARKOV_EXACT_POINTS: Parameters[] = [
  // Every token is a context: the text is a Markov chain on {0, 1} with transitions p^(m-1).
  { s: 2, contexts: [0, 1], tables: [0.7, 0.3, 0.4, 0.6], start: [0.5, 0.5], textLength: 6, M: 4, runs: 20000 },
  // Token 2 is no context: after it the text restarts from `start`.
  { s: 3, contexts: [0, 1], tables: [0.5, 0.3, 0.2, 0.2, 0.3, 0.5], start: [0.7, 0.3], textLength: 4, M: 3, runs: 20000 },
];

export function contextsMarkovTextExactStatement(impl: Implementation): Statement {
  return {
    id: "contexts-markov-text-exact",
    title: "Counts from generated text: simulateMarkovText has the exact law of the text-writing loop (n_j from the current models' text)",
    where: WHERE,
    kind: "extension",
    expected: "holds",
    method: "monte-carlo",
    description:
      "mean over runs of sigma_j^(m) and n_j^(m) (empirical Bernstein), fractions with T_j <= m and with all contexts collapsed by m (Clopper-Pearson) vs the exact law enumerated over every text, m = 1..M (Bonferroni over rows)",
    covers: ["contexts:markov-text"],
    points: MARKOV_EXACT_POINTS,
    measure(point, ctx) {
      const s = Number(point.s);
      const tables = rowsOf(point, "tables");
      const contexts = (point.contexts as number[]).map(Number);
      const start = (point.start as number[]).map(Number);
      const L = Number(point.textLength);
      const M = Number(point.M);
      const R = Number(point.runs) * (ctx.extended ? 5 : 1);
      const law = exactMarkovTextLaw({ s, contexts, p0: tables, start, textLength: L, generations: M });
      const p0 = { s, contextLength: 1, contexts, tables: tables.map((t) => Float64Array.from(t)) };
      const records = rngStreams(ctx.seed, R).map((rng) => impl.simulateMarkovText(rng, { p0, start, textLength: L, generations: M, recordContexts: true }));
      return measureWith(records, law, M, ctx.delta, L, `exact law by enumeration of every text of L = ${L} tokens`);
    },
  };
}

export function multiContextExactStatements(impl: Implementation): Statement[] {
  return [contextsFixedCountsExactStatement(impl), contextsMarkovTextExactStatement(impl)];
}
