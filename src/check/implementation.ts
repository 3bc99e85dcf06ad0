/**
 * The implementation a check exercises: the simulator and the closed forms it compares. Checks
 * receive it as an argument, so the planted-bug catalogue can inject a wrong simulator or a wrong
 * closed form into exactly the same checks and show that they catch it.
 */
import {
  collapseTimeSampler,
  simulateContexts,
  simulateMarkovText,
  simulateRun,
  type ContextsConfig,
  type GenerationObserver,
  type MarkovTextConfig,
  type MultiContextRecord,
  type RunRecord,
  type SimulationConfig,
} from "../loops/index.ts";
import type { CollapseTimeMethod } from "../loops/collapseTime.ts";
import type { CountAccumulator } from "../loops/countAccumulator.ts";
import { countBinomialSampler } from "../loops/countBinomialSampler.ts";
import { countRatioBinomial } from "../loops/countRatioBinomial.ts";
import type { RealCorpus } from "../loops/realCorpus.ts";
import type { Rng } from "../rng/index.ts";
import { binomialUnchecked, categorical, multinomialOnSupport } from "../sample/index.ts";
import {
  collapseProbabilityBounds,
  collapseTimeBounds,
  eq9NextSm,
  fullySyntheticSm,
  kimuraOhtaCollapseTime,
  l1TailBound,
  psDrift,
  type Eq9Sign,
  type TailForm,
} from "../theory/index.ts";

export interface Implementation {
  /** One run of recursive training (Eq 5); `observe`, if given, sees every p^(m), m >= 1, as sparse counts. */
  simulateRun(rng: Rng, config: SimulationConfig, observe?: GenerationObserver): RunRecord;
  /** c independent single-context chains with fixed n_j (one-hot contexts decouple, Sect. 2.1). */
  simulateContexts(rng: Rng, config: ContextsConfig): MultiContextRecord;
  /** Contexts whose counts n_j come from autoregressive generation by the current model. */
  simulateMarkovText(rng: Rng, config: MarkovTextConfig): MultiContextRecord;
  /** A sampler of T for Fully Synthetic runs (first m >= 1 with ||p^(m)||_inf = 1), null past the horizon; method as collapseTimeSampler's (default "chain"). */
  collapseTimeSampler(p0: ArrayLike<number>, n: number, horizon: number, method?: CollapseTimeMethod): (rng: Rng) => number | null;
  /** Bin(n, p). */
  binomial(rng: Rng, n: number, p: number): number;
  /** One draw from a probability vector. */
  categorical(rng: Rng, p: ArrayLike<number>): number;
  /** Multinomial(n, w / sum w) counts over support[0..k) into out, the method by chooseMultinomialMethod(n, k) (src/sample/multinomial.ts). */
  multinomialOnSupport(rng: Rng, n: number, weights: ArrayLike<number>, support: Int32Array, k: number, out: Int32Array): void;
  /** The collapse-time chain's tabulated Binomial(trials, c / n) for integers 0 < c < n (src/loops/countBinomialSampler.ts). */
  countBinomialSampler(trials: number, n: number): { draw(rng: Rng, c: number): number };
  /** The collapse-time chain's Binomial(trials, c / w) for integers 0 <= c <= w (src/loops/countRatioBinomial.ts). */
  countRatioBinomial(rng: Rng, trials: number, c: number, w: number): number;
  /** RealCorpus.addTo: adds `count` samples of the corpus to acc (a uniformly random subset without replacement when count < size). */
  realCorpusAddTo(corpus: RealCorpus, acc: CountAccumulator, count: number, rng: Rng): void;
  /** Eq (6). */
  fullySyntheticSm(params: { n: number; S0: number; m: number }): number;
  /** Eq (9): S_{m+1} for m >= 0. */
  partiallySyntheticNextSm(params: { N: number; n: number; S0: number; m: number }): number;
  /** Eq (7); s is the vocabulary size (which the bounds must not use in place of the support s~). */
  collapseProbabilityBounds(params: { n: number; S0: number; support: number; s: number; m: number }): { lower: number; upper: number };
  /** Eq (8). */
  collapseTimeBounds(params: { n: number; S0: number; support: number; s: number }): { lower: number; upper: number };
  /** Spec 4.3: D_m = E||p^(m) - p^(1)||_2^2 in Partially Synthetic, m >= 1. */
  psDrift(params: { N: number; n: number; S0: number; m: number }): number;
  /** Spec 4.4: the Kimura-Ohta diffusion approximation of E[T]. */
  kimuraOhtaCollapseTime(params: { n: number; p: readonly number[] }): number;
  /** Lemma 1: the bound on P(||p_hat - p||_1 >= eps), in [0, 1] (form "lemma1": G_n(s); "weissman": 2^s - 2). */
  l1TailBound(params: { n: number; s: number; pi: number; eps: number; form: TailForm }): number;
}

/** The sign of Eq (9) this implementation uses. */
export function eq9With(sign: Eq9Sign): Implementation["partiallySyntheticNextSm"] {
  return (q) => eq9NextSm({ ...q, sign });
}

/** The project's own implementation: the one `verify` certifies. */
export const reference: Implementation = {
  simulateRun,
  simulateContexts,
  simulateMarkovText,
  collapseTimeSampler,
  binomial: binomialUnchecked,
  categorical,
  multinomialOnSupport,
  countBinomialSampler,
  countRatioBinomial,
  realCorpusAddTo: (corpus, acc, count, rng) => corpus.addTo(acc, count, rng),
  fullySyntheticSm,
  partiallySyntheticNextSm: eq9With("+"),
  collapseProbabilityBounds: ({ n, S0, support, m }) => collapseProbabilityBounds({ n, S0, support, m }),
  collapseTimeBounds: ({ n, S0, support }) => collapseTimeBounds({ n, S0, support }),
  psDrift,
  kimuraOhtaCollapseTime,
  l1TailBound: (q) => l1TailBound(q).value,
};
