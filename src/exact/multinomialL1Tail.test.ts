import { describe, expect, it } from "vitest";
import { gn, l1TailBound } from "../theory/lemma1-l1-concentration.ts";
import { createCompositionIndex } from "./compositions.ts";
import { l1TailFromLaw, multinomialL1DeviationLaw, multinomialL1TailExact } from "./multinomialL1Tail.ts";
import { multinomialPmf } from "./multinomialPmf.ts";

/** Brute force: every composition of n, its float64 pmf and its deviation. */
function bruteTail(w: number[], n: number, eps: number): number {
  const W = w.reduce((a, b) => a + b, 0);
  const k = w.length;
  const idx = createCompositionIndex(n, k);
  let tail = 0;
  for (let c = 0; c < idx.count; c++) {
    const x = Array.from(idx.states.subarray(c * k, c * k + k));
    const dev = x.reduce((a, xi, i) => a + Math.abs(xi / n - w[i] / W), 0);
    if (dev >= eps - 1e-12) tail += multinomialPmf(x, w);
  }
  return tail;
}

/** Stirling numbers of the second kind S(n, j), j = 0..n, in BigInt. */
function stirling2(n: number): bigint[] {
  let row = [1n];
  for (let i = 1; i <= n; i++) {
    const next = new Array<bigint>(i + 1).fill(0n);
    for (let j = 1; j <= i; j++) next[j] = BigInt(j) * (row[j] ?? 0n) + row[j - 1];
    row = next;
  }
  return row;
}

describe("multinomialL1DeviationLaw / multinomialL1TailExact", () => {
  it("matches brute-force enumeration of all count vectors (float64 pmfs) to 1e-13", () => {
    for (const [w, n, eps] of [
      [[1, 1, 1, 1, 1, 1], 7, 0.8],
      [[5, 1, 1, 1, 1, 0], 6, 0.5],
      [[3, 3, 2, 2, 2, 1], 8, 1],
      [[1, 1], 100, 0.2],
      [[7, 2, 1], 30, 0.3],
    ] as Array<[number[], number, number]>) {
      expect(Math.abs(multinomialL1TailExact({ weights: w, n, eps }).value - bruteTail(w, n, eps))).toBeLessThan(1e-13);
    }
  });
  it("is a law: the numerators sum to W^n exactly", () => {
    for (const [w, n] of [
      [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 12],
      [[27, 1, 1, 1], 2],
      [[5, 3, 2], 40],
    ] as Array<[number[], number]>) {
      const law = multinomialL1DeviationLaw({ weights: w, n });
      expect(law.numerators.reduce((a, b) => a + b, 0n)).toBe(law.denominator);
    }
  });
  it("for p uniform on s > n tokens equals the occupancy law: P(||p_hat - p||_1 >= 2(1 - j/s)) = P(occupied <= j), C(s, i) S(n, i) i!/s^n", () => {
    for (const [s, n] of [
      [45, 12],
      [600, 10],
      [20, 16],
    ]) {
      const law = multinomialL1DeviationLaw({ weights: new Array<number>(s).fill(1), n });
      const S = stirling2(n);
      let fallingFactorial = 1n; // s (s-1) ... (s-i+1) = C(s, i) i!
      let cumulative = 0n;
      for (let i = 1; i <= n; i++) {
        fallingFactorial *= BigInt(s - i + 1);
        cumulative += fallingFactorial * S[i];
        const tail = l1TailFromLaw(law, 2 * (1 - i / s));
        expect(tail.numerator).toBe(cumulative);
      }
    }
  });
  it("refutes Eq (13)'s large case at the paper's s = 600, n = 10: P(||p_hat - p||_1 >= 1.95) = 1 against G e^(-19.0); 2^s - 2 holds", () => {
    expect(gn({ n: 10, s: 600 }).regime).toBe("large");
    const tail = multinomialL1TailExact({ weights: new Array<number>(600).fill(1), n: 10, eps: 1.95 });
    expect(tail.value).toBe(1);
    const printed = l1TailBound({ n: 10, s: 600, pi: 0.5, eps: 1.95 }).value;
    expect(printed).toBeLessThan(0.004);
    expect(tail.value).toBeGreaterThan(printed);
    expect(l1TailBound({ n: 10, s: 600, pi: 0.5, eps: 1.95, form: "weissman" }).value).toBe(1);
  });
  it("rejects bad parameters naming them", () => {
    expect(() => multinomialL1TailExact({ weights: [1, 1], n: 0, eps: 1 })).toThrow(/^n/);
    expect(() => multinomialL1TailExact({ weights: [1, 0.5], n: 2, eps: 1 })).toThrow(/^weights\[1\]/);
    expect(() => multinomialL1TailExact({ weights: [0, 0], n: 2, eps: 1 })).toThrow(/^weights must not all be 0/);
    expect(() => multinomialL1TailExact({ weights: [1, 1], n: 2, eps: 0 })).toThrow(/^eps must be > 0/);
  });
});
