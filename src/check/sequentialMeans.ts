/**
 * The sequential Monte Carlo check: the means of several bounded quantities (one per generation,
 * token, ...) against predictions, each with its own betting confidence sequence at error rate
 * `delta` (bettingConfidenceSequence.ts), runs drawn in batches and the verdict looked at after
 * every run. Sampling stops at the first run where the verdict is decided at the stated rate:
 *   - equals:  refuted once some prediction leaves its CS; holds once every CS contains its
 *              prediction and lies strictly within epsilon of it (pred - eps and pred + eps both excluded);
 *   - atMost:  holds once every CS lies below its bound (the downward gambler excludes the bound),
 *              refuted once some CS lies above it (the upward gambler excludes it); atLeast mirrored;
 * or at `maxReplicates` (the intervals then decide as a fixed-sample one would). The CSs are valid
 * at every sample size at once, so stopping at a data-dependent time keeps P(false "refuted") <= delta
 * per quantity (Ville's inequality), unlike a fixed-sample interval looked at repeatedly. No pilot
 * is needed. Values must lie in `support` (they are mapped to [0, 1]).
 * @example
 * sequentialMeans({ relation: "atMost", predicted: [0.9], support: [0, 1], epsilon: 0.1, delta: 1e-6,
 *   maxReplicates: 1e5, draw: (count, first) => [Float64Array.from({ length: count }, (_, i) => (first + i) % 2)] });
 * // => { replicates: about 200, decided: true, rows: [{ estimate: 0.5, lo: about 0.3, hi: below 0.9 }] }
 */
import { bettingConfidenceSequence, type BettingConfidenceSequence } from "./bettingConfidenceSequence.ts";
import type { Relation } from "./types.ts";

export interface SequentialMeansOptions {
  relation: Relation;
  /** One prediction (or bound) per quantity, in the values' units. */
  predicted: readonly number[];
  /** Every value lies in [support[0], support[1]]. */
  support: readonly [number, number];
  /** Equalities: discrepancy to resolve (the CS must end within epsilon of the prediction to hold). */
  epsilon: number;
  /** Error rate of each quantity's confidence sequence. */
  delta: number;
  /** Values of runs first .. first + count - 1, one array per quantity (run r on stream r). */
  draw: (count: number, first: number) => ArrayLike<number>[];
  maxReplicates: number;
  /** Runs drawn before the first look at a batch boundary; later batches are half the runs so far (default 1000). */
  firstBatch?: number;
}

export interface SequentialMeansRow {
  predicted: number;
  estimate: number;
  lo: number;
  hi: number;
}

export interface SequentialMeansResult {
  /** Runs used: the run at which the verdict was decided, or the cap. */
  replicates: number;
  /** Whether sampling stopped because the verdict was decided (false: the cap was reached). */
  decided: boolean;
  /** Runs drawn (the last batch may go past the stopping run; those runs are not used). */
  drawn: number;
  rows: SequentialMeansRow[];
}

type Status = "holds" | "refuted" | "open";

/** The decision of one quantity at the current time, from the capital at its tracked candidates. */
function status(relation: Relation, cs: BettingConfidenceSequence): Status {
  switch (relation) {
    case "equals":
      if (cs.excluded(0)) return "refuted";
      return cs.excluded(1) && cs.excluded(2) ? "holds" : "open";
    case "atMost":
      if (cs.excludedFromAbove(0)) return "refuted";
      return cs.excludedFromBelow(0) ? "holds" : "open";
    case "atLeast":
      if (cs.excludedFromBelow(0)) return "refuted";
      return cs.excludedFromAbove(0) ? "holds" : "open";
  }
}

export function sequentialMeans(o: SequentialMeansOptions): SequentialMeansResult {
  const [a, b] = o.support;
  const width = b - a;
  if (!(width > 0)) throw new RangeError(`support must be an interval [lo, hi] with lo < hi, got [${a}, ${b}]`);
  if (!(o.delta > 0 && o.delta < 1)) throw new RangeError(`delta must lie in (0, 1), got ${o.delta}`);
  if (!(o.epsilon > 0)) throw new RangeError(`epsilon must be positive, got ${o.epsilon}`);
  if (!Number.isInteger(o.maxReplicates) || o.maxReplicates < 1) throw new RangeError(`maxReplicates must be a positive integer, got ${o.maxReplicates}`);
  const scale = (v: number) => (v - a) / width;
  const eps = o.epsilon / width;
  const css = o.predicted.map((p) => {
    const m = scale(p);
    return bettingConfidenceSequence({ alpha: o.delta, track: o.relation === "equals" ? [m, m - eps, m + eps] : [m] });
  });
  const firstBatch = o.firstBatch ?? 1000;
  let t = 0;
  let drawn = 0;
  let decided = false;
  while (!decided && t < o.maxReplicates) {
    const count = Math.min(o.maxReplicates - drawn, Math.max(firstBatch, Math.ceil(drawn / 2)));
    const values = o.draw(count, drawn);
    if (values.length !== css.length) throw new Error(`draw returned ${values.length} arrays for ${css.length} quantities`);
    drawn += count;
    for (let i = 0; i < count && !decided; i++) {
      let allHold = true;
      let refuted = false;
      for (let j = 0; j < css.length; j++) {
        const v = values[j][i];
        if (!(v >= a && v <= b)) throw new RangeError(`value ${v} of quantity ${j} lies outside the support [${a}, ${b}]`);
        css[j].push(scale(v));
      }
      for (let j = 0; j < css.length; j++) {
        const s = status(o.relation, css[j]);
        if (s === "refuted") refuted = true;
        if (s !== "holds") allHold = false;
      }
      t++;
      decided = refuted || allHold;
    }
  }
  const rows = css.map((cs, j) => {
    const iv = cs.interval();
    let lo = iv.lo;
    let hi = iv.hi;
    const m = scale(o.predicted[j]);
    // A prediction the capital does not exclude is inside the interval (bisection tolerance aside).
    if (!cs.excluded(0) && m >= 0 && m <= 1) {
      lo = Math.min(lo, m);
      hi = Math.max(hi, m);
    }
    return { predicted: o.predicted[j], estimate: a + width * iv.estimate, lo: a + width * lo, hi: a + width * hi };
  });
  return { replicates: t, decided, drawn, rows };
}
