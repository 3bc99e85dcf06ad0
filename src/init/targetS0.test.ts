import { describe, expect, it } from "vitest";
import { checkDistribution } from "../validate.ts";
import { targetS0, zipfExponentForS0 } from "./targetS0.ts";
import { accurateSum } from "./withSupport.ts";
import { zipf } from "./zipf.ts";

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
    for (const [s, k] of [[2, 2], [3, 2], [10, 10], [65, 20], [600, 52], [600, 600], [5000, 1000], [20000, 20000]]) {
      for (const frac of [0, 1e-9, 1e-4, 0.01, 0.1, 0.3, 0.5, 0.9, 0.99, 0.999999, 1 - 1e-12]) {
        const S0 = 1 / k + frac * (1 - 1 / k);
        const p = targetS0(s, k, S0);
        expect(Math.abs(sumSquares(p) - S0), `s=${s} k=${k} S0=${S0}`).toBeLessThanOrEqual(1e-12);
        expect(positives(p), `s=${s} k=${k} S0=${S0}`).toBe(k);
        expect(Math.abs(accurateSum(p) - 1)).toBeLessThanOrEqual(1e-14);
      }
    }
  });

  it("is the uniform law at S0 = 1/support", () => {
    const p = targetS0(8, 4, 0.25);
    expect(Array.from(p)).toEqual([0.25, 0.25, 0.25, 0.25, 0, 0, 0, 0]);
  });

  it("is the Zipf law whose exponent is solved, increasing in S0", () => {
    const a = zipfExponentForS0(52, 0.1);
    expect(a).toBeCloseTo(1.1008, 4);
    const p = targetS0(600, 52, 0.1);
    const q = zipf(600, a, 52);
    for (let i = 0; i < 600; i++) expect(p[i]).toBe(q[i]);
    let prev = 0;
    for (const S0 of [0.05, 0.1, 0.2, 0.5, 0.9]) {
      const e = zipfExponentForS0(52, S0);
      expect(e).toBeGreaterThan(prev);
      prev = e;
    }
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
    expect(() => targetS0(600, 52, 1 - 1e-17)).toThrow(/^S0/);
  });
});
