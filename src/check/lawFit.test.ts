// Deterministic: the counts are written down, not drawn (except the last test: seed 1, delta 1e-8).
import { describe, expect, it } from "vitest";
import { binomialPmf } from "../exact/binomialPmf.ts";
import { createRng } from "../rng/index.ts";
import { binomialUnchecked } from "../sample/index.ts";
import { decideVerdict } from "./decide.ts";
import { cdfTest, cellTests, fitMeasurement, l1Test, momentTest, scalarLawTests, varianceTest, vectorLawTests, type FitTest } from "./lawFit.ts";

const DELTA = 1e-6;

/** Counts of R draws that match pmf exactly (rounded). */
function exactCounts(pmf: number[], R: number): number[] {
  const c = pmf.map((p) => Math.round(p * R));
  c[c.length - 1] += R - c.reduce((a, b) => a + b, 0);
  return c;
}

function binomialLaw(n: number, p: number): number[] {
  return Array.from({ length: n + 1 }, (_, x) => binomialPmf(x, n, p, 1 - p));
}

/** The verdict of a test's interval agrees with its score (score > 1 exactly when refuted). */
function consistent(t: FitTest): void {
  const verdict = decideVerdict("equals", t.predicted, t.interval);
  expect(verdict, t.label).toBe(t.score <= 1 ? "holds" : "refuted");
}

describe("cdfTest (DKW)", () => {
  it("accepts counts equal to the law and rejects a cdf off by more than the band", () => {
    const fit = cdfTest("X", [0.5, 0.5], [5000, 5000], DELTA);
    expect(fit.estimate).toBe(0);
    expect(fit.score).toBe(0);
    consistent(fit);
    // band sqrt(ln(2e6) / 20000) = 0.0269; 0.6 vs 0.5 is 0.1 off
    const off = cdfTest("X", [0.5, 0.5], [6000, 4000], DELTA);
    expect(off.estimate).toBeCloseTo(0.1, 12);
    expect(off.epsilon).toBeCloseTo(2 * Math.sqrt(Math.log(2 / DELTA) / 20000), 12);
    expect(off.score).toBeGreaterThan(1);
    consistent(off);
    // 0.51 vs 0.5 is inside the band
    const near = cdfTest("X", [0.5, 0.5], [5100, 4900], DELTA);
    expect(near.score).toBeLessThan(1);
    consistent(near);
  });
});

describe("cellTests (exact binomial tests of bins)", () => {
  it("accepts the law, rejects one cell off, and flags any draw on a cell of probability 0", () => {
    const pmf = binomialLaw(20, 0.3);
    const R = 1e6;
    const counts = exactCounts(pmf, R);
    const ok = cellTests("X", pmf, counts, DELTA);
    // (a tail probability near 1/2 scores sqrt(ln 2 / ln(2 bins / delta)) ~ 0.2)
    expect(ok.test.score).toBeLessThan(0.3);
    expect(ok.bins).toBeGreaterThan(10);
    consistent(ok.test);
    // Move 1% of the draws from X = 6 to X = 7.
    const moved = counts.slice();
    moved[6] -= 10_000;
    moved[7] += 10_000;
    const bad = cellTests("X", pmf, moved, DELTA);
    expect(bad.test.score).toBeGreaterThan(1);
    expect(bad.test.label).toMatch(/P\((6|7)\)/);
    consistent(bad.test);
    const impossible = cellTests("X", [0.5, 0, 0.5], [5000, 1, 4999], DELTA);
    expect(impossible.test.score).toBe(Infinity);
    expect(impossible.test.label).toMatch(/1 draws on outcomes of probability 0/);
    consistent(impossible.test);
  });

  it("merges adjacent cells until each bin expects minExpected draws", () => {
    const pmf = binomialLaw(1000, 0.3);
    const { bins } = cellTests("X", pmf, exactCounts(pmf, 10_000), DELTA, 100);
    // at most R / minExpected bins, and more than a handful
    expect(bins).toBeLessThanOrEqual(100);
    expect(bins).toBeGreaterThan(20);
  });
});

describe("l1Test (Weissman)", () => {
  it("has the stated epsilon, accepts the law and rejects an L1 discrepancy above it", () => {
    const pmf = [0.25, 0.25, 0.25, 0.25];
    const R = 100_000;
    const ok = l1Test("X", pmf, exactCounts(pmf, R), DELTA, 32);
    const h = Math.sqrt((2 * (Math.log(2 ** 4 - 2) + Math.log(1 / DELTA))) / R);
    expect(ok.epsilon).toBeCloseTo(2 * h, 12);
    expect(ok.score).toBe(0);
    const bad = l1Test("X", pmf, [30_000, 20_000, 25_000, 25_000], DELTA, 32);
    expect(bad.estimate).toBeCloseTo(0.1, 12);
    expect(bad.score).toBeGreaterThan(1);
    consistent(bad);
    // one bin: nothing to compare
    expect(l1Test("X", [1], [10], DELTA).score).toBe(0);
  });
});

describe("momentTest and varianceTest", () => {
  it("give the exact moment and reject a law with the right mean and the wrong variance", () => {
    const pmf = binomialLaw(100, 0.5);
    const x = pmf.map((_, i) => i);
    const R = 1e6;
    const mean = momentTest("E[X]", pmf, exactCounts(pmf, R), x, [0, 100], DELTA);
    expect(mean.predicted).toBeCloseTo(50, 10);
    expect(mean.score).toBeLessThan(1);
    consistent(mean);
    // Binomial(200, 0.25) has mean 50 and variance 37.5 (instead of 25).
    const wider = binomialLaw(200, 0.25).slice(0, 101);
    const counts = exactCounts(wider, R);
    const meanWide = momentTest("E[X]", pmf, counts, x, [0, 100], DELTA);
    expect(meanWide.score).toBeLessThan(1);
    const v = varianceTest("X", pmf, counts, x, DELTA)!;
    expect(v.predicted).toBeGreaterThan(0.99);
    expect(v.predicted).toBeLessThan(1);
    expect(v.estimate).toBeGreaterThan(1.4);
    expect(v.score).toBeGreaterThan(1);
    consistent(v);
    expect(varianceTest("X", [1, 0], [10, 0], [0, 1], DELTA)).toBeNull();
  });
});

describe("scalarLawTests, vectorLawTests and fitMeasurement", () => {
  it("report the worst test, refuted exactly when some test rejects", () => {
    const pmf = binomialLaw(10, 0.5);
    const x = pmf.map((_, i) => i);
    const ok = scalarLawTests("X", pmf, exactCounts(pmf, 1e5), DELTA, { x });
    expect(ok).toHaveLength(4);
    ["sup |F_R - F| (DKW)", "(exact binomial test,", "||p_R - p||_1", "(variance)"].forEach((part, i) => expect(ok[i].label).toContain(part));
    const m = fitMeasurement(ok, 1e5, "exact counts");
    expect(decideVerdict(m.relation, m.predicted, m.interval)).toBe("holds");
    expect(m.evidence).toMatch(/^all 4 tests fit/);
    const shifted = exactCounts(binomialLaw(10, 0.55), 1e5);
    const bad = fitMeasurement(scalarLawTests("X", pmf, shifted, DELTA, { x }), 1e5, "p = 0.55");
    expect(decideVerdict(bad.relation, bad.predicted, bad.interval)).toBe("refuted");
    expect(bad.evidence).toMatch(/tests reject; worst/);
  });

  it("hold a vector law through its coordinates and pair sums", () => {
    // Multinomial(2, (1/2, 1/4, 1/4)) over the compositions (0,0,2), (0,1,1), (0,2,0), (1,0,1), (1,1,0), (2,0,0)
    const states = Int32Array.from([0, 0, 2, 0, 1, 1, 0, 2, 0, 1, 0, 1, 1, 1, 0, 2, 0, 0]);
    const pmf = [1 / 16, 2 / 16, 1 / 16, 4 / 16, 4 / 16, 4 / 16];
    const tests = vectorLawTests("X", states, 3, pmf, exactCounts(pmf, 160_000), DELTA, { pairs: true });
    // cells, L1, then cdf and variance of x0, x1, x2, x0 + x1, x0 + x2, x1 + x2
    expect(tests).toHaveLength(2 + 2 * 6);
    for (const t of tests) expect(t.score, t.label).toBeLessThan(1);
    // (0,1,1) and (1,0,1) swapped: the marginals of x0 and x1 change
    const swapped = exactCounts([1 / 16, 4 / 16, 1 / 16, 2 / 16, 4 / 16, 4 / 16], 160_000);
    const bad = vectorLawTests("X", states, 3, pmf, swapped, DELTA, { pairs: true });
    expect(bad.filter((t) => t.score > 1).length).toBeGreaterThan(2);
  });

  it("does not reject draws of the exact sampler (seed 1, delta 1e-8)", () => {
    const rng = createRng(1);
    const pmf = binomialLaw(50, 0.3);
    const counts = new Array<number>(51).fill(0);
    for (let r = 0; r < 200_000; r++) counts[binomialUnchecked(rng, 50, 0.3)]++;
    const tests = scalarLawTests("X", pmf, counts, 1e-8, { x: pmf.map((_, i) => i) });
    for (const t of tests) expect(t.score, t.label).toBeLessThanOrEqual(1);
  });
});
