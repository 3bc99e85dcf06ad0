/**
 * The most common Monte Carlo check: the mean over runs of a per-generation quantity (sigma_m, a
 * squared distance, ...) against a closed form, at several generations m at once. The false-alarm
 * budget delta is split over the generations; sample size comes from a pilot (streams 0..pilot-1)
 * so that the empirical Bernstein half-width is about epsilon / 2 at every m; the main sample
 * (streams from `pilot` on) gives the intervals. The record reports the generation where the
 * estimate is furthest from the prediction, in half-widths.
 */
import type { RunRecord, SimulationConfig } from "../loops/index.ts";
import { formatEvidenceNumber } from "./evidence.ts";
import type { Implementation } from "./implementation.ts";
import { bernsteinSampleSize, meanInterval, standardError } from "./montecarlo.ts";
import { collectAt } from "./runs.ts";
import type { CheckContext } from "./statement.ts";
import { sequentialMeanAtGenerations } from "./sequentialMeanAtGenerations.ts";
import type { Measurement, Relation } from "./types.ts";

export interface MeanAtGenerationsOptions {
  impl: Implementation;
  ctx: CheckContext;
  /** The simulation; `generations` defaults to the largest m of `ms`. */
  config: Omit<SimulationConfig, "generations"> & { generations?: number };
  ms: readonly number[];
  pick: (record: RunRecord, m: number) => number;
  /** Width of the range the picked values lie in (1 for sigma_m). */
  range: number;
  /** A priori range [lo, hi] of the mean (bounds: a bound at or beyond it is vacuous). */
  bounds?: [number, number];
  predicted: (m: number) => number;
  /** Default target when ctx.epsilon is not set. */
  epsilon: number;
  relation?: Relation;
  pilot?: number;
  maxReplicates?: number;
}

export function meanAtGenerations(o: MeanAtGenerationsOptions): Measurement {
  if (o.ctx.sequential) return sequentialMeanAtGenerations(o);
  const relation = o.relation ?? "equals";
  const pilotRuns = o.pilot ?? 1000;
  const epsilon = o.ctx.epsilon ?? o.epsilon;
  const deltaM = o.ctx.delta / o.ms.length;
  const config: SimulationConfig = { ...o.config, generations: o.config.generations ?? Math.max(...o.ms) };
  const pilot = collectAt(o.impl, o.ctx.seed, config, pilotRuns, 0, o.ms, o.pick);
  const vmax = Math.max(...pilot.map((v) => meanInterval(v, o.range, deltaM).variance));
  const R = bernsteinSampleSize(vmax, o.range, epsilon / 2, deltaM, 1000, o.maxReplicates ?? 1_000_000);
  const main = collectAt(o.impl, o.ctx.seed, config, R, pilotRuns, o.ms, o.pick);
  let worst = -1;
  let worstScore = -Infinity;
  const perM = o.ms.map((m, j) => {
    const iv = meanInterval(main[j], o.range, deltaM);
    const pred = o.predicted(m);
    const half = (iv.hi - iv.lo) / 2;
    const score = relation === "equals" ? Math.abs(iv.estimate - pred) / half : relation === "atMost" ? (iv.estimate - pred) / half : (pred - iv.estimate) / half;
    if (score > worstScore) {
      worstScore = score;
      worst = j;
    }
    return { m, predicted: pred, estimate: iv.estimate, lo: iv.lo, hi: iv.hi, se: standardError(iv.variance, R) };
  });
  const w = perM[worst];
  const diff = w.estimate - w.predicted;
  const z = w.se > 0 ? diff / w.se : 0;
  const maxHalf = Math.max(...perM.map((r) => (r.hi - r.lo) / 2));
  return {
    relation,
    predicted: w.predicted,
    estimate: w.estimate,
    interval: [w.lo, w.hi],
    replicates: R,
    epsilon: 2 * maxHalf,
    evidence:
      `worst m = ${w.m}: estimate ${formatEvidenceNumber(w.estimate)} vs predicted ${formatEvidenceNumber(w.predicted)}, ` +
      `difference ${formatEvidenceNumber(diff)} = ${z.toFixed(1)} standard errors (${o.ms.length} generations, ${R} runs)`,
    details: { perGeneration: perM },
    ...(o.bounds ? { range: o.bounds } : {}),
  };
}
