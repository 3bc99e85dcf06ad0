import { describe, expect, it } from "vitest";
import { solveFullySyntheticLevels, stateValues } from "./fullySyntheticLevels.ts";
import { createCompositionIndex } from "./compositions.ts";

/** Exact rationals on BigInt, just enough for Gaussian elimination. */
class Frac {
  constructor(
    readonly num: bigint,
    readonly den: bigint = 1n,
  ) {}
  static of(num: bigint, den: bigint): Frac {
    if (den < 0n) [num, den] = [-num, -den];
    const g = gcd(num < 0n ? -num : num, den);
    return g > 1n ? new Frac(num / g, den / g) : new Frac(num, den);
  }
  add(o: Frac): Frac {
    return Frac.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Frac): Frac {
    return Frac.of(this.num * o.den - o.num * this.den, this.den * o.den);
  }
  mul(o: Frac): Frac {
    return Frac.of(this.num * o.num, this.den * o.den);
  }
  div(o: Frac): Frac {
    return Frac.of(this.num * o.den, this.den * o.num);
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  toNumber(): number {
    // exact enough: scale to 60 bits before converting
    const scale = 1n << 60n;
    return Number((this.num * scale) / this.den) / 2 ** 60;
  }
}
function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

/** Solves A X = B exactly (A square, B with several columns) by Gaussian elimination. */
function solveExact(A: Frac[][], B: Frac[][]): Frac[][] {
  const n = A.length;
  const a = A.map((r, i) => [...r, ...B[i]]);
  const w = a[0].length;
  for (let k = 0; k < n; k++) {
    const p = a.findIndex((row, i) => i >= k && !row[k].isZero());
    [a[k], a[p]] = [a[p], a[k]];
    for (let i = 0; i < n; i++) {
      if (i === k || a[i][k].isZero()) continue;
      const f = a[i][k].div(a[k][k]);
      for (let j = k; j < w; j++) a[i][j] = a[i][j].sub(f.mul(a[k][j]));
    }
  }
  return a.map((row, i) => row.slice(n).map((v) => v.div(a[i][i])));
}

const factorial = (m: number): bigint => (m <= 1 ? 1n : BigInt(m) * factorial(m - 1));

/**
 * The whole transient chain on compositions of n into s parts, unlumped and without levels, in
 * exact rationals: h = E[steps to a Dirac state], a_i = P(end at delta_i), and g = E[steps until a
 * token is lost] on the full-support states. P(y -> x) = n!/prod x_i! prod y_i^x_i / n^n.
 */
function rationalReference(n: number, s: number) {
  const idx = createCompositionIndex(n, s);
  const states: number[][] = [];
  for (let j = 0; j < idx.count; j++) states.push(Array.from(idx.states.subarray(j * s, j * s + s)));
  const support = (x: number[]) => x.filter((v) => v > 0).length;
  const transient = states.filter((x) => support(x) >= 2);
  const full = states.filter((x) => support(x) === s);
  const nn = BigInt(n) ** BigInt(n);
  const weight = (y: number[], x: number[]): bigint => {
    let w = factorial(n);
    for (let i = 0; i < s; i++) {
      w /= factorial(x[i]);
      w *= BigInt(y[i]) ** BigInt(x[i]);
    }
    return w;
  };
  const system = (rows: number[][], rhs: (y: number[]) => Frac[]) => {
    const A = rows.map((y, i) => rows.map((x, j) => Frac.of((i === j ? nn : 0n) - weight(y, x), nn)));
    return solveExact(A, rows.map(rhs));
  };
  const dirac = (i: number) => states.find((x) => x[i] === n)!;
  const X = system(transient, (y) => [new Frac(1n), ...Array.from({ length: s }, (_, i) => Frac.of(weight(y, dirac(i)), nn))]);
  const G = full.length ? system(full, () => [new Frac(1n)]) : [];
  return { transient, full, X, G };
}

describe("solveFullySyntheticLevels", () => {
  it("n = 2, s = 2: from (1,1) the chain stays with probability 1/2, so h = g = 2 and a = 1/2", () => {
    const L = solveFullySyntheticLevels(2, 2);
    const v = stateValues(L, [1, 1]);
    expect(v.h).toBeCloseTo(2, 14);
    expect(v.g).toBeCloseTo(2, 14);
    expect(Array.from(v.a)).toEqual([expect.closeTo(0.5, 14), expect.closeTo(0.5, 14)]);
  });

  it("n = 3, s = 2: h(1) = 1 + (12/27 + 6/27) h, so h = 3", () => {
    const L = solveFullySyntheticLevels(3, 2);
    expect(stateValues(L, [1, 2]).h).toBeCloseTo(3, 14);
    expect(stateValues(L, [2, 1]).h).toBeCloseTo(3, 14);
    expect(stateValues(L, [1, 2]).a[0]).toBeCloseTo(1 / 3, 14);
  });

  it("Dirac states: h = g = 0 and a is the indicator", () => {
    const L = solveFullySyntheticLevels(4, 3);
    const v = stateValues(L, [0, 4, 0]);
    expect(v).toMatchObject({ h: 0, g: 0, support: 1 });
    expect(Array.from(v.a)).toEqual([0, 1, 0]);
  });

  it("equals the exact rational solution of the unlumped chain to 1e-13 (s = 2, 3, 4)", () => {
    for (const [n, s] of [[2, 2], [5, 2], [9, 2], [12, 2], [2, 3], [3, 3], [5, 3], [7, 3], [4, 4], [5, 4]]) {
      const ref = rationalReference(n, s);
      const L = solveFullySyntheticLevels(n, s);
      ref.transient.forEach((x, j) => {
        const v = stateValues(L, x);
        const h = ref.X[j][0].toNumber();
        expect(Math.abs(v.h - h) / h).toBeLessThan(1e-13);
        for (let i = 0; i < s; i++) expect(Math.abs(v.a[i] - ref.X[j][1 + i].toNumber())).toBeLessThan(1e-13);
      });
      ref.full.forEach((x, j) => {
        const g = ref.G[j][0].toNumber();
        expect(Math.abs(stateValues(L, x).g - g) / g).toBeLessThan(1e-13);
      });
    }
  });

  it("is symmetric under relabelling and a_i = x_i / n (martingale) at n = 30, s = 3", () => {
    const L = solveFullySyntheticLevels(30, 3);
    const base = stateValues(L, [7, 10, 13]);
    for (const perm of [[10, 7, 13], [13, 10, 7], [7, 13, 10]]) {
      const v = stateValues(L, perm);
      expect(Math.abs(v.h - base.h) / base.h).toBeLessThan(1e-13);
      expect(Math.abs(v.g - base.g) / base.g).toBeLessThan(1e-13);
    }
    for (const x of [[1, 1, 28], [7, 10, 13], [10, 10, 10], [0, 29, 1]]) {
      const v = stateValues(L, x);
      for (let i = 0; i < 3; i++) expect(Math.abs(v.a[i] - x[i] / 30)).toBeLessThan(1e-12);
    }
  });

  it("rejects bad n and too large state spaces with a RangeError naming n", () => {
    expect(() => solveFullySyntheticLevels(0, 2)).toThrow(/^n /);
    expect(() => solveFullySyntheticLevels(2.5, 2)).toThrow(TypeError);
    expect(() => solveFullySyntheticLevels(200, 3)).toThrow(/^n: .*200/);
    expect(() => solveFullySyntheticLevels(60, 3, 500)).toThrow(/^n: .*870 lumped states/);
  });
});
