/**
 * Workload 2: Binomial(n, p) draws across regimes. Harness: a loop of `size` draws from
 * `binomialSampler(n, p)` (set up once, like numpy's vectorised call) and of `binomialUnchecked`
 * (set up per draw, as the conditional-binomial multinomial uses it). Peer: rng.binomial(n, p, size).
 */
import { createRng } from "../../src/rng/index.ts";
import { binomialSampler, binomialUnchecked } from "../../src/sample/index.ts";
import { ratioOf, runCase, type BenchContext } from "../runCase.ts";
import { perCall } from "../timing.ts";
import type { CaseResult, WorkloadResult } from "../types.ts";
import { microBudget } from "./multinomialDraws.ts";

/**
 * Workload 2: Binomial(n, p) for n in {20, 1e3, 1e6} and p in {0.3, 1e-3}, per draw, against rng.binomial(n, p, size).
 * @example (await binomialWorkload(ctx)).cases.length; // => 6
 */
export async function binomialWorkload(ctx: BenchContext): Promise<WorkloadResult> {
  const size = ctx.quick ? 500 : 10_000;
  const budget = microBudget(ctx);
  const cases: CaseResult[] = [];
  for (const n of [20, 1e3, 1e6]) {
    for (const p of [0.3, 1e-3]) {
      const rng = createRng(ctx.seed);
      const draw = binomialSampler(n, p);
      const out = new Int32Array(size);
      cases.push(
        await runCase(ctx, {
          id: `n${n}-p${p}`,
          label: `n = ${n}, p = ${p}`,
          unit: "draw",
          parameters: { n, p, size },
          harness: [
            {
              name: "binomialSampler",
              run: async () => ({
                seconds:
                  (await perCall(() => {
                    for (let i = 0; i < size; i++) out[i] = draw(rng);
                    return out[0] + out[size - 1];
                  }, budget)) / size,
              }),
            },
            {
              name: "binomialUnchecked",
              run: async () => ({
                seconds:
                  (await perCall(() => {
                    for (let i = 0; i < size; i++) out[i] = binomialUnchecked(rng, n, p);
                    return out[0] + out[size - 1];
                  }, budget)) / size,
              }),
            },
          ],
          peers: [{ name: "rng.binomial", op: "binomial.draws", args: { n, p, size, seed: ctx.seed, budget_s: budget }, perUnit: (a) => a.seconds / size }],
        }),
      );
    }
  }
  const worst = Math.max(...cases.map((c) => ratioOf(c, "binomialSampler", "rng.binomial") ?? Number.NaN));
  return {
    id: "binomial",
    title: "Binomial draws",
    description: [
      `Harness: ${size} draws into an Int32Array per call, from \`binomialSampler(n, p)\` (constants precomputed) and from \`binomialUnchecked(rng, n, p)\` (per-draw setup). Inversion below mean 10, BTRD above.`,
      `numpy: \`rng.binomial(n, p, ${size})\`, one vectorised call. Times are per draw.`,
      Number.isFinite(worst) ? `Largest harness / numpy ratio (binomialSampler): ${worst.toPrecision(3)}.` : "No numpy numbers.",
    ],
    cases,
    targets: [],
  };
}
