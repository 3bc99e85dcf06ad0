/** The O(k) sparse measures (src/measure) equal their dense definitions on arbitrary counts. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  countReference,
  denseFromSparse,
  entropy,
  entropyOfCounts,
  l1Distance,
  l1DistanceToReference,
  l2SquaredDistance,
  l2SquaredDistanceToReference,
  probabilityReference,
  sigma,
  sigmaOfCounts,
  sparseFromDense,
  supNorm,
  supNormOfCounts,
  supportSize,
  supportSizeOfCounts,
} from "../src/measure/index.ts";

const counts = (s: number) => fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1000 })), { minLength: s, maxLength: s }).filter((c) => c.some((x) => x > 0));

describe("measure properties", () => {
  it("sparse = dense for sigma, sup norm, entropy, support, L1 and L2 to probability and count references", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 15 }).chain((s) => fc.tuple(counts(s), counts(s))),
        ([a, b]) => {
          const s = a.length;
          const model = sparseFromDense(a);
          const refModel = sparseFromDense(b);
          const q = denseFromSparse(model, s);
          const r = denseFromSparse(refModel, s);
          expect(sigmaOfCounts(model)).toBeCloseTo(sigma(q), 14);
          expect(supNormOfCounts(model)).toBeCloseTo(supNorm(q), 15);
          expect(entropyOfCounts(model)).toBeCloseTo(entropy(q), 13);
          expect(supportSizeOfCounts(model)).toBe(supportSize(q));
          for (const ref of [probabilityReference(r), countReference(refModel, s)]) {
            expect(l1DistanceToReference(model, ref)).toBeCloseTo(l1Distance(q, r), 13);
            expect(l2SquaredDistanceToReference(model, ref)).toBeCloseTo(l2SquaredDistance(q, r), 13);
          }
          expect(sigmaOfCounts(model) === 1).toBe(supNormOfCounts(model) === 1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
