import { describe, expect, it } from "vitest";
import { checkDistribution } from "../validate.ts";
import { geometricRateForS0, geometricSquaredNorm, targetS0 } from "./targetS0.ts";

function sumSquares(p: Float64Array): number {
  let t = 0;
  for (const v of p) t += v * v;
  return t;
}
function positives(p: Float64Array): number {
  return p.reduce((c, v) => c + (v > 0 ? 1 : 0), 0);
}

describe("targetS0", () => {
  it("hits the paper's point s = 600, support = 52, S0 = 0.1", () => {
    const p = targetS0(600, 52, 0.1);
    expect(p.length).toBe(600);
    expect(Math.abs(sumSquares(p) - 0.1)).toBeLessThanOrEqual(1e-12);
    expect(positives(p)).toBe(52);
    for (let i = 52; i < 600; i++) expect(p[i]).toBe(0);
    for (let i = 1; i < 52; i++) expect(p[i]).toBeLessThan(p[i - 1]);
    checkDistribution(p, "p");
  });

  it("hits S0 to 1e-12 with exactly `support` positive entries on a grid", () => {
    for (const [s, k] of [[2, 2], [3, 2], [10, 10], [65, 20], [600, 52], [600, 600], [5000, 1000]]) {
      for (const frac of [0, 1e-9, 1e-4, 0.01, 0.1, 0.3, 0.5, 0.9, 0.99, 0.999999]) {
        const S0 = 1 / k + frac * (1 - 1 / k);
        const p = targetS0(s, k, S0);
        expect(Math.abs(sumSquares(p) - S0), `s=${s} k=${k} S0=${S0}`).toBeLessThanOrEqual(1e-12);
        expect(positives(p), `s=${s} k=${k} S0=${S0}`).toBe(k);
        checkDistribution(p, "p");
      }
    }
  });

  it("is the uniform law at S0 = 1/support", () => {
    const p = targetS0(8, 4, 0.25);
    expect(Array.from(p)).toEqual([0.25, 0.25, 0.25, 0.25, 0, 0, 0, 0]);
  });

  it("closed form tanh(theta/2)/tanh(k theta/2) equals the direct sum", () => {
    for (const k of [2, 7, 52]) {
      for (const theta of [1e-6, 0.01, 0.2, 1, 5]) {
        let z = 0;
        let z2 = 0;
        for (let i = 0; i < k; i++) {
          z += Math.exp(-theta * i);
          z2 += Math.exp(-2 * theta * i);
        }
        expect(geometricSquaredNorm(theta, k)).toBeCloseTo(z2 / (z * z), 12);
      }
    }
    expect(geometricRateForS0(52, 0.1)).toBeCloseTo(0.2007, 3);
  });

  it("rejects bad input naming the parameter", () => {
    expect(() => targetS0(600, 52, 0.01)).toThrow(RangeError);
    expect(() => targetS0(600, 52, 0.01)).toThrow(/^S0/);
    expect(() => targetS0(600, 52, 1)).toThrow(/^S0/);
    expect(() => targetS0(600, 52, Number.NaN)).toThrow(TypeError);
    expect(() => targetS0(600, 52, Number.NaN)).toThrow(/^S0/);
    expect(() => targetS0(600, 601, 0.1)).toThrow(RangeError);
    expect(() => targetS0(600, 601, 0.1)).toThrow(/^support/);
    expect(() => targetS0(600, 1, 0.5)).toThrow(/^S0/);
    expect(() => targetS0(600, 2.5, 0.5)).toThrow(/^support/);
    expect(() => targetS0(0, 1, 0.5)).toThrow(/^s /);
    expect(() => targetS0(600, 52, 1 - 1e-15)).toThrow(/^S0/);
  });
});
