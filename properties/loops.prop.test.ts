/** Invariants of the recursive-training engine (src/loops), for arbitrary p^(0), sizes and seeds. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SparseCounts } from "../src/measure/sparseCounts.ts";
import { createRng } from "../src/rng/index.ts";
import { SETTINGS, simulateRun, simulateRuns, type Setting, type SimulationConfig } from "../src/loops/index.ts";
import { distributionArbitrary } from "./distributions.ts";

/** A probability vector over 1..10 tokens, some of them zero. */
const distribution = distributionArbitrary({ minTokens: 1, maxTokens: 10, maxWeight: 100 });

const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });

function supportOf(model: SparseCounts): Set<number> {
  const out = new Set<number>();
  for (let j = 0; j < model.k; j++) if (model.counts[j] > 0) out.add(model.ids[j]);
  return out;
}

function trajectory(sd: number, config: SimulationConfig): Map<number, number>[] {
  const out: Map<number, number>[] = [];
  simulateRun(createRng(sd), config, (_m, model) => {
    const c = new Map<number, number>();
    for (let j = 0; j < model.k; j++) c.set(model.ids[j], (c.get(model.ids[j]) ?? 0) + model.counts[j]);
    out.push(c);
  });
  return out;
}

describe("loops properties", () => {
  it("fully synthetic never revives a dead token; the support shrinks monotonically", () => {
    fc.assert(
      fc.property(distribution, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 40 }), seed, (p0, n, G, sd) => {
        let previous = new Set(p0.flatMap((x, i) => (x > 0 ? [i] : [])));
        const sizes: number[] = [];
        const rec = simulateRun(createRng(sd), { setting: "fully-synthetic", p0, n, generations: G }, (_m, model) => {
          const now = supportOf(model);
          for (const i of now) expect(previous.has(i)).toBe(true);
          previous = now;
          sizes.push(now.size);
        });
        for (let m = 1; m < rec.supportSize.length; m++) expect(rec.supportSize[m]).toBeLessThanOrEqual(rec.supportSize[m - 1]);
        expect(rec.supportSize.slice(1)).toEqual(sizes);
      }),
      { numRuns: 150 },
    );
  });

  it("partially synthetic never loses a token of the real sample: p^(m) >= N r / (N + n)", () => {
    fc.assert(
      fc.property(distribution, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), seed, (p0, n, N, sd) => {
        const models = trajectory(sd, { setting: "partially-synthetic", p0, n, N, generations: 15 });
        const real = models[0]; // p^(1) is trained on the N real samples alone
        for (const c of models.slice(1)) for (const [i, r] of real) expect(c.get(i) ?? 0).toBeGreaterThanOrEqual(r);
      }),
      { numRuns: 150 },
    );
  });

  it("counts sum to n^(m) as the schedule says, in every setting", () => {
    const expected = (setting: Setting, m: number, n: number, N: number, K: number): number => {
      switch (setting) {
        case "fully-synthetic":
        case "randomly-sampled":
          return n;
        case "partially-synthetic":
        case "partially-synthetic-fresh":
          return m === 1 ? N : N + n;
        case "most-recent":
          return Math.min(m, K) * Math.floor(n / K);
        case "accumulate":
          return N + (m - 1) * n;
      }
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...SETTINGS),
        distribution,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 5 }),
        seed,
        (setting, p0, n, N, K0, sd) => {
          const K = Math.min(K0, n);
          let m = 0;
          const rec = simulateRun(createRng(sd), { setting, p0, n, N, K, generations: 12 }, (g, model) => {
            m++;
            expect(g).toBe(m);
            let sum = 0;
            for (let j = 0; j < model.k; j++) sum += model.counts[j];
            expect(sum).toBe(model.total);
            expect(model.total).toBe(expected(setting, g, n, N, K));
          });
          expect(rec.trainingSize.slice(1)).toEqual(Array.from({ length: 12 }, (_, i) => expected(setting, i + 1, n, N, K)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("the same seed gives the same output; run r does not depend on how many runs are asked", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SETTINGS), distribution, fc.integer({ min: 1, max: 20 }), seed, fc.integer({ min: 1, max: 4 }), (setting, p0, n, sd, runs) => {
        const config: SimulationConfig = { setting, p0, n, N: 7, K: 1, generations: 8 };
        expect(simulateRun(createRng(sd), config)).toEqual(simulateRun(createRng(sd), config));
        const many = simulateRuns(sd, config, runs);
        const more = simulateRuns(sd, config, runs + 2);
        expect(more.slice(0, runs)).toEqual(many);
        expect(simulateRuns(sd, config, 1, undefined, runs - 1)[0]).toEqual(many[runs - 1]);
      }),
      { numRuns: 60 },
    );
  });
});
