/**
 * The implementation a check exercises: the simulator and the closed forms it compares. Checks
 * receive it as an argument, so the planted-bug catalogue can inject a wrong simulator or a wrong
 * closed form into exactly the same checks and show that they catch it.
 */
import { collapseTimeSampler, simulateRun, type RunRecord, type SimulationConfig } from "../loops/index.ts";
import type { Rng } from "../rng/index.ts";
import { binomialUnchecked, categorical } from "../sample/index.ts";
import {
  collapseProbabilityBounds,
  collapseTimeBounds,
  eq9NextSm,
  fullySyntheticSm,
  type Eq9Sign,
} from "../theory/index.ts";

export interface Implementation {
  /** One run of recursive training (Eq 5). */
  simulateRun(rng: Rng, config: SimulationConfig): RunRecord;
  /** A sampler of T for Fully Synthetic runs (first m >= 1 with ||p^(m)||_inf = 1), null past the horizon. */
  collapseTimeSampler(p0: ArrayLike<number>, n: number, horizon: number): (rng: Rng) => number | null;
  /** Bin(n, p). */
  binomial(rng: Rng, n: number, p: number): number;
  /** One draw from a probability vector. */
  categorical(rng: Rng, p: ArrayLike<number>): number;
  /** Eq (6). */
  fullySyntheticSm(params: { n: number; S0: number; m: number }): number;
  /** Eq (9): S_{m+1} for m >= 0. */
  partiallySyntheticNextSm(params: { N: number; n: number; S0: number; m: number }): number;
  /** Eq (7); s is the vocabulary size (which the bounds must not use in place of the support s~). */
  collapseProbabilityBounds(params: { n: number; S0: number; support: number; s: number; m: number }): { lower: number; upper: number };
  /** Eq (8). */
  collapseTimeBounds(params: { n: number; S0: number; support: number; s: number }): { lower: number; upper: number };
}

/** The sign of Eq (9) this implementation uses. */
export function eq9With(sign: Eq9Sign): Implementation["partiallySyntheticNextSm"] {
  return (q) => eq9NextSm({ ...q, sign });
}

/** The project's own implementation: the one `verify` certifies. */
export const reference: Implementation = {
  simulateRun,
  collapseTimeSampler,
  binomial: binomialUnchecked,
  categorical,
  fullySyntheticSm,
  partiallySyntheticNextSm: eq9With("+"),
  collapseProbabilityBounds: ({ n, S0, support, m }) => collapseProbabilityBounds({ n, S0, support, m }),
  collapseTimeBounds: ({ n, S0, support }) => collapseTimeBounds({ n, S0, support }),
};
