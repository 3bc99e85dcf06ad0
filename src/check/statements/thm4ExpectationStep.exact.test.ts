// Exact checks: the Partially Synthetic chain enumerated; an independent BigInt rational oracle.
import { describe, expect, it } from "vitest";
import { bestSplitProduct, partiallySyntheticExpectedLambda } from "../../exact/partiallySyntheticLambda.ts";
import { partiallySyntheticAveragedTrajectory } from "../../exact/partiallySyntheticTrajectory.ts";
import { decideVerdict } from "../decide.ts";
import { runCheck } from "../runCheck.ts";
import { expectationStepMeasurement, printedExpectationBound, thm4ExpectationStepStatement } from "./thm4ExpectationStep.ts";

/** Exact rational E[lambda(p^(m))], m = 1..M, by enumerating every path (r, Y^(2), ..., Y^(M)); p given by integer weights. */
function oracleExpectedLambda(weights: number[], N: number, n: number, M: number): Array<[bigint, bigint]> {
  const s = weights.length;
  const W = BigInt(weights.reduce((a, b) => a + b, 0));
  const fact = (k: number): bigint => (k <= 1 ? 1n : BigInt(k) * fact(k - 1));
  const compositions = (total: number, parts: number): number[][] =>
    parts === 1 ? [[total]] : Array.from({ length: total + 1 }, (_, c) => compositions(total - c, parts - 1).map((rest) => [c, ...rest])).flat();
  // multinomial probability of counts x under integer weights w (sum Wsum), as [num, den]
  const pmf = (x: number[], w: number[], Wsum: bigint): [bigint, bigint] => {
    let coef = fact(x.reduce((a, b) => a + b, 0));
    for (const xi of x) coef /= fact(xi);
    let pow = 1n;
    for (let i = 0; i < x.length; i++) pow *= BigInt(w[i]) ** BigInt(x[i]);
    return [coef * pow, Wsum ** BigInt(x.reduce((a, b) => a + b, 0))];
  };
  const sums: Array<[bigint, bigint]> = Array.from({ length: M + 1 }, () => [0n, 1n]);
  const add = (m: number, num: bigint, den: bigint) => {
    const [a, b] = sums[m];
    sums[m] = [a * den + num * b, b * den];
  };
  const walk = (r: number[], counts: number[], m: number, num: bigint, den: bigint) => {
    // counts: the integer weights of p^(m) (over a total of N or N + n)
    const total = counts.reduce((a, b) => a + b, 0);
    add(m, num * BigInt(bestSplitProduct(counts)), den * BigInt(total) ** 2n);
    if (m === M) return;
    for (const y of compositions(n, s)) {
      const [pn, pd] = pmf(y, counts, BigInt(total));
      if (pn === 0n) continue;
      walk(r, r.map((ri, i) => ri + y[i]), m + 1, num * pn, den * pd);
    }
  };
  for (const r of compositions(N, s)) {
    const [pn, pd] = pmf(r, weights, W);
    if (pn !== 0n) walk(r, r, 1, pn, pd);
  }
  return sums;
}

const ratio = ([a, b]: [bigint, bigint]): number => {
  // a / b to double precision: scale by 2^60 before the integer division
  const scaled = (a << 60n) / b;
  return Number(scaled) / 2 ** 60;
};

describe("partiallySyntheticExpectedLambda", () => {
  it("for s = 2, lambda = (1 - ||q||^2)/2, so E lambda_m = (1 - S_m)/2 with S_m of the exact trajectory (an independent computation)", () => {
    for (const [p, N, n] of [
      [[0.3, 0.7], 4, 3],
      [[0.5, 0.5], 6, 6],
      [[0.9, 0.1], 2, 5],
    ] as Array<[number[], number, number]>) {
      const lambda = partiallySyntheticExpectedLambda(p, N, n, 5);
      const S = partiallySyntheticAveragedTrajectory(p, N, n, 5).S;
      for (let m = 1; m <= 5; m++) expect(Math.abs(lambda[m] - (1 - S[m]) / 2)).toBeLessThan(1e-14);
    }
  });
  it("equals an exact rational oracle (every path enumerated in BigInt) for s = 3 and s = 4 to 1e-14", () => {
    for (const [weights, N, n, M] of [
      [[5, 3, 2], 2, 2, 4],
      [[1, 1, 1], 3, 2, 3],
      [[4, 3, 2, 1], 2, 1, 4],
    ] as Array<[number[], number, number, number]>) {
      const total = weights.reduce((a, b) => a + b, 0);
      const lambda = partiallySyntheticExpectedLambda(
        weights.map((w) => w / total),
        N,
        n,
        M,
      );
      const oracle = oracleExpectedLambda(weights, N, n, M);
      for (let m = 1; m <= M; m++) expect(Math.abs(lambda[m] - ratio(oracle[m]))).toBeLessThan(1e-14);
    }
  });
  it("bestSplitProduct is max_A c(A)(T - c(A)) in integers", () => {
    expect(bestSplitProduct([2, 1, 1])).toBe(4);
    expect(bestSplitProduct([5, 1])).toBe(5);
    expect(bestSplitProduct([3])).toBe(0);
    expect(bestSplitProduct([3, 3, 2])).toBe(15);
  });
});

describe("thm4-expectation-step", () => {
  const st = thm4ExpectationStepStatement();
  it("is an extension expected to hold, and its title says unproven", () => {
    expect([st.kind, st.expected, st.method]).toEqual(["extension", "holds", "exact"]);
    expect(st.title).toMatch(/unproven/);
  });
  it("holds at every exact point (s <= 4, N, n <= 6, k <= 4) with positive least slack", () => {
    for (const point of st.points) {
      const rec = runCheck(st, point, { seed: 1, delta: 1e-8, extended: false });
      expect(rec.verdict).toBe("holds");
      expect(rec.predicted - rec.estimate).toBeGreaterThan(1e-3);
    }
  });
  it("can fail: a bound smaller by twice the least slack is refuted on the same exact chain", () => {
    const point = st.points[0];
    const m = expectationStepMeasurement(point);
    const slack = m.predicted - m.estimate;
    const lowered = expectationStepMeasurement(point, (N, n, l1) => printedExpectationBound(N, n, l1) - 2 * slack);
    expect(decideVerdict(lowered.relation, lowered.predicted, lowered.interval, lowered.range)).toBe("refuted");
  });
  it("the cross term is needed in expectation too: (1-a)^2 E lambda_1 + a^2/4 (the printed bound less a(1-a)/2) is refuted", () => {
    const m = expectationStepMeasurement(st.points[0], (N, n, l1) => printedExpectationBound(N, n, l1) - (N * n) / (2 * (N + n) ** 2));
    expect(decideVerdict(m.relation, m.predicted, m.interval, m.range)).toBe("refuted");
  });
});
