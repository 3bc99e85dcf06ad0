/**
 * collapse-harness: the public API, grouped by layer. Functions and plain data only.
 * @example
 * import { createRng, simulateRun, targetS0 } from "collapse-harness";
 * const run = simulateRun(createRng(1), { setting: "fully-synthetic", p0: targetS0(600, 52, 0.1), n: 10, generations: 100, stopAtCollapse: true });
 * run.T; // => the collapse time of this run
 */

// Randomness: seeded xoroshiro128+, independent streams.
export * from "./rng/index.ts";
// Exact samplers.
export * from "./sample/index.ts";
export { gamma, gammaSampler } from "./sample/gamma.ts";
// The statistical language model (Eq 1-4).
export * from "./model/index.ts";
// Initial distributions p^(0).
export * from "./init/index.ts";
// Recursive training (Eq 5) and the measures of each generation.
export * from "./loops/index.ts";
export * from "./loops/parallel/index.ts";
export * from "./measure/index.ts";
// The paper's statements as closed forms, and the exact Markov chains.
export * from "./theory/index.ts";
export * from "./exact/index.ts";
// Verdicts: intervals, checks, the registry, the planted bugs, verify.
export * from "./check/index.ts";
// Parameter validation shared by every public function.
export * from "./validate.ts";
// Names two layers share: the closed form keeps the plain name.
export { absorptionProbabilities } from "./theory/index.ts";
export { absorptionProbabilities as exactAbsorptionProbabilities } from "./exact/index.ts";
export { logSumExp } from "./model/index.ts";
export { logSumExp as logSumExpOfTerms } from "./theory/index.ts";
