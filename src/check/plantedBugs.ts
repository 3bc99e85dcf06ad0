/**
 * The planted-bug catalogue: wrong simulators and wrong closed forms, each injected into the same
 * checks `verify` runs on the real implementation. A check that cannot tell a bug from the truth
 * proves nothing; this catalogue proves the power of the suite, bug by bug.
 */
import { collapseTimeSampler, simulateRun, type RunRecord, type SimulationConfig } from "../loops/index.ts";
import type { GenerationObserver } from "../loops/index.ts";
import { entropy, l1Distance, l2Distance, l2SquaredDistance, sigma, sparseFromDense, supNorm, supportSize } from "../measure/index.ts";
import type { Rng } from "../rng/index.ts";
import { binomialUnchecked, multinomial } from "../sample/index.ts";
import {
  collapseProbabilityBounds,
  fullySyntheticSm,
  kimuraOhtaCollapseTime,
  l1TailBound,
  phiUnchecked,
  psDrift,
} from "../theory/index.ts";
import { eq9With, reference, type Implementation } from "./implementation.ts";
import { samplerPlantedBugs } from "./plantedSamplerBugs.ts";
import { markovTextContextsOffByOne } from "./plantedMarkovTextBug.ts";
import { SIMULATE_EXACT_POINTS } from "./statements/simulateExact.ts";
import type { Parameters } from "./types.ts";
import { MARKOV_EXACT_POINTS } from "./statements/multiContextExact.ts";

export interface PlantedBug {
  id: string;
  /** What is wrong, in one line. */
  description: string;
  impl: Implementation;
  /** The checks expected to catch it, each at one point. */
  caughtBy: Array<{ statement: string; point?: Parameters }>;
}

/** A RunRecord built from a list of dense models p^(0), p^(1), ... (for hand-written wrong chains). */
function recordFromModels(models: Float64Array[], sizes: number[]): RunRecord {
  const p0 = models[0];
  const p1 = models[Math.min(1, models.length - 1)];
  let T: number | null = null;
  let collapsedTo: number | null = null;
  for (let m = 1; m < models.length && T === null; m++) {
    if (supNorm(models[m]) === 1) {
      T = m;
      collapsedTo = models[m].indexOf(1);
    }
  }
  return {
    T,
    collapsedTo,
    generations: models.length - 1,
    trainingSize: sizes,
    sigma: models.map((q) => sigma(q)),
    supNorm: models.map((q) => supNorm(q)),
    l1ToP0: models.map((q) => l1Distance(q, p0)),
    l1ToP1: models.map((q) => l1Distance(q, p1)),
    l2ToP0: models.map((q) => l2Distance(q, p0)),
    l2ToP1: models.map((q) => l2Distance(q, p1)),
    l2SquaredToP0: models.map((q) => l2SquaredDistance(q, p0)),
    l2SquaredToP1: models.map((q) => l2SquaredDistance(q, p1)),
    entropy: models.map((q) => entropy(q)),
    supportSize: models.map((q) => supportSize(q)),
  } as RunRecord;
}

function frequencies(counts: Int32Array, total: number): Float64Array {
  return Float64Array.from(counts, (c) => c / total);
}

/** Fully Synthetic that trains every generation on n fresh samples of p^(0) instead of p^(m-1). */
function resampleFromOriginal(rng: Rng, config: SimulationConfig): RunRecord {
  const p0 = Float64Array.from(config.p0);
  const models: Float64Array[] = [p0];
  for (let m = 1; m <= config.generations; m++) models.push(frequencies(multinomial(rng, config.n, p0), config.n));
  return recordFromModels(models, [0, ...Array(config.generations).fill(config.n)]);
}

/** Partially Synthetic that keeps the real data for p^(1) only, then trains on synthetic data alone. */
function dropRealData(rng: Rng, config: SimulationConfig): RunRecord {
  if (!String(config.setting).startsWith("partially")) return simulateRun(rng, config);
  const p0 = Float64Array.from(config.p0);
  const N = config.N ?? 0;
  const models: Float64Array[] = [p0, frequencies(multinomial(rng, N, p0), N)];
  for (let m = 2; m <= config.generations; m++) models.push(frequencies(multinomial(rng, config.n, models[m - 1]), config.n));
  return recordFromModels(models, [0, N, ...Array(Math.max(0, config.generations - 1)).fill(config.n)]);
}

/** Records generation m + 1 under the label m (an off-by-one in the generation index). */
function shiftGenerations(rng: Rng, config: SimulationConfig): RunRecord {
  const rec = simulateRun(rng, { ...config, generations: config.generations + 1 });
  const shift = <T>(a: T[]): T[] => a.slice(1);
  return {
    ...rec,
    T: rec.T === null ? null : rec.T - 1,
    generations: config.generations,
    trainingSize: shift(rec.trainingSize),
    sigma: shift(rec.sigma),
    supNorm: shift(rec.supNorm),
    l1ToP0: shift(rec.l1ToP0),
    l1ToP1: shift(rec.l1ToP1),
    l2ToP0: shift(rec.l2ToP0),
    l2ToP1: shift(rec.l2ToP1),
    l2SquaredToP0: shift(rec.l2SquaredToP0),
    l2SquaredToP1: shift(rec.l2SquaredToP1),
    entropy: shift(rec.entropy),
    supportSize: shift(rec.supportSize),
  };
}

/** Records |supp p^(m-1)| as the support size of generation m (measured before the model is replaced). */
function lagSupportSize(rng: Rng, config: SimulationConfig): RunRecord {
  const rec = simulateRun(rng, config);
  return { ...rec, supportSize: rec.supportSize.map((_, m) => rec.supportSize[Math.max(0, m - 1)]) };
}

/**
 * Fully Synthetic whose synthetic data are sampled at temperature tau (from q ∝ (p^(m-1))^(1/tau))
 * instead of from p^(m-1) itself, as a language model sampled with temperature < 1 would; p^(1)
 * still trains on real samples of p^(0). Other settings run unchanged. Reports every p^(m) to
 * `observe`.
 */
function sampleAtTemperature(tau: number): Implementation["simulateRun"] {
  return (rng, config, observe) => {
    if (config.setting !== "fully-synthetic") return simulateRun(rng, config, observe);
    const p0 = Float64Array.from(config.p0);
    const models: Float64Array[] = [p0];
    for (let m = 1; m <= config.generations; m++) {
      const prev = models[m - 1];
      let q = prev;
      if (m > 1) {
        const w = prev.map((x) => (x > 0 ? Math.pow(x, 1 / tau) : 0));
        const total = w.reduce((a, b) => a + b, 0);
        q = w.map((x) => x / total);
      }
      const counts = multinomial(rng, config.n, q);
      observe?.(m, sparseFromDense(counts));
      models.push(frequencies(counts, config.n));
    }
    return recordFromModels(models, [0, ...Array(config.generations).fill(config.n)]);
  };
}

/**
 * Most Recent Models with its window off by one: generation m >= 2 trains on floor(n/K) samples of
 * each p^(t), t = max(1, m-K+1)..m-1 (one model fewer, and the real data only ever trains p^(1)).
 */
function mostRecentWindowShifted(rng: Rng, config: SimulationConfig): RunRecord {
  if (config.setting !== "most-recent") return simulateRun(rng, config);
  const e = Math.floor(config.n / (config.K ?? 1));
  const models: Float64Array[] = [Float64Array.from(config.p0)];
  const sizes = [0];
  models.push(frequencies(multinomial(rng, e, models[0]), e));
  sizes.push(e);
  for (let m = 2; m <= config.generations; m++) {
    const counts = new Int32Array(models[0].length);
    let total = 0;
    for (let t = Math.max(1, m - (config.K ?? 1) + 1); t <= m - 1; t++) {
      multinomial(rng, e, models[t]).forEach((c, i) => (counts[i] += c));
      total += e;
    }
    models.push(frequencies(counts, total));
    sizes.push(total);
  }
  return recordFromModels(models, sizes);
}

/** Accumulate that keeps every generation's synthetic data but drops the N real samples after p^(1). */
function accumulateWithoutRealData(rng: Rng, config: SimulationConfig): RunRecord {
  if (config.setting !== "accumulate") return simulateRun(rng, config);
  const N = config.N ?? config.n;
  const p0 = Float64Array.from(config.p0);
  const models: Float64Array[] = [p0, frequencies(multinomial(rng, N, p0), N)];
  const sizes = [0, N];
  const kept = new Int32Array(p0.length);
  for (let m = 2; m <= config.generations; m++) {
    multinomial(rng, config.n, models[m - 1]).forEach((c, i) => (kept[i] += c));
    models.push(frequencies(kept, (m - 1) * config.n));
    sizes.push((m - 1) * config.n);
  }
  return recordFromModels(models, sizes);
}

/**
 * Randomly Sampled Data drawing g_i from {1, ..., m-1} instead of {0, ..., m-1} for m >= 2 (off by
 * one: the real corpus trains p^(1) only); each sample then comes from the average of p^(1..m-1).
 */
function randomlySampledWithoutRealData(rng: Rng, config: SimulationConfig): RunRecord {
  if (config.setting !== "randomly-sampled") return simulateRun(rng, config);
  const { n } = config;
  const p0 = Float64Array.from(config.p0);
  const models: Float64Array[] = [p0, frequencies(multinomial(rng, n, p0), n)];
  for (let m = 2; m <= config.generations; m++) {
    const mix = new Float64Array(p0.length);
    for (let t = 1; t <= m - 1; t++) models[t].forEach((q, i) => (mix[i] += q / (m - 1)));
    models.push(frequencies(multinomial(rng, n, mix), n));
  }
  return recordFromModels(models, [0, ...Array(config.generations).fill(n)]);
}

/** Records the entropy of every p^(m) in bits (log base 2) instead of nats. */
function entropyInBits(rng: Rng, config: SimulationConfig, observe?: GenerationObserver): RunRecord {
  const rec = simulateRun(rng, config, observe);
  return { ...rec, entropy: rec.entropy.map((h) => h / Math.LN2) };
}

const DETECT_THM2 = { p: [0.8, 0.1, 0.1], N: 4, n: 4, m: [1, 2, 3], epsilon: 0.008 };
const TIGHT_T = { p: [0.5, 0.5], n: 2 };

/** The catalogue. Every entry must be refuted by each of its checks at the default budget. */
export function plantedBugs(): PlantedBug[] {
  return [
    {
      id: "n-minus-one",
      description: "each generation trains on n - 1 samples instead of n",
      impl: {
        ...reference,
        simulateRun: (rng, c) => simulateRun(rng, { ...c, n: c.n - 1 }),
        collapseTimeSampler: (p0, n, h) => collapseTimeSampler(p0, n - 1, h),
      },
      caughtBy: [{ statement: "thm1-sm" }, { statement: "thm1-collapse-time-lower", point: { p: [0.5, 0.5], n: 3 } }],
    },
    {
      id: "resample-original",
      description: "Fully Synthetic resamples from p^(0) every generation instead of from p^(m-1)",
      impl: { ...reference, simulateRun: resampleFromOriginal },
      caughtBy: [{ statement: "thm1-sm", point: { p: [0.5, 0.3, 0.2], n: 20, m: [1, 5, 20, 50] } }],
    },
    {
      id: "drop-real-data",
      description: "Partially Synthetic drops the real data after the first generation",
      impl: { ...reference, simulateRun: dropRealData },
      caughtBy: [{ statement: "thm2-sm-partial", point: DETECT_THM2 }],
    },
    {
      id: "fresh-real-data",
      description: "Partially Synthetic redraws N fresh real samples every generation instead of reusing the same ones",
      impl: { ...reference, simulateRun: (rng, c) => simulateRun(rng, c.setting === "partially-synthetic" ? { ...c, setting: "partially-synthetic-fresh" } : c) },
      caughtBy: [{ statement: "thm2-sm-partial", point: DETECT_THM2 }],
    },
    {
      id: "generation-off-by-one",
      description: "the measures of generation m + 1 are recorded as generation m",
      impl: { ...reference, simulateRun: shiftGenerations },
      caughtBy: [{ statement: "thm1-sm" }],
    },
    {
      id: "binomial-biased",
      description: "the binomial sampler draws with success probability 1.01 p",
      impl: { ...reference, binomial: (rng, n, p) => binomialUnchecked(rng, n, Math.min(1, 1.01 * p)) },
      caughtBy: [{ statement: "sampler-binomial-mean" }],
    },
    {
      id: "eq9-printed-sign",
      description: "Eq (9) with the sign printed in the paper (- instead of +)",
      impl: { ...reference, partiallySyntheticNextSm: eq9With("-") },
      caughtBy: [{ statement: "thm2-sm-partial", point: DETECT_THM2 }, { statement: "thm2-sm-partial-exact" }],
    },
    {
      id: "rho-with-vocabulary-size",
      description: "the upper bound on rho_m uses the vocabulary size s instead of the support size s~",
      impl: { ...reference, collapseProbabilityBounds: ({ n, S0, s, m }) => collapseProbabilityBounds({ n, S0, support: s, m }) },
      caughtBy: [{ statement: "thm1-bounds-sharp" }],
    },
    {
      id: "sm-exponent-off-by-one",
      description: "Eq (6) evaluated with (1 - 1/n)^(m+1)",
      impl: { ...reference, fullySyntheticSm: ({ n, S0, m }) => fullySyntheticSm({ n, S0, m: m + 1 }) },
      caughtBy: [{ statement: "thm1-sm-exact" }, { statement: "thm1-sm" }],
    },
    {
      id: "collapse-time-from-zero",
      description: "the collapse time counts generations from 0 (reports T - 1)",
      impl: {
        ...reference,
        collapseTimeSampler: (p0, n, h) => {
          const draw = collapseTimeSampler(p0, n, h);
          return (rng) => {
            const t = draw(rng);
            return t === null ? null : t - 1;
          };
        },
      },
      caughtBy: [{ statement: "thm1-collapse-time-lower", point: TIGHT_T }],
    },
    {
      id: "ps-drift-exponent",
      description: "D_m = E||p^(m) - p^(1)||_2^2 (spec 4.3) evaluated with b^m instead of b^(m-1)",
      impl: { ...reference, psDrift: (q) => psDrift({ ...q, m: q.m + 1 }) },
      caughtBy: [{ statement: "ps-drift-exact" }, { statement: "ps-drift", point: { p: [0.5, 0.3, 0.2], N: 10, n: 10, m: [2, 3, 4, 6], epsilon: 0.003 } }],
    },
    {
      id: "kimura-ohta-n",
      description: "the Kimura-Ohta approximation with n in place of 2n (diploid/haploid mix-up): -n sum_i (1 - p_i) ln(1 - p_i)",
      impl: { ...reference, kimuraOhtaCollapseTime: (q) => kimuraOhtaCollapseTime(q) / 2 },
      caughtBy: [{ statement: "kimura-ohta" }],
    },
    {
      id: "lemma1-exponent-halved",
      description: "Lemma 1's bound with exponent n phi(pi) eps^2/2 instead of /4",
      impl: {
        ...reference,
        l1TailBound: (q) => Math.min(1, Math.exp(l1TailBound(q).log - (q.n * phiUnchecked(q.pi) * q.eps * q.eps) / 4)),
      },
      caughtBy: [{ statement: "lemma1-l1-concentration" }, { statement: "lemma1-l1-concentration-weissman" }],
    },
    {
      id: "sampling-temperature",
      description: "Fully Synthetic samples its synthetic data at temperature 0.8 (sharpened model) instead of 1",
      impl: { ...reference, simulateRun: sampleAtTemperature(0.8) },
      caughtBy: [{ statement: "unbiasedness" }],
    },
    {
      id: "support-size-lagged",
      description: "the support size of generation m is measured on p^(m-1) (so the first token loss is seen one generation late)",
      impl: { ...reference, simulateRun: lagSupportSize },
      caughtBy: [{ statement: "first-loss-time" }],
    },
    {
      id: "most-recent-window-off-by-one",
      description: "Most Recent Models takes its window as t = max(1, m-K+1)..m-1: one model fewer, the real data never after p^(1)",
      impl: { ...reference, simulateRun: mostRecentWindowShifted },
      caughtBy: [{ statement: "simulate-exact", point: { ...SIMULATE_EXACT_POINTS[3], runs: 2000 } }],
    },
    {
      id: "accumulate-drops-real-data",
      description: "Accumulate keeps all synthetic data but drops the N real samples after the first generation",
      impl: { ...reference, simulateRun: accumulateWithoutRealData },
      caughtBy: [{ statement: "simulate-exact", point: { ...SIMULATE_EXACT_POINTS[7], runs: 2000 } }],
    },
    {
      id: "randomly-sampled-no-real-data",
      description: "Randomly Sampled Data draws the source generation g from {1, ..., m-1} instead of {0, ..., m-1} (the real corpus only trains p^(1))",
      impl: { ...reference, simulateRun: randomlySampledWithoutRealData },
      caughtBy: [{ statement: "simulate-exact", point: { ...SIMULATE_EXACT_POINTS[5], runs: 15000 } }],
    },
    {
      id: "entropy-in-bits",
      description: "the entropy of p^(m) is recorded in bits (log base 2) instead of nats",
      impl: { ...reference, simulateRun: entropyInBits },
      caughtBy: [{ statement: "simulate-exact", point: { ...SIMULATE_EXACT_POINTS[0], runs: 5000 } }],
    },
    {
      id: "markov-text-contexts-off-by-one",
      description: "Markov text: each generated token is counted under the context of the previous position (the pair read off by one)",
      impl: { ...reference, simulateMarkovText: markovTextContextsOffByOne },
      caughtBy: [{ statement: "contexts-markov-text-exact", point: { ...MARKOV_EXACT_POINTS[0], runs: 3000 } }],
    },
    ...samplerPlantedBugs(),
  ];
}
