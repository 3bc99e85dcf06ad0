/** Properties of the initial distributions (src/init) over their whole parameter domain. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dirichlet } from "../src/init/dirichlet.ts";
import { targetS0 } from "../src/init/targetS0.ts";
import { uniform } from "../src/init/uniform.ts";
import { accurateSum } from "../src/init/withSupport.ts";
import { zipf } from "../src/init/zipf.ts";
import { createRng } from "../src/rng/index.ts";

/** (s, support) with 1 <= support <= s <= 2000. */
const sizes = fc.integer({ min: 1, max: 2000 }).chain((s) => fc.record({ s: fc.constant(s), support: fc.integer({ min: 1, max: s }) }));

function positives(p: Float64Array): number {
  let c = 0;
  for (const v of p) if (v > 0) c++;
  return c;
}
function sumSquares(p: Float64Array): number {
  let t = 0;
  for (const v of p) t += v * v;
  return t;
}

describe("initial distributions", () => {
  it("targetS0 hits S0 to 1e-12 with exactly `support` positive, decreasing entries", () => {
    fc.assert(
      fc.property(
        sizes.filter(({ support }) => support >= 2),
        fc.oneof(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.constantFrom(0, 1e-12, 0.5, 1 - 1e-9)),
        ({ s, support }, frac) => {
          const S0 = Math.min(1 / support + frac * (1 - 1 / support), 1 - 1e-12);
          const p = targetS0(s, support, S0);
          expect(p.length).toBe(s);
          expect(Math.abs(sumSquares(p) - S0)).toBeLessThanOrEqual(1e-12);
          expect(positives(p)).toBe(support);
          let increases = 0;
          for (let i = 1; i < support; i++) if (p[i] > p[i - 1]) increases++;
          expect(increases).toBe(0);
          expect(Math.abs(accurateSum(p) - 1)).toBeLessThanOrEqual(1e-14);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("uniform and zipf are normalised with exactly `support` positive entries", () => {
    fc.assert(
      fc.property(sizes, fc.double({ min: 1e-3, max: 20, noNaN: true }), ({ s, support }, a) => {
        for (const p of [uniform(s, support), zipf(s, a, support)]) {
          expect(Math.abs(accurateSum(p) - 1)).toBeLessThanOrEqual(1e-14);
          expect(positives(p)).toBe(support);
        }
      }),
    );
  });

  it("dirichlet draws are distributions on the first `support` tokens", () => {
    fc.assert(
      fc.property(sizes, fc.double({ min: 0.05, max: 50, noNaN: true }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), ({ s, support }, a, seed) => {
        const p = dirichlet(createRng(seed), s, a, support);
        expect(Math.abs(accurateSum(p) - 1)).toBeLessThanOrEqual(1e-13);
        for (let i = support; i < s; i++) if (p[i] !== 0) throw new Error(`p[${i}] = ${p[i]} outside the support`);
        expect(p.every((v) => v >= 0 && Number.isFinite(v))).toBe(true);
      }),
    );
  });

  it("bad parameters throw RangeError/TypeError naming the parameter", () => {
    fc.assert(
      fc.property(sizes.filter(({ support }) => support >= 2), fc.double({ min: 0, max: 1, noNaN: true }), ({ s, support }, u) => {
        const below = (u * 0.999) / support;
        expect(() => targetS0(s, support, below)).toThrow(/^S0/);
        expect(() => targetS0(s, s + 1, 0.5)).toThrow(/^support/);
        expect(() => zipf(s, -u)).toThrow(/^a /);
        expect(() => dirichlet(createRng(1), s, -u, support)).toThrow(/^a /);
        expect(() => targetS0(s, support, Number.NaN)).toThrow(TypeError);
      }),
      { numRuns: 50 },
    );
  });
});
