/**
 * meanAtGenerations under `ctx.sequential`: the same quantity (the mean over runs of a per-generation
 * value against a closed form, at several m) decided by sequentialMeans: one betting confidence
 * sequence per generation at delta / |ms| (Bonferroni), runs from stream 0 on (no pilot), a look
 * after every run, stopping once the verdict is decided (or at the cap, default 1e6 runs). The
 * values lie in [0, range] (every pick of the registry is a nonnegative quantity: sigma_m, squared
 * or L1 distances, products of frequencies); a value outside throws. The record has the fixed-sample
 * path's shape; `epsilon` is, for an equality, the largest distance from the prediction to an end of
 * its CS (every larger discrepancy is excluded), for a bound the largest CS width.
 */
import type { SimulationConfig } from "../loops/index.ts";
import { formatEvidenceNumber } from "./evidence.ts";
import type { MeanAtGenerationsOptions } from "./meanAtGenerations.ts";
import { collectAt } from "./runs.ts";
import { sequentialMeans } from "./sequentialMeans.ts";
import type { Measurement } from "./types.ts";

export function sequentialMeanAtGenerations(o: MeanAtGenerationsOptions): Measurement {
  const relation = o.relation ?? "equals";
  const epsilon = o.ctx.epsilon ?? o.epsilon;
  const config: SimulationConfig = { ...o.config, generations: o.config.generations ?? Math.max(...o.ms) };
  const predicted = o.ms.map((m) => o.predicted(m));
  const s = sequentialMeans({
    relation,
    predicted,
    support: [0, o.range],
    epsilon,
    delta: o.ctx.delta / o.ms.length,
    maxReplicates: o.maxReplicates ?? 1_000_000,
    draw: (count, first) => collectAt(o.impl, o.ctx.seed, config, count, first, o.ms, o.pick),
  });
  const perM = s.rows.map((r, j) => ({ m: o.ms[j], ...r }));
  const slack = (r: (typeof perM)[number]) =>
    relation === "equals" ? -Math.max(r.predicted - r.lo, r.hi - r.predicted) : relation === "atMost" ? r.predicted - r.hi : r.lo - r.predicted;
  // Reported generation: one whose interval misses the prediction (equalities) or is on the wrong side (bounds) if any, else the least slack.
  const refutes = (r: (typeof perM)[number]) =>
    relation === "equals" ? r.predicted < r.lo || r.predicted > r.hi : relation === "atMost" ? r.lo > r.predicted : r.hi < r.predicted;
  const w = [...perM].sort((x, y) => Number(refutes(y)) - Number(refutes(x)) || slack(x) - slack(y))[0];
  const reach =
    relation === "equals" ? Math.max(...perM.map((r) => Math.max(r.predicted - r.lo, r.hi - r.predicted))) : Math.max(...perM.map((r) => r.hi - r.lo));
  return {
    relation,
    predicted: w.predicted,
    estimate: w.estimate,
    interval: [w.lo, w.hi],
    replicates: s.replicates,
    epsilon: reach,
    evidence:
      `worst m = ${w.m}: estimate ${formatEvidenceNumber(w.estimate)} in [${formatEvidenceNumber(w.lo)}, ${formatEvidenceNumber(w.hi)}] ` +
      `vs predicted ${formatEvidenceNumber(w.predicted)} (${o.ms.length} generations; sequential betting CS, ` +
      `${s.decided ? "decided" : "undecided at the cap"} after ${s.replicates} runs)`,
    details: { perGeneration: perM, sequential: { replicates: s.replicates, decided: s.decided, drawn: s.drawn } },
    ...(o.bounds ? { range: o.bounds } : {}),
  };
}
