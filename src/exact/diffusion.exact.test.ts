/**
 * Sect. 4.4: the Kimura-Ohta diffusion value E[T] ~ -2n sum_i (1 - p_i) ln(1 - p_i) against the
 * exact E[T], and the spec's Monte Carlo means (4000 runs each) against the exact law of T.
 */
import { describe, expect, it } from "vitest";
import { collapseLaw } from "./collapseLaw.ts";
import { expectedCollapseTime } from "./expectedCollapseTime.ts";

const diffusion = (p: number[], n: number): number =>
  -2 * n * p.reduce((acc, v) => acc + (v > 0 && v < 1 ? (1 - v) * Math.log(1 - v) : 0), 0);

/** E[T] and sd(T) from the law: E[T] = sum P(T > m), E[T^2] = sum (2m + 1) P(T > m). */
function moments(p: number[], n: number): { mean: number; sd: number } {
  const { survival } = collapseLaw(p, n, 45 * n);
  let mean = 0;
  let second = 0;
  survival.forEach((q, m) => {
    mean += q;
    second += (2 * m + 1) * q;
  });
  return { mean, sd: Math.sqrt(second - mean * mean) };
}

describe("diffusion approximation and the spec's Monte Carlo numbers (Sect. 4.4)", () => {
  it("the diffusion value is within 10% above the exact E[T] for moderate n", () => {
    for (const [p, n] of [
      [[0.5, 0.3, 0.2], 20],
      [[0.9, 0.05, 0.05], 50],
      [[0.25, 0.25, 0.25, 0.25], 20],
      [[0.5, 0.5], 200],
      [[0.05, 0.95], 100],
    ] as [number[], number][]) {
      const exact = expectedCollapseTime(p, n);
      const ratio = diffusion(p, n) / exact;
      expect(ratio).toBeGreaterThan(1);
      expect(ratio).toBeLessThan(1.1);
    }
  });

  it("the spec's Monte Carlo means lie within 4 standard errors of the exact E[T] (sd from the exact law)", () => {
    // p = (.5, .3, .2), n = 20: MC 29.05; p = (.9, .05, .05), n = 50: MC 31.4 (4000 runs each)
    for (const [p, n, mc] of [
      [[0.5, 0.3, 0.2], 20, 29.05],
      [[0.9, 0.05, 0.05], 50, 31.4],
    ] as [number[], number, number][]) {
      const { mean, sd } = moments(p, n);
      expect(Math.abs(mc - mean)).toBeLessThan((4 * sd) / Math.sqrt(4000));
    }
  });

  it("uniform s = 10, n = 30 (MC 54.5) is out of reach: 2.1e8 compositions, refused with a RangeError naming n", () => {
    expect(() => expectedCollapseTime(new Array(10).fill(0.1), 30)).toThrow(/^n: .*211915132/);
  });
});
