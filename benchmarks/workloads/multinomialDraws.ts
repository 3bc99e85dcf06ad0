/**
 * Workload 1: single Multinomial(n, p) draws, three shapes; and the cost against s at fixed n.
 * Harness: `multinomial` (validates p, allocates the counts, like numpy) and `multinomialOnSupport`
 * (the engine's path: weights over a support, no allocation). Peer: rng.multinomial(n, p).
 */
import { targetS0, zipf } from "../../src/init/index.ts";
import { createRng } from "../../src/rng/index.ts";
import { multinomial, multinomialOnSupport } from "../../src/sample/index.ts";
import { ratioOf, runCase, type BenchContext, type CaseSpec } from "../runCase.ts";
import { targetAtMost } from "../targets.ts";
import { perCall } from "../timing.ts";
import type { CaseResult, WorkloadResult } from "../types.ts";

export const MULTINOMIAL = "multinomial";
export const ON_SUPPORT = "multinomialOnSupport";
export const NUMPY_MULTINOMIAL = "rng.multinomial";

/** Seconds of timing per side and repetition of a micro benchmark. */
export function microBudget(ctx: BenchContext): number {
  return ctx.quick ? 0.01 : 0.25;
}

function supportOf(p: Float64Array): Int32Array {
  const ids: number[] = [];
  p.forEach((v, i) => v > 0 && ids.push(i));
  return Int32Array.from(ids);
}

/** The case of one (n, p): both harness entry points against numpy. */
export function multinomialCase(ctx: BenchContext, id: string, label: string, n: number, p: Float64Array, parameters: Record<string, number | string>): CaseSpec {
  const budget = microBudget(ctx);
  const rng = createRng(ctx.seed);
  const support = supportOf(p);
  const out = new Int32Array(p.length);
  const pList = Array.from(p);
  return {
    id,
    label,
    unit: "call",
    parameters: { n, s: p.length, support: support.length, ...parameters },
    harness: [
      { name: MULTINOMIAL, run: async () => ({ seconds: await perCall(() => multinomial(rng, n, p)[support[0]], budget) }) },
      {
        name: ON_SUPPORT,
        run: async () => ({
          seconds: await perCall(() => {
            multinomialOnSupport(rng, n, p, support, support.length, out);
            return out[support[0]];
          }, budget),
        }),
      },
    ],
    peers: [{ name: NUMPY_MULTINOMIAL, op: "multinomial.draw", args: { n, p: pList, seed: ctx.seed, budget_s: budget } }],
  };
}

/**
 * Workload 1: the three multinomial shapes of issue 4, `multinomial` and `multinomialOnSupport` against rng.multinomial.
 * @example (await multinomialWorkload(ctx)).cases.length; // => 3
 */
export async function multinomialWorkload(ctx: BenchContext): Promise<WorkloadResult> {
  const zipf1000 = zipf(1000, 1);
  const shapes: Array<[string, string, number, Float64Array, Record<string, string>]> = [
    ["n1e6-s1000", "n = 1e6, s = 1000, Zipf(1) p", 1e6, zipf1000, { p: "Zipf, exponent 1" }],
    ["n1000-s1000", "n = 1000, s = 1000, Zipf(1) p", 1000, zipf1000, { p: "Zipf, exponent 1" }],
    ["n10-s600-support52", "n = 10, s = 600, support 52 (S0 = 0.1)", 10, targetS0(600, 52, 0.1), { p: "targetS0(600, 52, 0.1)" }],
  ];
  const cases: CaseResult[] = [];
  for (const [id, label, n, p, params] of shapes) cases.push(await runCase(ctx, multinomialCase(ctx, id, label, n, p, params)));
  const targets = cases.map((c) => {
    const t = targetAtMost(`multinomial ${c.label}`, "harness / numpy <= 1 (multinomial, validating and allocating like numpy)", ratioOf(c, MULTINOMIAL, NUMPY_MULTINOMIAL), 1);
    const onSupport = ratioOf(c, ON_SUPPORT, NUMPY_MULTINOMIAL);
    if (onSupport !== null) t.verdict += `; multinomialOnSupport: ${onSupport.toPrecision(3)}`;
    return t;
  });
  return {
    id: "multinomial",
    title: "Multinomial draws",
    description: [
      "Harness `multinomial(rng, n, p)`: validates p and collects its support (one O(s) pass), allocates the s counts, then draws over the k positive entries: conditional binomials when n >= 2k (4k for k >= 128), categorical counting otherwise.",
      "Harness `multinomialOnSupport(rng, n, p, support, k, out)`: the engine's path, over the support of p only, no allocation.",
      "numpy `rng.multinomial(n, p)` on the full vector p (numpy.random.Generator, PCG64), one call at a time.",
      "Times are per call: mitata (harness) and batched perf_counter loops (numpy), median of batches.",
    ],
    cases,
    targets,
  };
}

/** The cost of one draw against s at fixed n = 1000 (Zipf(1) p), for the plot. */
export async function multinomialScalingWorkload(ctx: BenchContext): Promise<WorkloadResult> {
  const n = 1000;
  const ss = ctx.quick ? [100, 1000, 10000] : [100, 300, 1000, 3000, 10000];
  const cases: CaseResult[] = [];
  for (const s of ss) {
    cases.push(await runCase(ctx, multinomialCase(ctx, `s${s}`, `n = ${n}, s = ${s}, Zipf(1) p`, n, zipf(s, 1), { p: "Zipf, exponent 1" })));
  }
  return {
    id: "multinomial-vs-s",
    title: "Multinomial draws against the vocabulary size s (n = 1000)",
    description: ["As workload 1, for s = " + ss.join(", ") + " at n = 1000 (Zipf(1) p): how the cost of one draw grows with s."],
    cases,
    targets: [],
  };
}
