/**
 * Invariants of the exactly solved Fully Synthetic chain for arbitrary small (s, n, p): every
 * bound of Theorem 1 (Eqs 6-8), Proposition 1, and the shape of rho_m. Deterministic given the
 * drawn case; failures print fast-check's { seed, path } for replay.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fullySyntheticExact } from "../src/exact/index.ts";
import { distributionArbitrary } from "./distributions.ts";

/** A probability vector over 2..4 tokens, some possibly zero, not on any 1/n grid in general. */
const distribution = distributionArbitrary({ minTokens: 2, maxTokens: 4, maxWeight: 1000 });

const size = fc.integer({ min: 1, max: 12 });

describe("exact Fully Synthetic chain properties", () => {
  it("satisfies Theorem 1's bounds and Proposition 1, and rho_m is non-decreasing towards 1", () => {
    fc.assert(
      fc.property(distribution, size, (p, n) => {
        const M = 40 * n; // P(T > M) <= n (1 - 1/n)^M < 1e-15
        const r = fullySyntheticExact(p, n, { M });
        const support = p.filter((v) => v > 0).length;
        // Proposition 1
        r.absorptionProbabilities.forEach((a, i) => expect(Math.abs(a - p[i])).toBeLessThan(1e-12));
        // Eq (6)
        r.S.forEach((S, m) => expect(Math.abs(S - (1 - (1 - 1 / n) ** m * (1 - r.S0)))).toBeLessThan(1e-12));
        // rho: non-decreasing, in [0, 1], rho + survival = 1, and -> 1
        for (let m = 1; m <= M; m++) {
          expect(r.rho[m]).toBeGreaterThanOrEqual(r.rho[m - 1]);
          expect(r.rho[m] + r.survival[m]).toBeCloseTo(1, 12);
        }
        expect(r.rho[M]).toBeGreaterThan(1 - 1e-12);
        if (support === 1) {
          expect(r.expectedCollapseTime).toBe(1);
          return;
        }
        // Eq (7) for m >= 1 (survival form) and Eq (8)
        const c = (1 - r.S0) / (1 - 1 / support);
        for (let m = 1; m <= M; m++) {
          const decay = (1 - 1 / n) ** m;
          expect(r.survival[m]).toBeLessThanOrEqual(n * (1 - r.S0) * decay * (1 + 1e-12) + 1e-300);
          expect(r.survival[m]).toBeGreaterThanOrEqual(c * decay * (1 - 1e-12));
        }
        expect(r.expectedCollapseTime).toBeGreaterThanOrEqual((1 + c * (n - 1)) * (1 - 1e-12));
        expect(r.expectedCollapseTime).toBeLessThanOrEqual((1 + (1 - r.S0) * n * (n - 1)) * (1 + 1e-12));
        // E[T] = sum_m P(T > m); the first loss comes no later than the collapse
        const sum = r.survival.reduce((a, b) => a + b, 0);
        expect(Math.abs(sum - r.expectedCollapseTime) / r.expectedCollapseTime).toBeLessThan(1e-9);
        expect(r.expectedFirstLossTime).toBeLessThanOrEqual(r.expectedCollapseTime * (1 + 1e-12));
      }),
      { numRuns: 40 },
    );
  });
});
