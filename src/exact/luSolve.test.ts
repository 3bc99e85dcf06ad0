import { describe, expect, it } from "vitest";
import { luFactor, luSolve } from "./luSolve.ts";
import { createRng } from "../rng/index.ts";

function randomMatrix(dim: number, seed: number, density = 1): Float64Array {
  const rng = createRng(seed);
  const a = new Float64Array(dim * dim);
  for (let i = 0; i < a.length; i++) a[i] = rng.uniform() < density ? rng.uniform() - 0.5 : 0;
  return a;
}

function residual(a: Float64Array, x: Float64Array, b: Float64Array, dim: number, nrhs: number): number {
  let worst = 0;
  for (let c = 0; c < nrhs; c++) {
    for (let i = 0; i < dim; i++) {
      let r = -b[i * nrhs + c];
      for (let j = 0; j < dim; j++) r += a[i * dim + j] * x[j * nrhs + c];
      worst = Math.max(worst, Math.abs(r));
    }
  }
  return worst;
}

describe("luFactor / luSolve", () => {
  it("solves a 2x2 system that needs a row swap", () => {
    const f = luFactor(Float64Array.of(0, 1, 1, 0), 2);
    expect(Array.from(f.perm)).toEqual([1, 0]);
    expect(Array.from(luSolve(f, Float64Array.of(3, 5), 1))).toEqual([5, 3]);
    expect(Array.from(luSolve(luFactor(Float64Array.of(2, 0, 0, 4), 2), Float64Array.of(2, 8), 1))).toEqual([1, 2]);
  });

  it("has a small residual on random dense, sparse and zero-diagonal systems with several right-hand sides", () => {
    for (const [dim, density, seed] of [[1, 1, 1], [5, 1, 2], [33, 1, 3], [70, 1, 4], [131, 0.05, 5], [100, 0.3, 6]]) {
      const a = randomMatrix(dim, seed, density);
      if (dim > 1) for (let i = 0; i < dim; i++) a[i * dim + i] = density < 1 ? 1 + a[i * dim + i] : 0; // zero diagonal forces pivoting
      const b = randomMatrix(Math.max(dim, 3), seed + 100).subarray(0, dim * 3);
      const x = luSolve(luFactor(a.slice(), dim), b, 3);
      expect(residual(a, x, b, dim, 3)).toBeLessThan(1e-10);
    }
  });

  it("solves a banded system exactly like its dense copy (the zero-skipping paths)", () => {
    const dim = 150;
    const a = new Float64Array(dim * dim);
    const rng = createRng(9);
    for (let i = 0; i < dim; i++) for (let j = Math.max(0, i - 7); j < Math.min(dim, i + 5); j++) a[i * dim + j] = rng.uniform() - 0.5;
    const b = Float64Array.from({ length: dim }, (_, i) => Math.cos(i));
    const x = luSolve(luFactor(a.slice(), dim), b, 1);
    expect(residual(a, x, b, dim, 1)).toBeLessThan(1e-9);
  });

  it("rejects a singular matrix and mismatched sizes", () => {
    expect(() => luFactor(Float64Array.of(1, 2, 2, 4), 2)).toThrow(RangeError);
    expect(() => luFactor(new Float64Array(3), 2)).toThrow(/dim \* dim/);
    expect(() => luSolve(luFactor(Float64Array.of(1), 1), new Float64Array(2), 1)).toThrow(/nrhs/);
  });
});
