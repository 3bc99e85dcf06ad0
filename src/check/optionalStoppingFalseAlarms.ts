/**
 * The experiment that shows why a sequential check needs a confidence sequence: under optional
 * stopping (look after every batch, stop at the first interval that excludes the true mean), the
 * fixed-sample empirical Bernstein interval (Maurer & Pontil; intervals.ts) raises a false alarm
 * more often than at a single look (and, for 0/1 data, the exact Clopper-Pearson interval far more
 * often than its delta), while the betting confidence sequence (bettingConfidenceSequence.ts)
 * and the PrPl empirical Bernstein CS (empiricalBernsteinConfidenceSequence.ts) do not: each trial
 * draws `horizon` values with known mean `mean` from stream `trial` of `seed` and records, per
 * method, whether any look excluded `mean`. Rates come with two-sided Clopper-Pearson intervals.
 * Cost O(trials horizon).
 * @example optionalStoppingFalseAlarms({ seed: 1, trials: 200, horizon: 5000, batch: 10, delta: 0.05, mean: 0.3, draw: (rng) => (rng.uniform() < 0.3 ? 1 : 0) });
 * // => { fixedEmpiricalBernstein: { rate: above 0.05, ... }, bettingCS: { rate: below 0.05, ... }, ... }
 */
import { eachRngStream, type Rng } from "../rng/index.ts";
import { bettingConfidenceSequence } from "./bettingConfidenceSequence.ts";
import { empiricalBernsteinConfidenceSequence } from "./empiricalBernsteinConfidenceSequence.ts";
import { incompleteBeta } from "./incompleteBeta.ts";
import { clopperPearson, empiricalBernsteinInterval } from "./intervals.ts";

/**
 * Whether p lies outside the two-sided Clopper-Pearson interval of k successes in n at level delta:
 * lo > p iff P(Bin(n, p) >= k) = I_p(k, n - k + 1) < delta/2; hi < p iff P(Bin(n, p) <= k) = 1 - I_p(k + 1, n - k) < delta/2.
 * @example clopperPearsonExcludes(0.5, 90, 100, 0.05); // => true
 */
export function clopperPearsonExcludes(p: number, k: number, n: number, delta: number): boolean {
  if (k > 0 && incompleteBeta(p, k, n - k + 1) < delta / 2) return true;
  return k < n && 1 - incompleteBeta(p, k + 1, n - k) < delta / 2;
}

export interface OptionalStoppingOptions {
  seed: number;
  trials: number;
  /** Observations per trial (the cap). */
  horizon: number;
  /** Observations between looks. */
  batch: number;
  delta: number;
  /** The true mean of `draw`'s values (which lie in [0, 1]). */
  mean: number;
  draw: (rng: Rng) => number;
  /** The values are 0/1 (then the fixed Clopper-Pearson interval is peeked at too). */
  bernoulli?: boolean;
  /** Level of the Clopper-Pearson intervals on the rates (default 0.01: 99% intervals). */
  level?: number;
}

export interface FalseAlarmRate {
  alarms: number;
  rate: number;
  lo: number;
  hi: number;
}

export interface OptionalStoppingResult {
  trials: number;
  looks: number;
  delta: number;
  fixedEmpiricalBernstein: FalseAlarmRate;
  bettingCS: FalseAlarmRate;
  empiricalBernsteinCS: FalseAlarmRate;
  /** Only for 0/1 values. */
  fixedClopperPearson?: FalseAlarmRate;
  /** The fixed-sample empirical Bernstein interval looked at once, at the horizon. */
  fixedEmpiricalBernsteinOneLook: FalseAlarmRate;
}

export function optionalStoppingFalseAlarms(o: OptionalStoppingOptions): OptionalStoppingResult {
  if (!(o.mean >= 0 && o.mean <= 1)) throw new RangeError(`mean must lie in [0, 1], got ${o.mean}`);
  if (!Number.isInteger(o.batch) || o.batch < 2) throw new RangeError(`batch must be an integer >= 2, got ${o.batch}`);
  const counts = { fixed: 0, betting: 0, eb: 0, cp: 0, once: 0 };
  for (const rng of eachRngStream(o.seed, o.trials)) {
    const betting = bettingConfidenceSequence({ alpha: o.delta, track: [o.mean] });
    const eb = empiricalBernsteinConfidenceSequence(o.delta);
    let mean = 0;
    let m2 = 0;
    let sum = 0;
    const alarm = { fixed: false, betting: false, eb: false, cp: false };
    for (let n = 1; n <= o.horizon; n++) {
      const x = o.draw(rng);
      const d = x - mean;
      mean += d / n;
      m2 += d * (x - mean);
      sum += x;
      betting.push(x);
      eb.push(x);
      if (n % o.batch !== 0) continue;
      if (!alarm.fixed) {
        const iv = empiricalBernsteinInterval(mean, m2 / (n - 1), 1, n, o.delta);
        alarm.fixed = o.mean < iv.lo || o.mean > iv.hi;
      }
      if (!alarm.betting) alarm.betting = betting.excluded(0);
      if (o.bernoulli && !alarm.cp) alarm.cp = clopperPearsonExcludes(o.mean, Math.round(sum), n, o.delta);
      if (!alarm.eb) {
        const iv = eb.interval();
        alarm.eb = o.mean < iv.lo || o.mean > iv.hi;
      }
    }
    counts.fixed += Number(alarm.fixed);
    counts.betting += Number(alarm.betting);
    counts.eb += Number(alarm.eb);
    counts.cp += Number(alarm.cp);
    const last = empiricalBernsteinInterval(mean, m2 / (o.horizon - 1), 1, o.horizon, o.delta);
    counts.once += Number(o.mean < last.lo || o.mean > last.hi);
  }
  const level = o.level ?? 0.01;
  const rate = (k: number): FalseAlarmRate => {
    const ci = clopperPearson(k, o.trials, level);
    return { alarms: k, rate: k / o.trials, lo: ci.lo, hi: ci.hi };
  };
  return {
    trials: o.trials,
    looks: Math.floor(o.horizon / o.batch),
    delta: o.delta,
    fixedEmpiricalBernstein: rate(counts.fixed),
    bettingCS: rate(counts.betting),
    empiricalBernsteinCS: rate(counts.eb),
    ...(o.bernoulli ? { fixedClopperPearson: rate(counts.cp) } : {}),
    fixedEmpiricalBernsteinOneLook: rate(counts.once),
  };
}
