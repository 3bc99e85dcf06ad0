/**
 * A small, fixed VerdictReport with one record of each kind (and one unexpected verdict), for tests
 * and as an example of the shape the renderers take.
 */
import type { ReportRecord, VerdictReport } from "./types.ts";

function record(over: Partial<ReportRecord> & Pick<ReportRecord, "id" | "title" | "kind" | "expected" | "verdict">): ReportRecord {
  return {
    where: "Theorem 1, Eq (6)",
    method: "monte-carlo",
    relation: "equals",
    parameters: { s: 600, n: 10, N: 100, p: [0.5, 0.3, 0.2] },
    predicted: 0.1263,
    estimate: 0.12610000000000002,
    interval: [0.1251, 0.1271],
    replicates: 20000,
    delta: 3.3333333333333335e-8,
    epsilon: 0.0011,
    tightness: 0.9984,
    evidence: "m = 1: estimate 0.1261 vs predicted 0.1263",
    seed: 42,
    hash: "0123456789abcdef",
    ...over,
  };
}

/** The sample report (a fresh copy on each call). */
export function sampleReport(): VerdictReport {
  return {
    tool: "collapse-harness",
    version: "0.1.0",
    commit: "deadbeef",
    seed: 42,
    budget: { delta: 1e-6, correction: "Bonferroni" },
    durationSeconds: 12.5,
    records: [
      record({ id: "thm1-sm", title: "Theorem 1: expected sum of squares S_m", kind: "statement", expected: "holds", verdict: "holds" }),
      record({
        id: "thm1-rho",
        title: "Theorem 1: bounds on rho_m",
        where: "Theorem 1, Eq (7)",
        kind: "statement",
        expected: "holds",
        verdict: "inconclusive",
        relation: "atMost",
        method: "exact",
        replicates: 0,
        delta: 0,
        tightness: null,
        evidence: "rho | m = 3: 0.25 <= 0.3",
      }),
      record({
        id: "thm2-printed",
        title: "Theorem 2 as printed (sign -)",
        where: "Theorem 2, Eq (9)",
        kind: "erratum",
        expected: "refuted",
        verdict: "refuted",
        predicted: 0.1092,
        estimate: 0.1263,
        evidence: "m = 1: estimate 0.1092 vs predicted 0.1263, off by 0.017 = 41 standard errors",
      }),
      record({ id: "multi-context", title: "All contexts at once", where: "beyond the paper", kind: "extension", expected: "holds", verdict: "holds" }),
      record({
        id: "bug-n-minus-1",
        title: "n - 1 samples instead of n",
        kind: "planted-bug",
        expected: "refuted",
        verdict: "refuted",
        caughtBy: "thm1-sm",
        evidence: "off by 0.01 = 9 standard errors",
      }),
    ],
    figures: [
      { id: "fig1", title: "Fully Synthetic on the 2-simplex", files: ["figures/fig1.svg", "figures/fig1.png"] },
      { id: "fig 2", title: "Mean collapse time (n)", files: ["figures/fig 2 (n).png"] },
    ],
  };
}
