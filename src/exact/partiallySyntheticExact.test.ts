import { describe, expect, it } from "vitest";
import { partiallySyntheticExact } from "./partiallySyntheticExact.ts";

describe("partiallySyntheticExact", () => {
  it("given non-Dirac real counts: no collapse, no loss, S from the trajectory", () => {
    const r = partiallySyntheticExact([0.5, 0.5], 1, undefined, { real: [1, 1], M: 2 });
    expect(r).toMatchObject({ setting: "partially-synthetic", N: 2, alpha: 1 / 3, real: [1, 1], support: 2 });
    expect(r.expectedCollapseTime).toBe(Infinity);
    expect(r.expectedFirstLossTime).toBe(Infinity);
    expect(r.absorptionProbabilities).toEqual([0, 0]);
    expect(r.rho).toEqual([0, 0, 0]);
    expect(r.S[2]).toBeCloseTo(5 / 9, 15);
  });

  it("given Dirac real counts: collapse and loss at m = 1", () => {
    const r = partiallySyntheticExact([0.5, 0.5], 3, 4, { real: [0, 4], M: 2 });
    expect(r.expectedCollapseTime).toBe(1);
    expect(r.expectedFirstLossTime).toBe(1);
    expect(r.absorptionProbabilities).toEqual([0, 1]);
    expect(r.rho).toEqual([0, 1, 1]);
  });

  it("averaged: P(p^(1) = delta_i) = p_i^N; N = 1 collapses surely", () => {
    const r = partiallySyntheticExact([0.5, 0.3, 0.2], 4, 3, { M: 2 });
    expect(r.absorptionProbabilities).toEqual([0.125, expect.closeTo(0.027, 15), expect.closeTo(0.008, 15)]);
    expect(r.rho[1]).toBeCloseTo(0.16, 15);
    expect(r.expectedCollapseTime).toBe(Infinity);
    expect(partiallySyntheticExact([0.1, 0.2, 0.7], 4, 1, { M: 1 }).expectedCollapseTime).toBe(1);
    expect(partiallySyntheticExact([0.5, 0.3, 0.2], 4, 2, { M: 1 }).expectedFirstLossTime).toBe(1);
  });

  it("checks that N agrees with the real counts and that one of them is given", () => {
    expect(() => partiallySyntheticExact([0.5, 0.5], 3, 5, { real: [1, 1] })).toThrow(/^N must equal the sum of real/);
    expect(() => partiallySyntheticExact([0.5, 0.5], 3, undefined)).toThrow(/^N must be given/);
  });
});
