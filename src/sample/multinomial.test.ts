/**
 * Multinomial samplers, both methods (conditional binomials, categorical counting) forced through
 * `multinomialOnSupportWith`, and the automatic choice.
 * - joint law for small cases: chi-square of the R replicate outcomes over all compositions of n
 *   against the exact multinomial pmf;
 * - marginals for larger cases: X_j ~ Binomial(n, w_j / W) by chi-square over R replicates;
 * - the two methods agree: chi-square test of homogeneity of their joint outcome tables.
 * False-alarm rate: every test rejects only at p-value < 1e-6 with fixed seeds (< 1e-4 for the
 * file). Power: for the marginals (n = 1000, R = 20000) a 1% relative bias in a weight of
 * 0.2 has noncentrality ~ R n (0.002)^2 / 0.16 = 500, and the planted-bug test shows it is caught.
 */
import { describe, expect, it } from "vitest";
import binomialPmf from "@stdlib/stats-base-dists-binomial-pmf";
import chi2gof from "@stdlib/stats-chi2gof";
import gammaln from "@stdlib/math-base-special-gammaln";
import { createRng, deriveSeed, type Rng } from "../rng/index.ts";
import { binomialFit, chiSquareFit } from "./goodnessOfFit.testkit.ts";
import {
  chooseMultinomialMethod,
  multinomial,
  multinomialOnSupport,
  multinomialOnSupportWith,
  type MultinomialMethod,
} from "./multinomial.ts";

const REJECT = 1e-6;
const METHODS: MultinomialMethod[] = ["binomial", "categorical"];

/** All compositions of n into s parts, in a fixed order, and a key -> index map. */
function compositions(n: number, s: number): { list: number[][]; index: Map<string, number> } {
  const list: number[][] = [];
  const rec = (prefix: number[], left: number) => {
    if (prefix.length === s - 1) {
      list.push([...prefix, left]);
      return;
    }
    for (let x = 0; x <= left; x++) rec([...prefix, x], left - x);
  };
  rec([], n);
  const index = new Map(list.map((c, i) => [c.join(","), i]));
  return { list, index };
}
function multinomialPmf(x: number[], p: number[]): number {
  const n = x.reduce((a, b) => a + b, 0);
  let l = gammaln(n + 1);
  for (let i = 0; i < x.length; i++) {
    if (x[i] > 0) l += x[i] * Math.log(p[i]) - gammaln(x[i] + 1);
  }
  return Math.exp(l);
}
function jointTable(rng: Rng, n: number, w: number[], support: Int32Array, R: number, method: MultinomialMethod) {
  const { list, index } = compositions(n, support.length);
  const counts = new Float64Array(list.length);
  const out = new Int32Array(w.length);
  for (let r = 0; r < R; r++) {
    multinomialOnSupportWith(rng, n, w, support, support.length, out, method);
    counts[index.get(Array.from(support, (i) => out[i]).join(",")) as number]++;
  }
  return { list, counts };
}

describe("joint law, small cases, both methods", () => {
  const cases: { label: string; n: number; w: number[]; support: number[] }[] = [
    { label: "n=5 p=(.2,.3,.5)", n: 5, w: [0.2, 0.3, 0.5], support: [0, 1, 2] },
    { label: "n=4 counts, zero weight inside", n: 4, w: [3, 0, 1, 4], support: [0, 1, 2, 3] },
    { label: "n=6 on support {4,1,2} of s=6", n: 6, w: [9, 2, 5, 9, 1, 9], support: [4, 1, 2] },
    { label: "n=3 tiny weight", n: 3, w: [1, 0.01, 1], support: [0, 1, 2] },
  ];
  for (const c of cases) {
    const support = Int32Array.from(c.support);
    const W = c.support.reduce((a, i) => a + c.w[i], 0);
    const p = c.support.map((i) => c.w[i] / W);
    it(`${c.label}: each method fits the multinomial pmf, and they agree`, () => {
      const tables = METHODS.map((m) => {
        const rng = createRng(deriveSeed(1, `${c.label} ${m}`));
        const { list, counts } = jointTable(rng, c.n, c.w, support, 2e5, m);
        const probs = list.map((x) => multinomialPmf(x, p));
        const fit = chiSquareFit(counts, probs, 0, 5, 1000);
        expect(fit.pValue, `${m} ${JSON.stringify(fit)}`).toBeGreaterThan(REJECT);
        return counts;
      });
      // Homogeneity of the two tables (equal totals R): sum (a - b)^2 / (a + b) ~ chi2(cells - 1),
      // which is exactly chi2gof's statistic for observed 2b against expected a + b.
      const [a, b] = tables;
      const keep = Array.from(a.keys()).filter((i) => a[i] + b[i] >= 20);
      const r = chi2gof(keep.map((i) => 2 * b[i]), keep.map((i) => a[i] + b[i])).toJSON() as { pValue: number };
      expect(r.pValue).toBeGreaterThan(REJECT);
    });
  }
});

function marginalFits(method: MultinomialMethod | "auto", n: number, w: number[], support: number[], R: number, seed: number, biasFirst = 1) {
  const rng = createRng(seed);
  const sup = Int32Array.from(support);
  const W = support.reduce((a, i) => a + w[i], 0);
  const wUsed = w.slice();
  wUsed[support[0]] *= biasFirst;
  const out = new Int32Array(w.length).fill(-7);
  const hist = support.map(() => new Float64Array(n + 1));
  const outsideSupport = Array.from(w.keys()).filter((i) => !support.includes(i));
  let badTotals = 0;
  let touched = 0;
  for (let r = 0; r < R; r++) {
    if (method === "auto") multinomialOnSupport(rng, n, wUsed, sup, sup.length, out);
    else multinomialOnSupportWith(rng, n, wUsed, sup, sup.length, out, method);
    let total = 0;
    for (let j = 0; j < sup.length; j++) {
      hist[j][out[sup[j]]]++;
      total += out[sup[j]];
    }
    if (total !== n) badTotals++;
    for (const i of outsideSupport) if (out[i] !== -7) touched++;
  }
  expect(badTotals).toBe(0);
  expect(touched).toBe(0);
  return support.map((i, j) => {
    const pj = w[i] / W;
    const probs = Array.from({ length: n + 1 }, (_, x) => binomialPmf(x, n, pj));
    return chiSquareFit(hist[j], probs);
  });
}

describe("marginals", () => {
  const zipf = Array.from({ length: 50 }, (_, i) => 1 / (i + 1));
  for (const m of [...METHODS, "auto"] as const) {
    it(`n = 1000, Zipf s = 50 (${m})`, () => {
      const fits = marginalFits(m, 1000, zipf, Array.from(zipf.keys()), 2e4, deriveSeed(2, m));
      fits.forEach((f, j) => expect(f.pValue, `entry ${j} ${JSON.stringify(f)}`).toBeGreaterThan(REJECT));
    });
  }
  it("n = 10 on a support of 52 out of s = 600 (auto picks categorical)", () => {
    const w = Array.from({ length: 600 }, (_, i) => (i % 11 === 3 ? 1 + (i % 7) : 0));
    const support = w.flatMap((x, i) => (x > 0 ? [i] : [])).slice(0, 52);
    expect(support.length).toBe(52);
    const fits = marginalFits("auto", 10, w, support, 2e4, deriveSeed(3, "support52"));
    fits.forEach((f, j) => expect(f.pValue, `entry ${j} ${JSON.stringify(f)}`).toBeGreaterThan(REJECT));
  });
  it("n = 10^6, weights (0.6, 0.3, 0.1): BTRD with p > 1/2 inside the binomial method", () => {
    const out = new Int32Array(3);
    const sup = Int32Array.of(0, 1, 2);
    for (const [j, pj] of [[0, 0.6], [1, 0.3]] as const) {
      const rng = createRng(deriveSeed(5, `big ${j}`));
      const draw = () => {
        multinomialOnSupportWith(rng, 1e6, [0.6, 0.3, 0.1], sup, 3, out, "binomial");
        return out[j];
      };
      const fit = binomialFit(draw, 2e4, 1e6, pj);
      expect(fit.pValue, `entry ${j} ${JSON.stringify(fit)}`).toBeGreaterThan(REJECT);
    }
  });
  it("catches a planted 1% bias in one weight (power)", () => {
    const w = [0.2, 0.3, 0.5];
    for (const m of METHODS) {
      const fits = marginalFits(m, 1000, w, [0, 1, 2], 2e4, deriveSeed(4, m), 1.01);
      expect(fits[0].pValue).toBeLessThan(REJECT);
    }
  });
});

describe("method choice and edge cases", () => {
  it("picks categorical counting for n small against k, binomials for n large", () => {
    expect(chooseMultinomialMethod(10, 600)).toBe("categorical");
    expect(chooseMultinomialMethod(10, 52)).toBe("categorical");
    expect(chooseMultinomialMethod(1e6, 1000)).toBe("binomial");
  });
  it("handles n = 0, a single live entry, huge n and zero weights", () => {
    const rng = createRng(5);
    for (const m of METHODS) {
      const out = new Int32Array(4).fill(9);
      multinomialOnSupportWith(rng, 0, [1, 2, 3, 4], Int32Array.of(0, 1, 2, 3), 4, out, m);
      expect(Array.from(out)).toEqual([0, 0, 0, 0]);
      multinomialOnSupportWith(rng, 7, [0, 2, 0, 0], Int32Array.of(0, 1, 2, 3), 4, out, m);
      expect(Array.from(out)).toEqual([0, 7, 0, 0]);
      out.fill(9);
      multinomialOnSupportWith(rng, 5, [1, 1, 1, 1], Int32Array.of(3, 1, 0, 2), 2, out, m);
      expect(out[0]).toBe(9);
      expect(out[2]).toBe(9);
      expect(out[1] + out[3]).toBe(5);
    }
    const big = multinomial(rng, 2 ** 31 - 1, [0.25, 0, 0.75]);
    expect(big[0] + big[2]).toBe(2 ** 31 - 1);
    expect(big[1]).toBe(0);
    expect(Math.abs(big[0] - 0.25 * (2 ** 31 - 1))).toBeLessThan(6 * Math.sqrt((2 ** 31) * 0.1875));
  });
});

describe("bad input", () => {
  const rng = createRng(6);
  it("multinomial rejects bad n and p, naming them", () => {
    expect(() => multinomial(rng, 2.5, [1])).toThrow(TypeError);
    expect(() => multinomial(rng, -1, [1])).toThrow(/^n /);
    expect(() => multinomial(rng, 2 ** 31, [1])).toThrow(/^n /);
    expect(() => multinomial(rng, Number.NaN, [1])).toThrow(/^n /);
    expect(() => multinomial(rng, 5, [0.5, 0.6])).toThrow(/^p must sum to 1/);
    expect(() => multinomial(rng, 5, [0.5, Number.NaN])).toThrow(TypeError);
    expect(() => multinomial(rng, 5, [1.5, -0.5])).toThrow(/^p\[1\]/);
  });
  it("multinomialOnSupport rejects bad weights, support, k and n", () => {
    const out = new Int32Array(3);
    const sup = Int32Array.of(0, 1, 2);
    for (const m of METHODS) {
      const f = (n: number, w: number[], s: Int32Array, k: number) => multinomialOnSupportWith(rng, n, w, s, k, out, m);
      expect(() => f(5, [1, -1, 1], sup, 3)).toThrow(/^weights\[1\]/);
      expect(() => f(5, [1, Number.NaN, 1], sup, 3)).toThrow(TypeError);
      expect(() => f(5, [1, Infinity, 1], sup, 3)).toThrow(RangeError);
      expect(() => f(5, [0, 0, 0], sup, 3)).toThrow(/^weights must have a positive, finite sum/);
      expect(() => f(5, [1e308, 1e308, 1], sup, 3)).toThrow(/^weights must have a positive, finite sum/);
      expect(() => f(5, [1, 1], sup, 3)).toThrow(/^support/);
      expect(() => f(5, [1, 1, 1], Int32Array.of(0, 7, 1), 3)).toThrow(/^support/);
      expect(() => f(5, [1, 1, 1], sup, 4)).toThrow(/^k /);
      expect(() => f(1.5, [1, 1, 1], sup, 3)).toThrow(/^n /);
    }
    expect(() => multinomialOnSupport(rng, 5, [1, 1, 1], sup, 3, out)).not.toThrow();
  });
});
