/** Invariants of the samplers (src/sample) for arbitrary parameters, weights, supports and seeds. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRng } from "../src/rng/index.ts";
import { binomial, binomialSampler, BINOMIAL_MAX_N } from "../src/sample/binomial.ts";
import { categoricalSampler } from "../src/sample/categorical.ts";
import {
  multinomial,
  multinomialOnSupport,
  multinomialOnSupportWith,
  type MultinomialMethod,
} from "../src/sample/multinomial.ts";

const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const count = fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: BINOMIAL_MAX_N }));
const probability = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.constantFrom(0, 1, 1e-15, 1 - 1e-15, 0.5, 1e-300),
);
/** Non-negative weights (integers or floats, some zero) with a positive sum. */
const weights = fc
  .array(
    fc.oneof(
      fc.constant(0),
      fc.integer({ min: 1, max: 1000 }),
      fc.double({ min: 1e-12, max: 1e6, noNaN: true }),
    ),
    { minLength: 1, maxLength: 80 },
  )
  .filter((w) => w.some((x) => x > 0));
/** Weights, a support (distinct indices in some order) with a positive weight sum, and n. */
const supportCase = weights
  .chain((w) =>
    fc.record({
      w: fc.constant(w),
      support: fc.shuffledSubarray(Array.from(w.keys()), { minLength: 1 }).filter((s) => s.some((i) => w[i] > 0)),
      n: count,
    }),
  );
const method = fc.constantFrom<MultinomialMethod | "auto">("binomial", "categorical", "auto");

/** Forced categorical counting costs O(n): it gets n mod 5001. */
function runSupport(sd: number, nAny: number, w: number[], support: number[], m: MultinomialMethod | "auto"): Int32Array {
  const n = m === "categorical" ? nAny % 5001 : nAny;
  const out = new Int32Array(w.length).fill(-1);
  const sup = Int32Array.from(support);
  if (m === "auto") multinomialOnSupport(createRng(sd), n, w, sup, sup.length, out);
  else multinomialOnSupportWith(createRng(sd), n, w, sup, sup.length, out, m);
  return out;
}

describe("binomial", () => {
  it("is an integer in [0, n], the same for the same seed, and equal to the sampler's draw", () => {
    fc.assert(
      fc.property(seed, count, probability, (sd, n, p) => {
        const a = createRng(sd);
        const b = createRng(sd);
        const draw = binomialSampler(n, p);
        for (let t = 0; t < 5; t++) {
          const x = binomial(a, n, p);
          expect(Number.isInteger(x) && x >= 0 && x <= n).toBe(true);
          expect(draw(b)).toBe(x);
        }
        if (p === 0) expect(binomial(a, n, p)).toBe(0);
        if (p === 1) expect(binomial(a, n, p)).toBe(n);
      }),
      { numRuns: 300 },
    );
  });
});

describe("multinomialOnSupport", () => {
  it("counts lie in [0, n], sum to n, are zero on zero weights, and touch only the support", () => {
    fc.assert(
      fc.property(seed, supportCase, method, (sd, { w, support, n: nAny }, m) => {
        let n = nAny;
        const out = runSupport(sd, nAny, w, support, m);
        if (m === "categorical") n %= 5001;
        let total = 0;
        for (const i of support) {
          expect(out[i]).toBeGreaterThanOrEqual(0);
          expect(out[i]).toBeLessThanOrEqual(n);
          if (w[i] === 0) expect(out[i]).toBe(0);
          total += out[i];
        }
        expect(total).toBe(n);
        const inSupport = new Set(support);
        for (let i = 0; i < w.length; i++) if (!inSupport.has(i)) expect(out[i]).toBe(-1);
      }),
      { numRuns: 300 },
    );
  });
  it("gives the same output for the same seed", () => {
    fc.assert(
      fc.property(seed, supportCase, method, (sd, { w, support, n }, m) => {
        expect(runSupport(sd, n, w, support, m)).toEqual(runSupport(sd, n, w, support, m));
      }),
      { numRuns: 100 },
    );
  });
});

describe("multinomial and categoricalSampler", () => {
  const distribution = weights.map((w) => {
    const t = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / t);
  });
  it("multinomial counts sum to n, vanish on zero probabilities, and repeat with the seed", () => {
    fc.assert(
      fc.property(seed, distribution, fc.integer({ min: 0, max: 100000 }), (sd, p, n) => {
        const x = multinomial(createRng(sd), n, p);
        expect(x.length).toBe(p.length);
        expect(x.reduce((a, b) => a + b, 0)).toBe(n);
        p.forEach((pi, i) => {
          if (pi === 0) expect(x[i]).toBe(0);
        });
        expect(multinomial(createRng(sd), n, p)).toEqual(x);
      }),
      { numRuns: 200 },
    );
  });
  it("categoricalSampler returns categories of positive probability", () => {
    fc.assert(
      fc.property(seed, distribution, (sd, p) => {
        const draw = categoricalSampler(p);
        const rng = createRng(sd);
        for (let t = 0; t < 50; t++) {
          const i = draw(rng);
          expect(Number.isInteger(i) && i >= 0 && i < p.length && p[i] > 0).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
