import { describe, expect, it } from "vitest";
import { collapseLaw, expectedCollapseTime } from "../exact/index.ts";
import { initialDistribution } from "../init/index.ts";
import { createRng, rngStreams } from "../rng/index.ts";
import { chiSquareFit } from "../sample/goodnessOfFit.testkit.ts";
import { COLLAPSE_TIME_METHODS, collapseTime, collapseTimeSampler, collapseTimes, type CollapseTimeMethod } from "./collapseTime.ts";
import { simulateRun } from "./simulateRun.ts";

/**
 * Chi-square fit of `runs` collapse times against the exact law of T (collapseLaw): cells
 * T = 1..M and T > M (merged until each expects >= 5).
 */
function fitToExactLaw(p: number[], n: number, M: number, runs: number, method: CollapseTimeMethod, seed: number, nSampler = n): number {
  const law = collapseLaw(p, n, M);
  const probs: number[] = [];
  for (let m = 1; m <= M; m++) probs.push(law.rho[m] - law.rho[m - 1]);
  probs.push(law.survival[M]);
  const observed = new Float64Array(M + 1);
  const draw = collapseTimeSampler(p, nSampler, 1e6, method);
  const rng = createRng(seed);
  for (let r = 0; r < runs; r++) {
    const T = draw(rng) as number;
    observed[Math.min(T, M + 1) - 1]++;
  }
  return chiSquareFit(observed, probs).pValue;
}

describe("collapseTime (Fully Synthetic fast path), both methods", () => {
  // Each chi-square fit below has a false-alarm rate of 1e-6.
  const LAWS: [string, number[], number, number, number][] = [
    // [label, p0, n, M, runs]: three tokens, n >= 2k (conditional binomials with the table, then two tokens)
    ["p = (.5, .3, .2), n = 10", [0.5, 0.3, 0.2], 10, 60, 20_000],
    // four tokens, n >= 2k: two conditional binomials per generation until a token dies
    ["4 uniform tokens, n = 12", [0.25, 0.25, 0.25, 0.25], 12, 150, 80_000],
    // eight tokens, n < 2k at first (categorical generations, then binomial ones)
    ["8 uniform tokens, n = 10", Array.from({ length: 8 }, () => 1 / 8), 10, 80, 20_000],
    ["p = (.7, .3), n = 40 (two tokens from the start)", [0.7, 0.3], 40, 250, 20_000],
  ];
  for (const method of COLLAPSE_TIME_METHODS) {
    for (const [label, p, n, M, runs] of LAWS) {
      it(`${method}: T follows the exact law of the multinomial chain (${label})`, () => {
        expect(fitToExactLaw(p, n, M, runs, method, 11)).toBeGreaterThan(1e-6);
      });
    }

    it(`${method}: the fit has power (the law of n = 10 rejects T drawn with n = 11)`, () => {
      expect(fitToExactLaw([0.5, 0.3, 0.2], 10, 60, 20_000, method, 12, 11)).toBeLessThan(1e-6);
    });

    it(`${method}: P(T = 1) = sum_i p_i^n exactly (p^(1) is a Dirac iff all n samples agree)`, () => {
      // p = (0.5, 0.3, 0.2), n = 3: P(T = 1) = 0.125 + 0.027 + 0.008 = 0.16. 20000 runs: sd of the
      // count sqrt(20000 * 0.16 * 0.84) = 51.8; tolerance 6 sd (false alarm < 1e-8).
      const draw = collapseTimeSampler([0.5, 0.3, 0.2], 3, 1e5, method);
      const rng = createRng(99);
      let ones = 0;
      for (let r = 0; r < 20000; r++) if (draw(rng) === 1) ones++;
      expect(Math.abs(ones - 3200)).toBeLessThan(6 * 51.8);
    });

    it(`${method}: above the tabulated n (binomialAt), E[T] matches the exact chain`, () => {
      // p = (0.9, 0.1), n = 1100: E[T] exactly from the chain; 300 runs, 6 standard errors
      // (false alarm ~2e-9 for a normal mean).
      const p = [0.9, 0.1];
      const exact = expectedCollapseTime(p, 1100);
      const Ts = collapseTimes(21, p, 1100, 300, 1e7, method) as number[];
      const mean = Ts.reduce((a, b) => a + b, 0) / Ts.length;
      const sd = Math.sqrt(Ts.reduce((a, b) => a + (b - mean) ** 2, 0) / (Ts.length - 1));
      expect(Math.abs(mean - exact)).toBeLessThan((6 * sd) / Math.sqrt(Ts.length));
    });
  }

  it("both methods agree with the full engine on the Figure 2 distribution (mean T)", () => {
    // s = 600, support 52, S_0 = 0.1, n = 60: 400 runs each; the means of T must agree within
    // 6 standard errors of their difference (false alarm ~2e-9 per pair, normal approximation).
    const p0 = initialDistribution({ kind: "target", s: 600, support: 52, S0: 0.1 });
    const n = 60;
    const runs = 400;
    const config = { setting: "fully-synthetic", p0, n, generations: 1e5, stopAtCollapse: true } as const;
    const engine = rngStreams(5, runs).map((rng) => simulateRun(rng, config).T as number);
    const stats = (xs: number[]) => {
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      return { mean, variance: xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1) };
    };
    const ref = stats(engine);
    for (const method of COLLAPSE_TIME_METHODS) {
      const got = stats(collapseTimes(6, p0, n, runs, 1e5, method) as number[]);
      const se = Math.sqrt((ref.variance + got.variance) / runs);
      expect(Math.abs(got.mean - ref.mean), method).toBeLessThan(6 * se);
    }
  });

  it("collapseTimes gives run r the T of stream r", () => {
    for (const method of COLLAPSE_TIME_METHODS) {
      const Ts = collapseTimes(3, [0.3, 0.7], 6, 5, 1e4, method);
      const draw = collapseTimeSampler([0.3, 0.7], 6, 1e4, method);
      expect(Ts).toEqual(rngStreams(3, 5).map((r) => draw(r)));
      expect(collapseTimes(3, [0.3, 0.7], 6, 2, 1e4, method)).toEqual(Ts.slice(0, 2));
    }
  });

  it("returns null beyond maxGenerations, and 1 for a Dirac p0 or n = 1", () => {
    for (const method of COLLAPSE_TIME_METHODS) {
      expect(collapseTime(createRng(1), [0.5, 0.5], 1000, 3, method)).toBeNull();
      expect(collapseTime(createRng(1), [0, 0, 1], 5, 1, method)).toBe(1);
      expect(collapseTime(createRng(1), [0.5, 0.5], 1, 1, method)).toBe(1);
    }
  });

  it("validates its parameters by name", () => {
    expect(() => collapseTime(createRng(1), [0.5, 0.6], 10, 10)).toThrow(/^p0/);
    expect(() => collapseTime(createRng(1), [0.5, 0.5], 0, 10)).toThrow(/^n/);
    expect(() => collapseTime(createRng(1), [0.5, 0.5], 10, 0)).toThrow(/^maxGenerations/);
    expect(() => collapseTime(createRng(1), [0.5, 0.5], 10, 10, "exact" as CollapseTimeMethod)).toThrow(/^method/);
  });
});
