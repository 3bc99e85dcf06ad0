import { describe, expect, it } from "vitest";
import { exactFixedCountsLaw, exactMarkovTextLaw } from "./multiContextExact.ts";

describe("exactFixedCountsLaw", () => {
  it("gives Eq (6), S_m = 1 - (1 - 1/n)^m (1 - S0), per context, and independent contexts multiply", () => {
    const p0 = [
      [0.5, 0.5],
      [0.8, 0.2],
    ];
    const law = exactFixedCountsLaw({ p0, n: [2, 3], generations: 4 });
    [0.5, 0.68].forEach((S0, j) => {
      const n = [2, 3][j];
      for (let m = 0; m <= 4; m++) expect(law.sigma[j][m]).toBeCloseTo(1 - (1 - 1 / n) ** m * (1 - S0), 14);
    });
    // Two tokens, n = 2: from (1/2, 1/2) a Dirac mass with probability 1/2, else back to (1/2, 1/2).
    [0, 0.5, 0.75, 0.875, 0.9375].forEach((v, m) => expect(law.collapsedBy[0][m]).toBeCloseTo(v, 14));
    for (let m = 0; m <= 4; m++) expect(law.allCollapsedBy[m]).toBeCloseTo(law.collapsedBy[0][m] * law.collapsedBy[1][m], 14);
    [0, 3, 3, 3, 3].forEach((v, m) => expect(law.count[1][m]).toBeCloseTo(v, 13));
    // n = 3 from (0.8, 0.2): P(T <= 1) = 0.8^3 + 0.2^3.
    expect(law.collapsedBy[1][1]).toBeCloseTo(0.512 + 0.008, 14);
  });

  it("validates by name", () => {
    expect(() => exactFixedCountsLaw({ p0: [[0.5, 0.5]], n: [0], generations: 1 })).toThrow(/^n\[0\]/);
    expect(() => exactFixedCountsLaw({ p0: [[0.5, 0.5], [1]], n: [1, 1], generations: 1 })).toThrow(/^p0\[1\] must have length/);
    expect(() => exactFixedCountsLaw({ p0: [[0.5, 0.5]], n: [1, 2], generations: 1 })).toThrow(/^n must have/);
  });
});

describe("exactMarkovTextLaw", () => {
  const a = 0.3;
  const b = 0.6;
  const p0 = [
    [a, 1 - a],
    [b, 1 - b],
  ];

  it("matches the hand enumeration of L = 2 from context 0: the counts follow the text", () => {
    // y1 = 0 (prob a): context 0 twice (tokens 0, y2 ~ p_0); y1 = 1: contexts 0 and 1 once each.
    const law = exactMarkovTextLaw({ s: 2, contexts: [0, 1], p0, start: [1, 0], textLength: 2, generations: 1 });
    expect(law.count[0][1]).toBeCloseTo(1 + a, 15);
    expect(law.count[1][1]).toBeCloseTo(1 - a, 15);
    expect(law.sigma[0][1]).toBeCloseTo(a * (a + (1 - a) * 0.5) + (1 - a), 15);
    expect(law.sigma[1][1]).toBeCloseTo(a * (b * b + (1 - b) ** 2) + (1 - a), 15);
    expect(law.collapsedBy[0][1]).toBeCloseTo(a * a + (1 - a), 15);
    expect(law.collapsedBy[1][1]).toBeCloseTo(1 - a, 15);
    expect(law.allCollapsedBy[1]).toBeCloseTo(1 - a, 15);
    // Eq (2) on a Markov text is biased: E[p_00^(1)] = a (1 + a) / 2 != a, so S_1 differs from the fixed-n value.
    expect(law.sigma[0][1]).not.toBeCloseTo(1 - 0.5 * (1 - (a * a + (1 - a) ** 2)), 3);
  });

  it("n_j depends on another context's conditional; in the old restart design (contexts emit only unlisted tokens) it does not", () => {
    const countOf1 = (row0: number[]) => exactMarkovTextLaw({ s: 2, contexts: [0, 1], p0: [row0, p0[1]], textLength: 4, generations: 1 }).count[1][1];
    expect(Math.abs(countOf1([0.9, 0.1]) - countOf1([0.1, 0.9]))).toBeGreaterThan(0.5);
    const restart = (row0: number[]) =>
      exactMarkovTextLaw({ s: 4, contexts: [0, 1], p0: [row0, [0, 0, 0.5, 0.5]], start: [0.5, 0.5], textLength: 4, generations: 1 }).count[1][1];
    expect(restart([0, 0, 0.9, 0.1])).toBeCloseTo(2, 14);
    expect(restart([0, 0, 0.1, 0.9])).toBeCloseTo(2, 14);
  });

  it("with one listed context and every other token a restart, is the fixed-count chain with n = L", () => {
    const fixed = exactFixedCountsLaw({ p0: [[0.2, 0.5, 0.3]], n: [4], generations: 3 });
    const text = exactMarkovTextLaw({ s: 3, contexts: [0], p0: [[0.2, 0.5, 0.3]], textLength: 4, generations: 3 });
    for (let m = 0; m <= 3; m++) {
      expect(text.sigma[0][m]).toBeCloseTo(fixed.sigma[0][m], 14);
      expect(text.collapsedBy[0][m]).toBeCloseTo(fixed.collapsedBy[0][m], 14);
      expect(text.count[0][m]).toBeCloseTo(m === 0 ? 0 : 4, 13);
    }
  });

  it("keeps an unvisited context's model", () => {
    // From context 0 with p_0 = delta_0 the text never leaves context 0: context 1 stays p_1 forever.
    const law = exactMarkovTextLaw({ s: 2, contexts: [0, 1], p0: [[1, 0], p0[1]], start: [1, 0], textLength: 3, generations: 3 });
    for (let m = 0; m <= 3; m++) expect(law.sigma[1][m]).toBeCloseTo(b * b + (1 - b) ** 2, 15);
    expect(law.collapsedBy[0]).toEqual([0, 1, 1, 1]);
    expect(law.allCollapsedBy).toEqual([0, 0, 0, 0]);
    [0, 3, 3, 3].forEach((v, m) => expect(law.count[0][m]).toBeCloseTo(v, 13));
  });

  it("validates by name", () => {
    const ok = { s: 2, contexts: [0, 1], p0, textLength: 3, generations: 2 };
    expect(() => exactMarkovTextLaw({ ...ok, contexts: [0, 0] })).toThrow(/^contexts\[1\]/);
    expect(() => exactMarkovTextLaw({ ...ok, contexts: [0] })).toThrow(/^contexts must list/);
    expect(() => exactMarkovTextLaw({ ...ok, start: [1] })).toThrow(/^start must have/);
    expect(() => exactMarkovTextLaw({ ...ok, textLength: 0 })).toThrow(/^textLength/);
    expect(() => exactMarkovTextLaw({ ...ok, p0: [[0.5, 0.5], [0.5, 0.5, 0]] })).toThrow(/^p0\[1\] must have length s = 2/);
  });
});
