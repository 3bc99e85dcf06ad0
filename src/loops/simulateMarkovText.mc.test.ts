/**
 * Monte Carlo checks of the Markov-text loop: against Theorem 1's Eq (6) in its degenerate case
 * (6-standard-error tolerance per comparison, normal false-alarm rate 2e-9 each), and its counts
 * against the exact law (empirical Bernstein at 1e-9 per comparison). Fixed seeds.
 */
import { describe, expect, it } from "vitest";
import { meanInterval } from "../check/montecarlo.ts";
import { exactMarkovTextLaw } from "../exact/multiContextExact.ts";
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

  it("n_1^(m) depends on context 0's current conditional, with the exact law's mean (the restart design's counts do not)", () => {
    // s = 2, both tokens are contexts, text from context 0: context 1 is reached only through p_0's token 1.
    // 4000 runs per row of p_0; 6 comparisons (2 rows x m = 1..3), empirical Bernstein at 1e-9 each.
    const L = 4;
    const row1 = [0.5, 0.5];
    const means = [[0.9, 0.1], [0.1, 0.9]].map((row0, k) => {
      const law = exactMarkovTextLaw({ s: 2, contexts: [0, 1], p0: [row0, row1], start: [1, 0], textLength: L, generations: 3 });
      const counts = [1, 2, 3].map(() => new Float64Array(4000));
      rngStreams(40 + k, 4000).forEach((rng, r) => {
        const p0 = { s: 2, contextLength: 1, contexts: [0, 1], tables: [Float64Array.from(row0), Float64Array.from(row1)] };
        const rec = simulateMarkovText(rng, { p0, start: [1, 0], textLength: L, generations: 3, recordContexts: true });
        for (let m = 1; m <= 3; m++) counts[m - 1][r] = rec.contextCount![1][m];
      });
      for (let m = 1; m <= 3; m++) {
        const iv = meanInterval(counts[m - 1], L, 1e-9);
        expect(law.count[1][m]).toBeGreaterThanOrEqual(iv.lo);
        expect(law.count[1][m]).toBeLessThanOrEqual(iv.hi);
      }
      return law.count[1][1];
    });
    // The exact conditional means differ by 1.7 (0.40 vs 2.12): counts independent of p_0 would fail one row above.
    expect(means[1] - means[0]).toBeGreaterThan(1.5);
    // In the old restart design (contexts emit only unlisted tokens) the same change of p_0 moves nothing.
    const restart = (row0: number[]) =>
      exactMarkovTextLaw({ s: 4, contexts: [0, 1], p0: [row0, [0, 0, 0.5, 0.5]], start: [0.5, 0.5], textLength: L, generations: 1 }).count[1][1];
    expect(restart([0, 0, 0.9, 0.1])).toBeCloseTo(restart([0, 0, 0.1, 0.9]), 14);
  });

});
