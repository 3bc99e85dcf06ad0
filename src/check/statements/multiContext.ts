/**
 * The reviewers' question (not in the paper; footnote 1 leaves it open): Theorem 1 for c contexts
 * at once.
 *  - Fixed per-context counts n_j (src/theory/multi-context-bounds.ts): union bounds on
 *    P(all contexts collapsed by m) = P(max_j T_j <= m), and bounds on E[max_j T_j], against
 *    simulateContexts (independent one-hot contexts). Clopper-Pearson per m; for E[max T] the mean
 *    of min(max_j T_j, H + 1) (empirical Bernstein, range H) with the tail beyond H, at most
 *    sum_j n_j^2 (1 - S0_j)(1 - 1/n_j)^(H+1) by Eq (7), added to the upper end.
 *  - Random i.i.d. counts (src/theory/random-count-bounds.ts): those bounds assume counts
 *    n^(1), n^(2), ... >= 1 that are i.i.d. AND independent of the context's own chain, with each
 *    update Mult(n^(t), p^(t-1))/n^(t) given the count. Text written autoregressively by an l-gram
 *    model breaks all three in general (n_j^(m) depends on every context's p^(m-1), on context j's
 *    own draws, and Eq (2) on such a text is biased): the dependent loop is held to its exact law
 *    by contexts-markov-text-exact (multiContextExact.ts), not to these bounds. Here the premise is
 *    made to hold exactly by a restart design run through the same simulator: a bigram model whose
 *    listed contexts {0, 1} only emit the unlisted tokens {2, 3}, so every stretch of text ends
 *    after one token and restarts from `start`; the contexts visited are i.i.d. draws from `start`,
 *    whatever the models, and n_j ~ Binomial(L, start_j). The law used is that binomial given
 *    n_j >= 1; a zero count (a context left frozen for one generation) has probability at most
 *    runs x generations x contexts x max_j (1 - start_j)^L over the generations simulated,
 *    reported in the details (~1e-10 here).
 * Every measurement reports the a priori range of what it measures: [0, 1] for probabilities,
 * [1, H + 1 + tail] for a mean collapse time truncated at H + 1 with the tail bound added (the
 * lower-bound side of random-count-time truncates at its cap: [1, cap]).
 * The lower- and upper-bound checks of each family share one sample.
 */
import { implementationMemo, type ImplementationMemo } from "../implementationMemo.ts";
import { binomialPmf } from "../../exact/index.ts";
import type { MultiContextRecord } from "../../loops/index.ts";
import {
  multiContextCollapseProbabilityBounds,
  multiContextMaxCollapseTimeBounds,
  randomCountCollapseProbabilityBounds,
  randomCountCollapseTimeBounds,
  type ContextSpec,
  type CountLaw,
} from "../../theory/index.ts";
import type { Implementation } from "../implementation.ts";
import { clopperPearson } from "../intervals.ts";
import { meanInterval } from "../montecarlo.ts";
import { distributionOf, generationsOf, PAPER_P, summaryOf } from "../points.ts";
import { rngStreams } from "../../rng/index.ts";
import type { CheckContext, Statement } from "../statement.ts";
import type { Parameters, Relation } from "../types.ts";
import { worstRowMeasurement, type Row } from "./worstRow.ts";

const WHERE = "Reviewers' question; footnote 1 (all contexts at once), Theorem 1 per context";
type Side = "lower" | "upper";

/** The contexts of a point: `p` flattened with `s` entries per context, or c copies of the point's p^(0); `n` one per context. */
function contextsOf(point: Parameters): { p0: Float64Array[]; n: number[] } {
  const n = (point.n as number[]).map(Number);
  if (Array.isArray(point.p) && point.s !== undefined) {
    const s = Number(point.s);
    return { p0: n.map((_, j) => distributionOf({ p: (point.p as number[]).slice(j * s, (j + 1) * s) })), n };
  }
  return { p0: n.map(() => distributionOf(point)), n };
}

function specsOf(p0: Float64Array[], n: number[]): ContextSpec[] {
  return p0.map((p, j) => ({ n: n[j], ...summaryOf(p) }));
}

/**
 * Smallest H with sum_j n_j^2 (1 - S0_j)(1 - 1/n_j)^(H+1) <= tail: E[max T] - E[min(max T, H+1)] <= tail.
 * A larger H widens the empirical Bernstein interval (its range is H), so the tail is kept at 1e-3.
 */
function horizonAt(specs: ContextSpec[], H: number): { tailBound: number } {
  return { tailBound: specs.reduce((a, c) => a + (c.n > 1 ? c.n * c.n * (1 - c.S0) * Math.exp((H + 1) * Math.log1p(-1 / c.n)) : 0), 0) };
}

/** The horizon of a fixed-count point: tail <= 1e-3, and at least every m compared. */
function fixedHorizon(point: Parameters, specs: ContextSpec[]): number {
  let H = 10;
  while (horizonAt(specs, H).tailBound > 1e-3) H = Math.ceil(H * 1.1);
  const ms = [...generationsOf(point), ...(point.mUpper !== undefined ? generationsOf(point, "mUpper") : [])];
  return Math.max(H, ...ms);
}

/** One value per run from `record`, run r on stream r (memoised per implementation and point: both sides share it). */
function sampleOf<T>(memo: ImplementationMemo<T[]>, impl: Implementation, key: string, R: number, seed: number, draw: (r: ReturnType<typeof rngStreams>[number]) => T): T[] {
  return memo(impl, key, () => rngStreams(seed, R).map(draw));
}

const fixedMemo = implementationMemo<number[]>();

/** min(max_j T_j, H + 1) per run. */
function maxTimes(impl: Implementation, point: Parameters, ctx: CheckContext, R: number, H: number): number[] {
  const { p0, n } = contextsOf(point);
  return sampleOf(fixedMemo, impl, JSON.stringify([point, ctx.seed, R, H]), R, ctx.seed, (rng) => {
    const rec = impl.simulateContexts(rng, { setting: "fully-synthetic", p0, n, generations: H, stopAtCollapse: true });
    return rec.T ?? H + 1;
  });
}

const FIXED_POINTS: Parameters[] = [
  { ...PAPER_P, n: [10, 10, 20], m: [60, 100], mUpper: [10, 20, 40], runs: 2000 },
  { s: 3, p: [0.5, 0.3, 0.2, 0.9, 0.05, 0.05], n: [20, 50], m: [100, 200], mUpper: [10, 30, 60], runs: 5000 },
];

function allCollapsed(impl: Implementation, side: Side): Statement {
  return {
    id: `multi-context-all-collapsed-${side}`,
    seedLabel: "multi-context-fixed",
    title: `All contexts at once: ${side === "lower" ? "1 - sum_j up_j(m)" : "min_j (1 - low_j(m))"} ${side === "lower" ? "<=" : ">="} P(all collapsed by m) (union bound over Eq (7))`,
    where: WHERE,
    kind: "extension",
    expected: "holds",
    method: "monte-carlo",
    description: `Clopper-Pearson interval of the fraction of runs with every context collapsed by m vs the ${side} union bound, at several m`,
    points: FIXED_POINTS,
    measure(point, ctx) {
      const { p0, n } = contextsOf(point);
      const specs = specsOf(p0, n);
      const ms = generationsOf(point, side === "upper" && point.mUpper !== undefined ? "mUpper" : "m");
      const R = Number(point.runs) * (ctx.extended ? 5 : 1);
      const T = maxTimes(impl, point, ctx, R, fixedHorizon(point, specs));
      const rows: Row[] = ms.map((m) => {
        let k = 0;
        for (const t of T) if (t <= m) k++;
        const ci = clopperPearson(k, R, ctx.delta / ms.length);
        const b = multiContextCollapseProbabilityBounds({ contexts: specs, m });
        return { label: `m = ${m}`, predicted: side === "lower" ? b.lower : b.upper, estimate: ci.estimate, lo: ci.lo, hi: ci.hi };
      });
      const independent = ms.map((m) => multiContextCollapseProbabilityBounds({ contexts: specs, m }));
      return worstRowMeasurement(side === "lower" ? "atLeast" : "atMost", rows, R, `Clopper-Pearson, ${R} runs of ${n.length} contexts`, { productBounds: independent }, [0, 1]);
    },
  };
}

function maxTime(impl: Implementation, side: Side): Statement {
  return {
    id: `multi-context-max-time-${side}`,
    seedLabel: "multi-context-fixed",
    title: `All contexts at once: ${side} bound on E[max_j T_j]`,
    where: WHERE,
    kind: "extension",
    expected: "holds",
    method: "monte-carlo",
    description: `empirical Bernstein interval of E[max_j T_j] (truncated at H, tail bound added above) vs ${side === "lower" ? "1 + sum_k max_j low_j(k)" : "1 + sum_k min(1, sum_j up_j(k))"}`,
    points: FIXED_POINTS,
    measure(point, ctx) {
      const { p0, n } = contextsOf(point);
      const specs = specsOf(p0, n);
      const R = Number(point.runs) * (ctx.extended ? 5 : 1);
      const horizon = fixedHorizon(point, specs);
      const { tailBound } = horizonAt(specs, horizon);
      const T = maxTimes(impl, point, ctx, R, horizon);
      const iv = meanInterval(Float64Array.from(T), horizon, ctx.delta);
      const b = multiContextMaxCollapseTimeBounds({ contexts: specs });
      const row: Row = { label: `E[max_j T_j], ${n.length} contexts`, predicted: side === "lower" ? b.lowerEnvelope : b.upper, estimate: iv.estimate, lo: iv.lo, hi: iv.hi + tailBound };
      return worstRowMeasurement(
        side === "lower" ? "atLeast" : "atMost",
        [row],
        R,
        `empirical Bernstein, ${R} runs, truncated at ${horizon} (tail <= ${tailBound.toExponential(1)})`,
        { bounds: b },
        [1, horizon + 1 + tailBound],
      );
    },
  };
}

/**
 * The restart design of the file comment: contexts {0, 1} emit only tokens {2, 3}, so the counts are
 * i.i.d. and independent of every model (the premise of random-count-bounds), which the general
 * Markov text does not give (see contexts-markov-text-exact for that loop).
 */
const MARKOV_POINTS: Parameters[] = [{ s: 4, tables: [0, 0, 0.7, 0.3, 0, 0, 0.5, 0.5], start: [0.5, 0.5], textLength: 50, m: [60, 100], mUpper: [5, 10, 20, 30], lowerCap: 100, runs: 2500 }];
const MARKOV_EXTENDED: Parameters[] = [{ s: 4, tables: [0, 0, 0.9, 0.1, 0, 0, 0.6, 0.4], start: [0.6, 0.4], textLength: 60, m: [60, 100], mUpper: [5, 10, 20, 30], lowerCap: 100, runs: 2500 }];

interface MarkovSetup {
  tables: Float64Array[];
  start: number[];
  L: number;
  laws: CountLaw[];
  zeroCount: number;
}

function markovSetup(point: Parameters): MarkovSetup {
  const s = Number(point.s);
  const flat = point.tables as number[];
  const tables = Array.from({ length: flat.length / s }, (_, j) => Float64Array.from(flat.slice(j * s, (j + 1) * s)));
  const start = (point.start as number[]).map(Number);
  const L = Number(point.textLength);
  const laws = start.map((q) => {
    const values: number[] = [];
    const probabilities: number[] = [];
    const zero = binomialPmf(0, L, q, 1 - q);
    for (let v = 1; v <= L; v++) {
      values.push(v);
      probabilities.push(binomialPmf(v, L, q, 1 - q) / (1 - zero));
    }
    return { values, probabilities };
  });
  const zeroCount = Math.max(...start.map((q) => binomialPmf(0, L, q, 1 - q)));
  return { tables, start, L, laws, zeroCount };
}

interface MarkovRun {
  /** T_j per context, null past the horizon. */
  T: (number | null)[];
  generations: number;
}

const markovMemo = implementationMemo<MarkovRun[]>();

/** T_j per run and the generations it simulated. */
function contextTimes(impl: Implementation, point: Parameters, ctx: CheckContext, R: number, H: number): MarkovRun[] {
  const { tables, start, L } = markovSetup(point);
  const s = Number(point.s);
  return sampleOf(markovMemo, impl, JSON.stringify([point, ctx.seed, R, H]), R, ctx.seed, (rng) => {
    const rec: MultiContextRecord = impl.simulateMarkovText(rng, {
      p0: { s, contextLength: 1, contexts: tables.map((_, j) => j), tables },
      start,
      textLength: L,
      generations: H,
      stopAtCollapse: true,
    });
    return { T: rec.contextT, generations: rec.generations };
  });
}

/** Upper bound on P(some count n_j^(m) = 0 in the sample): generations simulated x contexts x max_j P(n_j = 0). */
function zeroCountRisk(runs: MarkovRun[], setup: MarkovSetup): number {
  return runs.reduce((a, r) => a + r.generations, 0) * setup.tables.length * setup.zeroCount;
}

/** Horizon with sum over contexts of sum_{k > H} E[n - 1](1 - S0) F^(k-1) <= 1e-3 (at least every m compared), and those tails. */
function markovHorizon(setup: MarkovSetup, point: Parameters): { H: number; tails: number[] } {
  const terms = setup.tables.map((t, j) => {
    const { S0 } = summaryOf(t);
    let F = 0;
    let e = 0;
    setup.laws[j].values.forEach((v, i) => {
      F += setup.laws[j].probabilities[i] * (1 - 1 / v);
      e += setup.laws[j].probabilities[i] * (v - 1);
    });
    return (H: number) => (e * (1 - S0) * Math.pow(F, H)) / (1 - F);
  });
  let H = 10;
  while (terms.reduce((a, f) => a + f(H), 0) > 1e-3) H = Math.ceil(H * 1.1);
  H = Math.max(H, ...generationsOf(point), ...(point.mUpper !== undefined ? generationsOf(point, "mUpper") : []));
  return { H, tails: terms.map((f) => f(H)) };
}

function randomCountRho(impl: Implementation, side: Side): Statement {
  return {
    id: `random-count-rho-${side}`,
    seedLabel: "random-count",
    title: `Random i.i.d. counts (restart text, counts independent of the models): ${side} bound on rho_m = P(T_j <= m) with the mixed factor F = E[1 - 1/n]`,
    where: WHERE,
    kind: "extension",
    expected: "holds",
    method: "monte-carlo",
    description: `Clopper-Pearson interval of P(T_j <= m) per context of a Markov-text loop whose design makes the counts i.i.d. Binomial(L, start_j) and independent of every model (the bound's premise) vs the ${side} bound of Eq (7) with F, at several m`,
    points: MARKOV_POINTS,
    extendedPoints: MARKOV_EXTENDED,
    measure(point, ctx) {
      const setup = markovSetup(point);
      const ms = generationsOf(point, side === "upper" && point.mUpper !== undefined ? "mUpper" : "m");
      const R = Number(point.runs) * (ctx.extended ? 5 : 1);
      const { H } = markovHorizon(setup, point);
      const times = contextTimes(impl, point, ctx, R, H);
      const rows: Row[] = [];
      const share = ctx.delta / (ms.length * setup.tables.length);
      setup.tables.forEach((t, j) => {
        const { S0, support } = summaryOf(t);
        for (const m of ms) {
          let k = 0;
          for (const run of times) if (run.T[j] !== null && (run.T[j] as number) <= m) k++;
          const ci = clopperPearson(k, R, share);
          const b = randomCountCollapseProbabilityBounds({ ...setup.laws[j], S0, support, m });
          rows.push({ label: `context ${j}, m = ${m}`, predicted: side === "lower" ? b.lower : b.upper, estimate: ci.estimate, lo: ci.lo, hi: ci.hi });
        }
      });
      const relation: Relation = side === "lower" ? "atLeast" : "atMost";
      return worstRowMeasurement(relation, rows, R, `Clopper-Pearson, ${R} runs, L = ${setup.L}`, { zeroCountProbabilityBound: zeroCountRisk(times, setup) }, [0, 1]);
    },
  };
}

function randomCountTime(impl: Implementation, side: Side): Statement {
  return {
    id: `random-count-time-${side}`,
    seedLabel: "random-count",
    title: `Random i.i.d. counts (restart text, counts independent of the models): ${side} bound on E[T_j] with the mixed factor F = E[1 - 1/n]`,
    where: WHERE,
    kind: "extension",
    expected: "holds",
    method: "monte-carlo",
    description: `empirical Bernstein interval of E[T_j] per context of the restart-design Markov-text loop (counts i.i.d., independent of every model; truncated at H, tail bound added above) vs the ${side} bound of Eq (8) with F`,
    points: MARKOV_POINTS,
    extendedPoints: MARKOV_EXTENDED,
    measure(point, ctx) {
      const setup = markovSetup(point);
      const R = Number(point.runs) * (ctx.extended ? 5 : 1);
      const { H: horizon, tails } = markovHorizon(setup, point);
      const times = contextTimes(impl, point, ctx, R, horizon);
      // The lower side may truncate harder (E[min(T, cap)] <= E[T]): a smaller range, a narrower interval.
      const cap = side === "lower" && point.lowerCap !== undefined ? Math.min(horizon + 1, Number(point.lowerCap)) : horizon + 1;
      const rows: Row[] = setup.tables.map((t, j) => {
        const { S0, support } = summaryOf(t);
        const values = Float64Array.from(times, (run) => Math.min(cap, run.T[j] ?? horizon + 1));
        const iv = meanInterval(values, cap - 1, ctx.delta / setup.tables.length);
        const b = randomCountCollapseTimeBounds({ ...setup.laws[j], S0, support });
        return { label: `context ${j}`, predicted: side === "lower" ? b.lower : b.upper, estimate: iv.estimate, lo: iv.lo, hi: side === "lower" ? iv.hi : iv.hi + tails[j] };
      });
      const range: [number, number] = side === "lower" ? [1, cap] : [1, horizon + 1 + Math.max(...tails)];
      return worstRowMeasurement(
        side === "lower" ? "atLeast" : "atMost",
        rows,
        R,
        `empirical Bernstein, ${R} runs, T truncated at ${cap}`,
        { zeroCountProbabilityBound: zeroCountRisk(times, setup) },
        range,
      );
    },
  };
}

export function multiContextStatements(impl: Implementation): Statement[] {
  return [
    allCollapsed(impl, "lower"),
    allCollapsed(impl, "upper"),
    maxTime(impl, "lower"),
    maxTime(impl, "upper"),
    randomCountRho(impl, "lower"),
    randomCountRho(impl, "upper"),
    randomCountTime(impl, "lower"),
    randomCountTime(impl, "upper"),
  ];
}
