/**
 * Monte Carlo check of the Markov-text loop against Theorem 1's Eq (6) in its degenerate case.
 * Fixed seed; 6-standard-error tolerance per comparison (normal false-alarm rate 2e-9 each).
 */
import { describe, expect, it } from "vitest";
import { rngStreams } from "../rng/index.ts";
import { simulateMarkovText } from "./simulateMarkovText.ts";

describe("simulateMarkovText, Monte Carlo", () => {
  it("order 0 is the single-context fully synthetic chain with n = L: E[sigma_m] = 1 - (1 - 1/L)^m (1 - S_0)", () => {
    // 3000 runs, comparisons at m = 2 and 8.
    const L = 8;
    const p = [0.4, 0.3, 0.2, 0.1];
    const S0 = 0.3;
    const at = { 2: [] as number[], 8: [] as number[] };
    for (const rng of rngStreams(31, 3000)) {
      const rec = simulateMarkovText(rng, { p0: { s: 4, contextLength: 0, contexts: [0], tables: [Float64Array.from(p)] }, textLength: L, generations: 8 });
      at[2].push(rec.meanSigma[2]);
      at[8].push(rec.meanSigma[8]);
    }
    for (const m of [2, 8] as const) {
      const v = at[m];
      const mean = v.reduce((a, b) => a + b, 0) / v.length;
      const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1));
      expect(Math.abs(mean - (1 - (1 - 1 / L) ** m * (1 - S0)))).toBeLessThan((6 * sd) / Math.sqrt(v.length));
    }
  });

});
