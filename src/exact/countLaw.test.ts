import { describe, expect, it } from "vitest";
import { convolveLaws, hypergeometricLaw, mixLaws, multinomialLaw, pointLaw, type CountLaw } from "./countLaw.ts";

const rows = (law: CountLaw) => law.map((o) => [...o.x, o.prob]).sort((a, b) => String(a).localeCompare(String(b)));

describe("count laws", () => {
  it("multinomialLaw lists Mult(k, w/sum w) on the support of w, by hand", () => {
    expect(rows(multinomialLaw(2, [1, 0, 3]))).toEqual(
      rows([
        { x: Int32Array.of(2, 0, 0), prob: 1 / 16 },
        { x: Int32Array.of(1, 0, 1), prob: 6 / 16 },
        { x: Int32Array.of(0, 0, 2), prob: 9 / 16 },
      ]).map((r) => r.map((v) => expect.closeTo(v, 15))),
    );
    expect(multinomialLaw(5, [0.2, 0.3, 0.5]).reduce((a, o) => a + o.prob, 0)).toBeCloseTo(1, 14);
    expect(() => multinomialLaw(1, [0, 0])).toThrow(RangeError);
  });

  it("hypergeometricLaw draws without replacement: 2 of a corpus (2, 0, 1)", () => {
    // C(2,2)/C(3,2) = 1/3 for (2,0,0); C(2,1)C(1,1)/3 = 2/3 for (1,0,1)
    expect(rows(hypergeometricLaw(2, [2, 0, 1]))).toEqual([
      [1, 0, 1, expect.closeTo(2 / 3, 15)],
      [2, 0, 0, expect.closeTo(1 / 3, 15)],
    ]);
    expect(rows(hypergeometricLaw(3, [2, 0, 1]))).toEqual([[2, 0, 1, expect.closeTo(1, 15)]]);
    expect(() => hypergeometricLaw(4, [2, 0, 1])).toThrow(/^k must be <= the corpus size 3/);
  });

  it("convolveLaws adds independent counts and merges equal outcomes; mixLaws weighs laws", () => {
    const coin = multinomialLaw(1, [1, 1]);
    expect(rows(convolveLaws(coin, coin))).toEqual(rows(multinomialLaw(2, [1, 1])).map((r) => r.map((v) => expect.closeTo(v, 15))));
    expect(rows(convolveLaws(pointLaw([2, 1]), coin))).toEqual([
      [2, 2, 0.5],
      [3, 1, 0.5],
    ]);
    expect(rows(mixLaws([pointLaw([1, 0]), coin], [0.5, 0.5]))).toEqual([
      [0, 1, 0.25],
      [1, 0, 0.75],
    ]);
  });
});
