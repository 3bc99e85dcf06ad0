/**
 * simulate-exact: the simulator against the exact law of the process (src/exact/exactRunLaw), in
 * every setting of Eq (5) and for every measure a run records. At tiny parameters (s = 4 with a
 * zero inside the support, n and N <= 6, M <= 6) the exact law gives E[measure of p^(m)] for
 * sigma, sup norm, L1/L2/L2^2 to p^(0) and p^(1), entropy (nats), support size, and
 * P(T <= m), P(collapsedTo = i, T <= m) for every token i; each is compared with the mean over
 * runs of impl.simulateRun (empirical Bernstein: pilot of 1000 runs, then a main sample sized so
 * that every row detects a discrepancy of epsilon x (the measure's range); ranges: sigma, sup norm,
 * indicators 1, L1 2, L2 sqrt 2, L2^2 2, entropy ln s, support s). The check's delta is split
 * over these rows by Bonferroni. n^(m) is deterministic in every setting: every run must record
 * exactly the exact value (no false alarm possible). A wrong schedule, a redrawn real corpus,
 * a measure in the wrong unit or against the wrong reference moves some of these means by far
 * more than epsilon. epsilon (ctx.epsilon, else the point's, else 0.03) is per unit of a measure's
 * range, and so is the reported Measurement.epsilon; `runs` caps the main sample (x5 extended).
 * Example: at the fully-synthetic point (p = (0.45, 0, 0.35, 0.2), n = 4) E[sigma_6] = 0.887 = Eq (6),
 * E[entropy_1] = 0.740 nats; about 50000 runs hold every row to 0.03 x its range.
 */
import { EXACT_RUN_MEASURES, exactRunLaw, type ExactRunConfig, type ExactRunMeasure } from "../../exact/exactRunLaw.ts";
import type { RunRecord, Setting } from "../../loops/index.ts";
import { RUN_MEASURES } from "../simulationPaths.ts";
import type { Implementation } from "../implementation.ts";
import { empiricalBernsteinInterval } from "../intervals.ts";
import { bernsteinSampleSize } from "../montecarlo.ts";
import { epsilonOf, readPoint } from "../points.ts";
import { forEachRun } from "../runs.ts";
import type { Statement } from "../statement.ts";
import type { Measurement, Parameters } from "../types.ts";
import { worstRowMeasurement, type Row } from "./worstRow.ts";

/** A zero inside the support (token 1), support not all at the front in PB (token 0 absent). */
const PA = [0.45, 0, 0.35, 0.2];
const PB = [0, 0.5, 0.2, 0.3];

/** One point per setting, plus fresh real data for most-recent and randomly-sampled. */
export const SIMULATE_EXACT_POINTS: Parameters[] = [
  { setting: "fully-synthetic", p: PA, n: 4, m: [0, 1, 2, 3, 6], runs: 60000 },
  { setting: "partially-synthetic", p: PB, n: 3, N: 3, m: [0, 1, 2, 3, 5], runs: 60000 },
  { setting: "partially-synthetic-fresh", p: PA, n: 3, N: 3, m: [0, 1, 2, 3, 5], runs: 60000 },
  { setting: "most-recent", p: PA, n: 6, K: 3, m: [0, 1, 2, 3, 4, 6], runs: 60000 },
  { setting: "most-recent", p: PB, n: 4, K: 2, m: [0, 1, 2, 3, 5], realData: "fresh", runs: 60000 },
  { setting: "randomly-sampled", p: PA, n: 3, m: [0, 1, 2, 3, 5], runs: 60000 },
  { setting: "randomly-sampled", p: PB, n: 3, m: [0, 1, 2, 3, 5], realData: "fresh", runs: 60000 },
  { setting: "accumulate", p: PB, n: 2, N: 3, m: [0, 1, 2, 3, 5], runs: 60000 },
];

/** Default target discrepancy, per unit of a measure's range. */
const EPSILON = 0.03;
const PILOT = 1000;

/** The simulation (and exact-law) configuration of a point. */
export function simulateExactConfig(point: Parameters): ExactRunConfig {
  const { p0, n, ms } = readPoint(point);
  return {
    setting: String(point.setting) as Setting,
    p0,
    n,
    ...(point.N !== undefined ? { N: Number(point.N) } : {}),
    ...(point.K !== undefined ? { K: Number(point.K) } : {}),
    generations: Math.max(...ms),
    ...(point.realData !== undefined ? { realData: String(point.realData) as "fixed" | "fresh" } : {}),
  };
}

/** One compared quantity: its label, exact value, range width and how to read it off a run. */
interface Target {
  label: string;
  predicted: number;
  range: number;
  pick: (rec: RunRecord) => number;
}

/** Every (measure, m) row but n^(m), and n^(m) per m (deterministic). */
function targetsOf(point: Parameters): { stat: Target[]; sizes: Array<{ m: number; value: number }> } {
  const { p0, ms } = readPoint(point);
  const s = p0.length;
  const law = exactRunLaw(simulateExactConfig(point));
  const range: Record<Exclude<ExactRunMeasure, "trainingSize">, number> = {
    sigma: 1,
    supNorm: 1,
    l1ToP0: 2,
    l1ToP1: 2,
    l2ToP0: Math.SQRT2,
    l2ToP1: Math.SQRT2,
    l2SquaredToP0: 2,
    l2SquaredToP1: 2,
    entropy: Math.max(Math.log(s), 1e-12),
    supportSize: s,
  };
  const stat: Target[] = [];
  for (const m of ms) {
    for (const k of EXACT_RUN_MEASURES) {
      if (k === "trainingSize") continue;
      stat.push({ label: `${k} at m = ${m}`, predicted: law.mean[k][m], range: range[k], pick: (rec) => rec[k][m] });
    }
    stat.push({ label: `P(T <= ${m})`, predicted: law.collapsedBy[m], range: 1, pick: (rec) => (rec.T !== null && rec.T <= m ? 1 : 0) });
    for (let i = 0; i < s; i++) {
      stat.push({
        label: `P(collapsedTo = ${i}, T <= ${m})`,
        predicted: law.collapsedToBy[i][m],
        range: 1,
        pick: (rec) => (rec.T !== null && rec.T <= m && rec.collapsedTo === i ? 1 : 0),
      });
    }
  }
  return { stat, sizes: ms.map((m) => ({ m, value: law.mean.trainingSize[m] })) };
}

/** Streaming mean and variance of each target over runs first..first+count-1. */
function sampleTargets(impl: Implementation, seed: number, point: Parameters, targets: Target[], count: number, first: number, sizes: Array<{ m: number; value: number }>) {
  const mean = new Float64Array(targets.length);
  const m2 = new Float64Array(targets.length);
  const worstSize = sizes.map((z) => z.value);
  const config = simulateExactConfig(point);
  let r = 0;
  forEachRun(impl, seed, config, count, first, (rec) => {
    r++;
    for (let j = 0; j < targets.length; j++) {
      const v = targets[j].pick(rec);
      const d = v - mean[j];
      mean[j] += d / r;
      m2[j] += d * (v - mean[j]);
    }
    sizes.forEach((z, j) => {
      const v = rec.trainingSize[z.m];
      if (!(Math.abs(v - z.value) <= Math.abs(worstSize[j] - z.value))) worstSize[j] = v;
    });
  });
  return { mean, variance: Float64Array.from(m2, (v) => (r > 1 ? v / (r - 1) : 0)), worstSize, runs: r };
}

export function simulateExactStatement(impl: Implementation): Statement {
  const covers: string[] = [];
  for (const setting of new Set(SIMULATE_EXACT_POINTS.map((p) => String(p.setting)))) {
    for (const measure of RUN_MEASURES) covers.push(`setting:${setting}/measure:${measure}`);
  }
  return {
    id: "simulate-exact",
    title: "The simulator's mean of every measure equals the exact law of Eq (5), in every setting",
    where: "Sect. 2.2 (Eq 5 and the settings), Sect. 3 (the measures, T); exact law: src/exact/exactRunLaw",
    kind: "extension",
    expected: "holds",
    method: "monte-carlo",
    description:
      "mean over runs of each measure (sigma, sup norm, L1/L2/L2^2 to p^(0), p^(1), entropy, support, P(T <= m), P(collapsedTo = i, T <= m)) at several m vs the exact expectation (empirical Bernstein, Bonferroni over rows); n^(m) of every run vs its exact value",
    points: SIMULATE_EXACT_POINTS,
    covers,
    measure(point, ctx): Measurement {
      const { stat, sizes } = targetsOf(point);
      const epsilon = ctx.epsilon ?? epsilonOf(point, EPSILON);
      const deltaRow = ctx.delta / stat.length;
      const maxRuns = Number(point.runs ?? 60000) * (ctx.extended ? 5 : 1);
      const pilot = sampleTargets(impl, ctx.seed, point, stat, PILOT, 0, sizes);
      let R = 1000;
      stat.forEach((t, j) => {
        R = Math.max(R, bernsteinSampleSize(pilot.variance[j], t.range, (epsilon * t.range) / 2, deltaRow, 1000, maxRuns));
      });
      const main = sampleTargets(impl, ctx.seed, point, stat, R, PILOT, sizes);
      const rows: Row[] = stat.map((t, j) => {
        const iv = empiricalBernsteinInterval(main.mean[j], main.variance[j], t.range, main.runs, deltaRow);
        return { label: t.label, predicted: t.predicted, estimate: iv.estimate, lo: iv.lo, hi: iv.hi };
      });
      sizes.forEach((z, j) => {
        const v = main.worstSize[j];
        rows.push({ label: `trainingSize at m = ${z.m} (every run)`, predicted: z.value, estimate: v, lo: v, hi: v });
      });
      let detect = 0;
      stat.forEach((t, j) => (detect = Math.max(detect, (rows[j].hi - rows[j].lo) / t.range)));
      const what =
        `${main.runs} runs, empirical Bernstein at delta/${stat.length} each; detects a discrepancy of ` +
        `${detect.toPrecision(2)} x the measure's range; n^(m) exact in every run`;
      const base = worstRowMeasurement("equals", rows, main.runs, what, { setting: String(point.setting), realData: String(point.realData ?? "fixed") });
      return { ...base, epsilon: detect };
    },
  };
}
