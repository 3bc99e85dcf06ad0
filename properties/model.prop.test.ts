/**
 * Properties of the statistical language model (src/model): the softmax classifier of Eq (1)
 * reaches the empirical frequencies of Eq (2), the counting and context numbering agree with
 * direct definitions, and generation follows deterministic tables.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contextId, contextTokens } from "../src/model/contextId.ts";
import { countPairs } from "../src/model/countPairs.ts";
import { empiricalNextToken } from "../src/model/empiricalNextToken.ts";
import { sampleText } from "../src/model/sampleText.ts";
import { softmax } from "../src/model/softmax.ts";
import { softmaxConvergenceBound, softmaxMaxStep, trainSoftmax } from "../src/model/trainSoftmax.ts";
import type { CountTable, LanguageModel } from "../src/model/types.ts";
import { createRng } from "../src/rng/index.ts";

/** A count table with s in [2, 5], l = 1, 1..s contexts, entries drawn by `entry`. */
function countTable(entry: fc.Arbitrary<number>): fc.Arbitrary<CountTable> {
  return fc.integer({ min: 2, max: 5 }).chain((s) =>
    fc
      .uniqueArray(fc.integer({ min: 0, max: s - 1 }), { minLength: 1, maxLength: s })
      .chain((contexts) =>
        fc.record({
          s: fc.constant(s),
          contextLength: fc.constant(1),
          contexts: fc.constant(contexts),
          counts: fc.array(fc.array(entry, { minLength: s, maxLength: s }).map((r) => Float64Array.from(r)), {
            minLength: contexts.length,
            maxLength: contexts.length,
          }),
        }),
      ),
  );
}

function l1(a: Float64Array, b: Float64Array): number {
  let d = 0;
  for (let k = 0; k < a.length; k++) d += Math.abs(a[k] - b[k]);
  return d;
}

describe("softmax classifier of Eq (1) versus the estimator of Eq (2)", () => {
  it("with every count positive, t steps of gradient descent land within the a priori bound of p̂, and the loss never increases", () => {
    fc.assert(
      fc.property(
        countTable(fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 100 }))),
        fc.integer({ min: 1, max: 3000 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (table, iterations, fraction) => {
          const eta = fraction * softmaxMaxStep(table);
          const bound = softmaxConvergenceBound(table, eta, iterations);
          let prev = Infinity;
          let increases = 0;
          const { model } = trainSoftmax(table, {
            learningRate: eta,
            iterations,
            onIteration: (_t, _W, loss) => {
              if (loss > prev + 1e-14) increases++;
              prev = loss;
            },
          });
          const target = empiricalNextToken(table);
          expect(increases).toBe(0);
          model.tables.forEach((p, i) => expect(l1(p, target.tables[i])).toBeLessThanOrEqual(bound[i]));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("with a zero count, that token's probability stays positive, decreases strictly at every step, and is at most 1/(eta' t)", () => {
    // eta' = eta N_j / M is the step seen by context j; asymptotically sigma_k ~ (s - #zeros)/(s eta' t).
    fc.assert(
      fc.property(
        countTable(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 }))).filter((t) =>
          t.counts.every((r) => r.some((v) => v > 0)) && t.counts.some((r) => r.some((v) => v === 0)),
        ),
        fc.integer({ min: 1, max: 2000 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (table, iterations, fraction) => {
          const eta = fraction * softmaxMaxStep(table);
          const N = table.counts.map((r) => r.reduce((a, b) => a + b, 0));
          const M = N.reduce((a, b) => a + b, 0);
          let prev: Float64Array[] = table.counts.map((r) => new Float64Array(r.length).fill(1 / r.length));
          let bad = 0;
          trainSoftmax(table, {
            learningRate: eta,
            iterations,
            onIteration: (t, W) => {
              const now = W.map((w) => softmax(w));
              table.counts.forEach((row, i) => {
                const etaJ = (eta * N[i]) / M;
                for (let k = 0; k < row.length; k++) {
                  if (row[k] !== 0) continue;
                  const p = now[i][k];
                  if (!(p > 0 && p < prev[i][k] && p * etaJ * t <= 1)) bad++;
                }
              });
              prev = now;
            },
          });
          expect(bad).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("counting and context ids", () => {
  it("contextTokens inverts contextId", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 70 }).chain((s) => fc.array(fc.integer({ min: 0, max: s - 1 }), { maxLength: 6 }).map((t) => ({ s, t }))),
        ({ s, t }) => {
          expect(contextTokens(contextId(t, s), s, t.length)).toEqual(t);
        },
      ),
    );
  });

  it("countPairs equals a direct tally of (context, next token), M = length - l", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((s) =>
          fc.record({ s: fc.constant(s), l: fc.integer({ min: 0, max: 3 }), tokens: fc.array(fc.integer({ min: 0, max: s - 1 }), { maxLength: 60 }) }),
        ),
        ({ s, l, tokens }) => {
          const table = countPairs(tokens, s, l);
          const direct = new Map<number, number[]>();
          for (let t = l; t < tokens.length; t++) {
            const id = contextId(tokens.slice(t - l, t), s);
            const row = direct.get(id) ?? new Array(s).fill(0);
            row[tokens[t]]++;
            direct.set(id, row);
          }
          expect(table.contexts).toEqual([...direct.keys()].sort((a, b) => a - b));
          table.contexts.forEach((id, i) => expect(Array.from(table.counts[i])).toEqual(direct.get(id)));
        },
      ),
    );
  });

  it("sampleText follows deterministic tables: x_t = f(context)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((s) =>
          fc.integer({ min: 0, max: 2 }).chain((l) =>
            fc.record({
              s: fc.constant(s),
              l: fc.constant(l),
              next: fc.array(fc.integer({ min: 0, max: s - 1 }), { minLength: s ** l, maxLength: s ** l }),
              start: fc.array(fc.integer({ min: 0, max: s - 1 }), { minLength: l, maxLength: l }),
              seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
            }),
          ),
        ),
        ({ s, l, next, start, seed }) => {
          const model: LanguageModel = {
            s,
            contextLength: l,
            contexts: next.map((_, j) => j),
            tables: next.map((k) => Float64Array.from({ length: s }, (_, i) => (i === k ? 1 : 0))),
          };
          const text = sampleText(createRng(seed), model, 30, start);
          const all = [...start, ...text];
          for (let t = l; t < all.length; t++) expect(all[t]).toBe(next[contextId(all.slice(t - l, t), s)]);
        },
      ),
    );
  });
});
