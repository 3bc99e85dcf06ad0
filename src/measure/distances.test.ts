import { describe, expect, it } from "vitest";
import { createRng } from "../rng/index.ts";
import { l1Distance, l1DistanceToReference } from "./l1Distance.ts";
import {
  l2Distance,
  l2DistanceToReference,
  l2SquaredDistance,
  l2SquaredDistanceToReference,
} from "./l2Distance.ts";
import { countReference, probabilityReference } from "./reference.ts";
import { denseFromSparse, sparseFromDense } from "./sparseCounts.ts";

function randomCounts(seed: number, s: number, zeroFraction: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: s }, () => (rng.uniform() < zeroFraction ? 0 : 1 + Math.floor(rng.uniform() * 20)));
}

describe("distances", () => {
  it("dense values by hand", () => {
    expect(l1Distance([1, 0], [0.5, 0.5])).toBe(1);
    expect(l2SquaredDistance([1, 0], [0.5, 0.5])).toBe(0.5);
    expect(l2Distance([1, 0], [0, 1])).toBe(Math.SQRT2);
    expect(() => l1Distance([1], [0.5, 0.5])).toThrow(RangeError);
  });
  it("sparse-to-reference equals the dense computation, for probability and count references", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const s = 30;
      const model = sparseFromDense(randomCounts(seed, s, 0.5));
      const q = denseFromSparse(model, s);
      const refModel = sparseFromDense(randomCounts(seed + 100, s, 0.4));
      const r = denseFromSparse(refModel, s);
      for (const ref of [probabilityReference(r), countReference(refModel, s)]) {
        expect(l1DistanceToReference(model, ref)).toBeCloseTo(l1Distance(q, r), 13);
        expect(l2SquaredDistanceToReference(model, ref)).toBeCloseTo(l2SquaredDistance(q, r), 13);
        expect(l2DistanceToReference(model, ref)).toBeCloseTo(l2Distance(q, r), 13);
      }
    }
  });
  it("counts the reference's mass off the model's support", () => {
    const model = sparseFromDense([0, 0, 4]);
    const ref = probabilityReference([0.5, 0.5, 0]);
    expect(l1DistanceToReference(model, ref)).toBe(2);
    expect(l2SquaredDistanceToReference(model, ref)).toBe(1.5);
  });
  it("is exactly 0 from a count model to its own count reference", () => {
    const model = sparseFromDense([3, 0, 5, 1, 1]);
    const ref = countReference(model, 5);
    expect(l1DistanceToReference(model, ref)).toBe(0);
    expect(l2SquaredDistanceToReference(model, ref)).toBe(0);
  });
});
