/**
 * Workload 5: the exact Fully Synthetic chain, solved by `fullySyntheticExact(p, n, { M: 50 })`:
 * s = 2, n = 2000 (against a dense numpy.linalg.solve on the binomial transition matrix) and
 * s = 3, n = 60 (harness only).
 */
import { fullySyntheticExact } from "../../src/exact/index.ts";
import { runCase, type BenchContext, type PeerAnswer } from "../runCase.ts";
import { timeOnce } from "../timing.ts";
import type { CaseResult, WorkloadResult } from "../types.ts";

/**
 * Workload 5: the time to solve the exact chain (s = 2, n = 2000 against numpy; s = 3, n = 60 alone).
 * @example (await exactChainWorkload(ctx)).cases.map((c) => c.id); // => ["s2-n2000", "s3-n60"]
 */
export async function exactChainWorkload(ctx: BenchContext): Promise<WorkloadResult> {
  const reps = Math.min(ctx.reps, 3);
  const n2 = ctx.quick ? 200 : 2000;
  const n3 = ctx.quick ? 15 : 60;
  const M = 50;
  const cases: CaseResult[] = [];
  let harnessET = Number.NaN;
  let numpyET = Number.NaN;
  const two = await runCase(
    ctx,
    {
      id: `s2-n${n2}`,
      label: `s = 2, n = ${n2}, p = (0.7, 0.3)`,
      unit: "call",
      reps,
      parameters: { s: 2, n: n2, M, p: "0.7,0.3" },
      harness: [
        {
          name: "fullySyntheticExact",
          run: () => {
            const { seconds, value } = timeOnce(() => fullySyntheticExact([0.7, 0.3], n2, { M }));
            harnessET = value.expectedCollapseTime;
            return { seconds, checksum: value.expectedCollapseTime };
          },
        },
      ],
      peers: [{ name: "numpy.linalg.solve (dense)", op: "exact_chain.two_tokens", args: { p1: 0.7, n: n2, M, seed: ctx.seed } }],
    },
    (_name, answer: PeerAnswer) => (numpyET = Number(answer.expectedCollapseTime)),
  );
  two.notes = [`E[T]: harness ${harnessET}, numpy ${Number.isNaN(numpyET) ? "n/a" : numpyET} (relative difference ${Number.isNaN(numpyET) ? "n/a" : (Math.abs(harnessET - numpyET) / harnessET).toExponential(2)}).`];
  cases.push(two);
  cases.push(
    await runCase(ctx, {
      id: `s3-n${n3}`,
      label: `s = 3, n = ${n3}, p = (0.5, 0.3, 0.2)`,
      unit: "call",
      reps,
      parameters: { s: 3, n: n3, M, p: "0.5,0.3,0.2" },
      harness: [
        {
          name: "fullySyntheticExact",
          run: () => {
            const { seconds, value } = timeOnce(() => fullySyntheticExact([0.5, 0.3, 0.2], n3, { M }));
            return { seconds, checksum: value.expectedCollapseTime };
          },
        },
      ],
      peers: [],
      notes: ["Harness only (no numpy peer for s = 3)."],
    }),
  );
  return {
    id: "exact",
    title: "Exact chain",
    description: [
      "Harness: `fullySyntheticExact(p, n, { M: 50 })`: E[T], absorption probabilities, first-loss time (linear solves) and rho_m, P(T > m), S_m for m <= 50.",
      "numpy (s = 2 only): the (n+1) x (n+1) binomial transition matrix, one dense `numpy.linalg.solve` for E[T] and P(limit = delta_1), and rho_m by propagation (no first-loss time or S_m), BLAS on one thread.",
      `At most ${reps} repetitions.`,
    ],
    cases,
    targets: [],
  };
}
