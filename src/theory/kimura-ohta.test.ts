import { describe, expect, it } from "vitest";
import { id, kimuraOhtaCollapseTime, kimuraOhtaTwoToken, kimuraOhtaUniform } from "./kimura-ohta.ts";
import { D, dec, fsChainFloat, Mismatches } from "./oracle-kit.ts";
import { collapseTimeBounds } from "./thm1-collapse-time-bounds.ts";

/** ln(1 - x) at 60 digits; a series for x < 1e-20 (1 - x would round to 1 at 60 digits). */
function log1mDec(x: number): InstanceType<typeof D> {
  const d = dec(x);
  if (x < 1e-20) return d.neg().minus(d.times(d).div(2));
  return new D(1).minus(d).ln();
}

/** -(1 - x) ln(1 - x) at 60 digits (x exact). */
function hOneMinus(x: number): InstanceType<typeof D> {
  const q = new D(1).minus(dec(x));
  return x === 1 ? new D(0) : q.times(log1mDec(x)).neg();
}

/** -x ln x at 60 digits. */
function hx(x: number): InstanceType<typeof D> {
  const d = dec(x);
  return d.isZero() ? new D(0) : d.times(d.ln()).neg();
}

describe(id, () => {
  it("gives the spec's numbers: 30.99, 56.9, 32.8", () => {
    expect(kimuraOhtaCollapseTime({ n: 20, p: [0.5, 0.3, 0.2] })).toBeCloseTo(30.99, 2);
    expect(kimuraOhtaUniform({ n: 30, s: 10 })).toBeCloseTo(56.9, 1);
    expect(kimuraOhtaCollapseTime({ n: 50, p: [0.9, 0.05, 0.05] })).toBeCloseTo(32.8, 1);
  });

  it("matches a 60-digit oracle with tiny and near-1 probabilities", () => {
    const mm = new Mismatches();
    for (const p of [
      [0.5, 0.3, 0.2],
      [1 - 2e-15, 1e-15, 1e-15],
      [1e-300, 1 - 1e-300],
      [0.999999, 0.000001],
      [1, 0],
    ]) {
      for (const n of [1, 20, 1e9]) {
        const o = p.reduce((a, x) => a.plus(hOneMinus(x)), new D(0)).times(2 * n).toNumber();
        mm.ulps(`p=${p} n=${n}`, kimuraOhtaCollapseTime({ n, p }), o, 8);
      }
    }
    for (const pk of [1e-300, 1e-17, 0.1, 0.5, 0.9, 1 - 1e-12]) {
      const t = kimuraOhtaTwoToken({ n: 10, pk });
      const a = hx(pk);
      const b = hOneMinus(pk);
      mm.ulps(`absorption pk=${pk}`, t.absorption, a.plus(b).times(20).toNumber(), 8);
      mm.ulps(`loss pk=${pk}`, t.lossGivenLoss, a.times(20).div(new D(1).minus(dec(pk))).toNumber(), 8);
      mm.ulps(`fix pk=${pk}`, t.fixationGivenFixation, b.times(20).div(dec(pk)).toNumber(), 8);
    }
    for (const s of [2, 3, 10, 1e6]) mm.ulps(`uniform s=${s}`, kimuraOhtaUniform({ n: 7, s }), new D(s).div(s - 1).ln().times(14 * (s - 1)).toNumber(), 8);
    expect(mm.failures).toEqual([]);
  });

  it("is consistent: uniform = general formula, two-token mean = weighted conditional times, limits 2n, increasing to 2n in s", () => {
    expect(kimuraOhtaUniform({ n: 30, s: 10 })).toBeCloseTo(kimuraOhtaCollapseTime({ n: 30, p: Array(10).fill(0.1) }), 12);
    for (const pk of [0.01, 0.3, 0.5, 0.8]) {
      const t = kimuraOhtaTwoToken({ n: 12, pk });
      expect(t.absorption).toBeCloseTo(pk * t.fixationGivenFixation + (1 - pk) * t.lossGivenLoss, 12);
      expect(t.absorption).toBeCloseTo(kimuraOhtaCollapseTime({ n: 12, p: [pk, 1 - pk] }), 12);
    }
    expect(kimuraOhtaTwoToken({ n: 12, pk: 0 }).fixationGivenFixation).toBe(24);
    expect(kimuraOhtaTwoToken({ n: 12, pk: 1 }).lossGivenLoss).toBe(24);
    expect(kimuraOhtaTwoToken({ n: 12, pk: 1e-12 }).fixationGivenFixation).toBeCloseTo(24, 9);
    let prev = 0;
    for (const s of [2, 3, 5, 10, 100, 1e4]) {
      const v = kimuraOhtaUniform({ n: 10, s });
      expect(v).toBeGreaterThan(prev);
      expect(v).toBeLessThan(20);
      prev = v;
    }
  });

  it("solves the diffusion equation (1/(2n)) x(1-x) T'' = -1 with T(0) = T(1) = 0", () => {
    const n = 15;
    const T = (x: number): number => kimuraOhtaTwoToken({ n, pk: x }).absorption;
    expect(T(0)).toBe(0);
    expect(T(1)).toBe(0);
    const h = 1e-4;
    for (const x of [0.1, 0.3, 0.5, 0.77]) {
      const second = (T(x + h) - 2 * T(x) + T(x - h)) / (h * h);
      expect(((x * (1 - x)) / (2 * n)) * second).toBeCloseTo(-1, 5);
    }
  });

  it("is about 5% above the exact mean collapse time of the chain and inside Eq (8)", () => {
    const { tail } = fsChainFloat([0.5, 0.3, 0.2], 20, 700);
    const exact = tail.reduce((a, x) => a + x, 0);
    const ko = kimuraOhtaCollapseTime({ n: 20, p: [0.5, 0.3, 0.2] });
    expect(ko / exact).toBeGreaterThan(1.0);
    expect(ko / exact).toBeLessThan(1.1);
    const b = collapseTimeBounds({ n: 20, S0: 0.38, support: 3 });
    expect(ko).toBeGreaterThan(b.lower);
    expect(ko).toBeLessThan(b.upperTight);
  });

  it("rejects bad parameters naming them", () => {
    expect(() => kimuraOhtaCollapseTime({ n: 0, p: [1] })).toThrow(/^n/);
    expect(() => kimuraOhtaCollapseTime({ n: 2, p: [0.2] })).toThrow(/^p/);
    expect(() => kimuraOhtaTwoToken({ n: 2, pk: -0.1 })).toThrow(/^pk/);
    expect(() => kimuraOhtaUniform({ n: 2, s: 0 })).toThrow(/^s/);
  });
});
