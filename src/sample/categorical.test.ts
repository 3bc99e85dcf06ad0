/**
 * Categorical samplers: chi-square goodness of fit of the category frequencies against p.
 * False-alarm rate: each fit rejects only at p-value < 1e-6 (fixed seeds); below 1e-5 for the
 * file. Power: with N = 10^6 draws a 1% relative bias in a category of mass pi gives a
 * noncentrality of about 100 pi / (1 - pi), detected for pi >= 0.05 (checked by the planted bug).
 */
import { describe, expect, it } from "vitest";
import { createRng, deriveSeed, type Rng } from "../rng/index.ts";
import { aliasTable, categorical, categoricalSampler } from "./categorical.ts";
import { chiSquareFit } from "./goodnessOfFit.testkit.ts";

const REJECT = 1e-6;

function normalise(w: number[]): number[] {
  const t = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / t);
}
function frequencies(draw: (rng: Rng) => number, rng: Rng, s: number, N: number): Float64Array {
  const counts = new Float64Array(s);
  for (let t = 0; t < N; t++) counts[draw(rng)]++;
  return counts;
}

const DISTRIBUTIONS: [string, number[]][] = [
  ["single", [1]],
  ["two", [0.3, 0.7]],
  ["with zeros", normalise([0, 3, 0, 1, 0, 0, 6, 0])],
  ["Zipf s=1000", normalise(Array.from({ length: 1000 }, (_, i) => 1 / (i + 1)))],
  ["tiny masses", normalise([1, 1e-9, 1e-12, 0, 1e-6, 2])],
];

describe("categoricalSampler (alias table)", () => {
  for (const [label, p] of DISTRIBUTIONS) {
    it(`fits ${label}`, () => {
      const rng = createRng(deriveSeed(1, `alias ${label}`));
      const counts = frequencies(categoricalSampler(p), rng, p.length, 1e6);
      p.forEach((pi, i) => {
        if (pi === 0) expect(counts[i]).toBe(0);
      });
      const fit = chiSquareFit(counts, p);
      expect(fit.pValue, JSON.stringify(fit)).toBeGreaterThan(REJECT);
    });
  }
  it("alias table reproduces p exactly up to rounding", () => {
    for (const [, p] of DISTRIBUTIONS) {
      const { prob, alias } = aliasTable(Float64Array.from(p));
      const s = p.length;
      const mass = new Float64Array(s);
      for (let i = 0; i < s; i++) {
        mass[i] += prob[i] / s;
        mass[alias[i]] += (1 - Math.min(1, Math.max(0, prob[i]))) / s;
      }
      for (let i = 0; i < s; i++) expect(Math.abs(mass[i] - p[i])).toBeLessThan(1e-14);
    }
  });
  it("catches a planted 2% bias", () => {
    const p = [0.3, 0.7];
    const rng = createRng(deriveSeed(2, "alias planted"));
    // Shift 0.006 * 1e6 = 6000 counts, 13 sd of the count: missed with probability ~1e-15.
    const counts = frequencies(categoricalSampler([0.3 * 1.02, 1 - 0.3 * 1.02]), rng, 2, 1e6);
    expect(chiSquareFit(counts, p).pValue).toBeLessThan(REJECT);
  });
});

describe("categorical (one validated draw)", () => {
  for (const [label, p] of DISTRIBUTIONS.filter(([l]) => l !== "Zipf s=1000")) {
    it(`fits ${label}`, () => {
      const rng = createRng(deriveSeed(3, `categorical ${label}`));
      const counts = frequencies((r) => categorical(r, p), rng, p.length, 2e5);
      p.forEach((pi, i) => {
        if (pi === 0) expect(counts[i]).toBe(0);
      });
      const fit = chiSquareFit(counts, p);
      expect(fit.pValue, JSON.stringify(fit)).toBeGreaterThan(REJECT);
    });
  }
});

describe("bad input", () => {
  const rng = createRng(4);
  it("rejects p that is not a distribution, naming p", () => {
    for (const f of [(p: unknown) => categorical(rng, p as number[]), (p: unknown) => categoricalSampler(p as number[])]) {
      expect(() => f([0.5, 0.6])).toThrow(/^p must sum to 1/);
      expect(() => f([Number.NaN, 1])).toThrow(TypeError);
      expect(() => f([-0.5, 1.5])).toThrow(/^p\[0\]/);
      expect(() => f([])).toThrow(RangeError);
      expect(() => f("x")).toThrow(TypeError);
    }
  });
});
