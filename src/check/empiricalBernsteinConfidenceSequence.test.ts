import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { createRng } from "../rng/index.ts";
import { empiricalBernsteinConfidenceSequence, psiE } from "./empiricalBernsteinConfidenceSequence.ts";

describe("empiricalBernsteinConfidenceSequence (PrPl-EB, Waudby-Smith & Ramdas 2024, Theorem 2)", () => {
  it("psi_E(lambda) = (-ln(1 - lambda) - lambda)/4 without cancellation (40-digit decimal.js)", () => {
    const D = Decimal.clone({ precision: 40 });
    for (const l of [1e-8, 1e-4, 0.1, 0.5]) {
      const exact = new D(1).minus(l).ln().neg().minus(l).div(4).toNumber();
      expect(Math.abs(psiE(l) - exact) / exact).toBeLessThan(1e-7);
    }
  });

  it("equals a 40-digit decimal.js recomputation of its closed form", () => {
    const rng = createRng(21);
    const xs = Array.from({ length: 3000 }, () => rng.uniform() ** 3);
    const alpha = 1e-4;
    const cs = empiricalBernsteinConfidenceSequence(alpha);
    for (const x of xs) cs.push(x);
    const D = Decimal.clone({ precision: 40 });
    const logTerm = new D(2).div(alpha).ln();
    let sum = new D(0);
    let sumSq = new D(0);
    let muHat = new D(0.5);
    let variance = new D(0.25);
    let sL = new D(0);
    let sLX = new D(0);
    let pen = new D(0);
    xs.forEach((x, i) => {
      const t = i + 1;
      const lambda = D.min(logTerm.times(2).div(variance.times(t).times(new D(1 + t).ln())).sqrt(), 0.5);
      const xd = new D(x);
      sL = sL.plus(lambda);
      sLX = sLX.plus(lambda.times(xd));
      pen = pen.plus(xd.minus(muHat).pow(2).times(new D(1).minus(lambda).ln().neg().minus(lambda)));
      sum = sum.plus(xd);
      muHat = sum.plus(0.5).div(t + 1);
      sumSq = sumSq.plus(xd.minus(muHat).pow(2));
      variance = sumSq.plus(0.25).div(t + 1);
    });
    const margin = logTerm.plus(pen).div(sL);
    const iv = cs.interval();
    expect(iv.lo).toBeCloseTo(Math.max(0, sLX.div(sL).minus(margin).toNumber()), 12);
    expect(iv.hi).toBeCloseTo(Math.min(1, sLX.div(sL).plus(margin).toNumber()), 12);
  });

  it("is never wider than [0, 1] and starts as [0, 1]", () => {
    const cs = empiricalBernsteinConfidenceSequence(1e-9);
    expect(cs.interval()).toMatchObject({ lo: 0, hi: 1 });
    for (let i = 0; i < 10; i++) cs.push(1);
    expect(cs.interval().lo).toBeGreaterThanOrEqual(0);
    expect(cs.interval().hi).toBe(1);
  });
});
