/**
 * fast-check properties of the closed forms in src/theory: orderings of bounds on their whole
 * domain, the monotonicity directions the paper states, the m = 0 starts, and a hunt that refutes
 * the printed step in the proof of Theorem 4 (while the corrected step survives every sample).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  collapseProbabilityBounds,
  collapseTimeBounds,
  correctedLambdaStepBound,
  eq9NextSm,
  freshRealSquaredError,
  freshRealSquaredErrorLimit,
  fullySyntheticSm,
  lambdaOfMixture,
  lambdaP,
  maxSyntheticSamples,
  multiContextCollapseProbabilityBounds,
  multiContextMaxCollapseTimeBounds,
  partiallySyntheticLimit,
  partiallySyntheticSm,
  phi,
  piP,
  printedLambdaStepBound,
  psDrift,
  psDriftLimit,
  thm3DeviationBound,
  tokenSegregationBounds,
} from "../src/theory/index.ts";

const EPS = Number.EPSILON;
const n = fc.integer({ min: 1, max: 1_000_000_000 });
const smallN = fc.integer({ min: 1, max: 5000 });
const m = fc.integer({ min: 0, max: 1_000_000_000 });
const unit = fc.double({ min: 0, max: 1, noNaN: true });
/** (support, S0) with S0 in [1/support, 1], as S0 = 1/s + (1 - 1/s) u. */
const supportS0 = fc.tuple(fc.integer({ min: 1, max: 1000 }), unit).map(([support, u]) => ({
  support,
  S0: Math.min(1, 1 / support + (1 - 1 / support) * u),
}));

/** A distribution on s tokens from small integer weights (Dirac masses come up often). */
const distribution = (s: number) =>
  fc
    .array(fc.nat({ max: 4 }), { minLength: s, maxLength: s })
    .filter((w) => w.some((x) => x > 0))
    .map((w) => {
      const z = w.reduce((a, b) => a + b, 0);
      return w.map((x) => x / z);
    });

describe("theory properties", () => {
  it("Eq (7): lower <= upper everywhere, both non-decreasing in m", () => {
    // At m = 0 `lower` is the exact rho_0 (the printed lower side needs m >= 1), so it is compared
    // with the later lower bounds clamped at 0 (they are often negative, i.e. trivial).
    fc.assert(
      fc.property(n, supportS0, m, fc.integer({ min: 1, max: 1000 }), (n, { support, S0 }, m, dm) => {
        const a = collapseProbabilityBounds({ n, S0, support, m });
        const b = collapseProbabilityBounds({ n, S0, support, m: m + dm });
        const lowerOk = m === 0 ? Math.max(0, b.lower) >= a.lower : b.lower >= a.lower - 4 * EPS;
        return a.lower <= a.upper + 4 * EPS && lowerOk && b.upper >= a.upper - 4 * EPS && a.upper <= 1;
      }),
      { numRuns: 1000 },
    );
  });

  it("Eq (8): lower <= tight upper <= upper; increasing in n, non-increasing in S0", () => {
    fc.assert(
      fc.property(smallN, fc.integer({ min: 1, max: 100 }), supportS0, unit, (n, dn, { support, S0 }, v) => {
        const S0b = Math.min(1, S0 + (1 - S0) * v);
        const a = collapseTimeBounds({ n, S0, support });
        const bigger = collapseTimeBounds({ n: n + dn, S0, support });
        const lessDiverse = collapseTimeBounds({ n, S0: S0b, support });
        const r = 1 + 1e-12;
        return (
          a.lower <= a.upperTight * r &&
          a.upperTight <= a.upper * r &&
          bigger.lower >= a.lower && bigger.upper >= a.upper && bigger.upperTight >= a.upperTight / r &&
          lessDiverse.lower <= a.lower * r &&
          lessDiverse.upper <= a.upper * r &&
          lessDiverse.upperTight <= a.upperTight * r
        );
      }),
      { numRuns: 1000 },
    );
  });

  it("Eq (6): S_0 at m = 0, S_m non-decreasing in m, within [S_0, 1]", () => {
    fc.assert(
      fc.property(n, unit, m, fc.integer({ min: 1, max: 1_000_000 }), (n, S0, m, dm) => {
        const a = fullySyntheticSm({ n, S0, m });
        const b = fullySyntheticSm({ n, S0, m: m + dm });
        return fullySyntheticSm({ n, S0, m: 0 }) === S0 && a >= S0 * (1 - 2 * EPS) && b >= a * (1 - 2 * EPS) && b <= 1;
      }),
      { numRuns: 1000 },
    );
  });

  it('Eq (9): "+" gives S_1 = 1/N + (1 - 1/N) S_0 at m = 0, S_m increases to S_inf; "-" misses S_1 when S_0 > 0', () => {
    fc.assert(
      fc.property(smallN, smallN, fc.double({ min: 0.01, max: 1, noNaN: true }), fc.integer({ min: 1, max: 200 }), (N, n, S0, mm) => {
        const S1 = 1 / N + (1 - 1 / N) * S0;
        const plus = eq9NextSm({ N, n, S0, m: 0 });
        const minus = eq9NextSm({ N, n, S0, m: 0, sign: "-" });
        const lim = partiallySyntheticLimit({ N, n, S0 }).SInf;
        const a = partiallySyntheticSm({ N, n, S0, m: mm });
        const b = partiallySyntheticSm({ N, n, S0, m: mm + 1 });
        const ok = Math.abs(plus - S1) <= 4 * EPS && b >= a * (1 - 4 * EPS) && b <= lim * (1 + 4 * EPS);
        return ok && (N === 1 || minus < S1);
      }),
      { numRuns: 1000 },
    );
  });

  it("second moments: D_m increases to D_inf, V_m decreases to V_inf (fresh real data, not in the paper)", () => {
    fc.assert(
      fc.property(smallN, smallN, unit, fc.integer({ min: 1, max: 1000 }), (N, n, S0, mm) => {
        const d0 = psDrift({ N, n, S0, m: mm });
        const d1 = psDrift({ N, n, S0, m: mm + 1 });
        const v0 = freshRealSquaredError({ N, n, S0, m: mm });
        const v1 = freshRealSquaredError({ N, n, S0, m: mm + 1 });
        const r = 1 + 8 * EPS;
        return d0 <= d1 * r && d1 <= psDriftLimit({ N, n, S0 }) * r && v1 <= v0 * r && v1 * r >= freshRealSquaredErrorLimit({ N, n, S0 });
      }),
      { numRuns: 1000 },
    );
  });

  it("token loss: 4 f p(1-p) <= n (1-1/n)^(m-1) p(1-p) for m >= 1", () => {
    fc.assert(
      fc.property(n, unit, fc.integer({ min: 1, max: 1_000_000_000 }), (n, pk, m) => {
        const b = tokenSegregationBounds({ n, pk, m });
        // Equality at n = 2; the powers carry a relative rounding error of about |m log1p(-1/n)| eps.
        const x = n === 1 ? 0 : Math.abs(m * Math.log1p(-1 / n));
        return b.lower <= b.upper * (1 + 4 * EPS * (1 + x));
      }),
      { numRuns: 1000 },
    );
  });

  it("Lemma 1: phi decreasing with phi >= 2; pi_p <= 1/2; greedy brackets the exact pi_p; lambda = pi (1 - pi)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), (x, y) => {
        const [lo, hi] = x < y ? [x, y] : [y, x];
        return phi({ x: hi }) >= 2 && (lo === hi || phi({ x: lo }) >= phi({ x: hi }));
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }).chain(distribution), (p) => {
        const exact = piP({ p });
        const greedy = piP({ p, maxExactSupport: 0 });
        const lambda = lambdaP({ p }).value;
        return exact.value <= 0.5 && greedy.value <= exact.value + 1e-15 && exact.value <= greedy.upper + 1e-15 && Math.abs(lambda - exact.value * (1 - exact.value)) <= 1e-16;
      }),
      { numRuns: 500 },
    );
  });

  it("Eq (11): any n <= nMax (integer, >= 1) keeps Theorem 3's bound below eps", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 100_000 }),
        fc.double({ min: 0, max: 15, noNaN: true }),
        fc.double({ min: -4, max: 0.3, noNaN: true }),
        fc.constantFrom("sqrt2-pi" as const, "sqrt-2pi" as const),
        (s, log10N, log10eps, reading) => {
          const N = Math.max(1, Math.round(10 ** log10N));
          const eps = 10 ** log10eps;
          const r = maxSyntheticSamples({ s, N, eps, reading });
          if (r.nMaxInteger < 1) return true;
          const b = thm3DeviationBound({ N, n: r.nMaxInteger, s });
          return b.regime === "large" && b.value <= eps;
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("multi-context: union lower <= independent lower <= independent upper <= union upper; E[max T] bounds ordered", () => {
    const ctx = fc.tuple(fc.integer({ min: 1, max: 300 }), supportS0).map(([n, { support, S0 }]) => ({ n, S0, support }));
    fc.assert(
      fc.property(fc.array(ctx, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 3000 }), (contexts, m) => {
        const r = multiContextCollapseProbabilityBounds({ contexts, m });
        const e = multiContextMaxCollapseTimeBounds({ contexts });
        const t = 1e-12;
        return (
          r.lower <= r.lowerIndependent + t &&
          r.lowerIndependent <= r.upperIndependent + t &&
          r.upperIndependent <= r.upper + t &&
          e.lower <= e.lowerEnvelope * (1 + t) &&
          e.lowerEnvelope <= e.upper * (1 + t)
        );
      }),
      { numRuns: 500 },
    );
  });

  describe("Theorem 4, proof step: lambda((N p1 + n pHat)/(N+n)) <= bound(lambda(p1))", () => {
    const pair = fc.integer({ min: 2, max: 5 }).chain((s) => fc.tuple(distribution(s), distribution(s)));
    const sizes = fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }));

    it("fast-check finds a counterexample to the PRINTED step 1/4 - (1/4 - lambda(p1))(N/(N+n))^2", () => {
      const printed = fc.property(pair, sizes, ([p1, pHat], [N, n]) => {
        const lhs = lambdaOfMixture({ N, n, p1, pHat });
        return lhs <= printedLambdaStepBound({ N, n, lambda1: lambdaP({ p: p1 }).value }) + 1e-15;
      });
      const run = fc.check(printed, { seed: 20240405, numRuns: 2000 });
      expect(run.failed).toBe(true);
      const [[p1, pHat], [N, n]] = run.counterexample as [[number[], number[]], [number, number]];
      const lhs = lambdaOfMixture({ N, n, p1, pHat });
      expect(lhs).toBeGreaterThan(printedLambdaStepBound({ N, n, lambda1: lambdaP({ p: p1 }).value }));
      expect(lhs).toBeLessThanOrEqual(correctedLambdaStepBound({ N, n, lambda1: lambdaP({ p: p1 }).value }) + 1e-15);
    });

    it("the CORRECTED step (N^2 lambda1 + Nn + n^2/4)/(N+n)^2 holds on every sample", () => {
      fc.assert(
        fc.property(pair, sizes, ([p1, pHat], [N, n]) => {
          const lhs = lambdaOfMixture({ N, n, p1, pHat });
          return lhs <= correctedLambdaStepBound({ N, n, lambda1: lambdaP({ p: p1 }).value }) + 1e-15;
        }),
        { numRuns: 2000 },
      );
    });
  });
});
