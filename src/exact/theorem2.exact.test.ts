/**
 * Theorem 2, Eq (9), and the Sect. 4.3 deviation formula checked on the exactly computed
 * Partially Synthetic chain, averaged over the real data r ~ Multinomial(N, p).
 */
import { describe, expect, it } from "vitest";
import { partiallySyntheticAveragedTrajectory } from "./partiallySyntheticTrajectory.ts";

/** Eq (9): S_{m+1} for m >= 1, with the sign of the (alpha/N) beta^m term as a parameter. */
function eq9(S0: number, N: number, n: number, m: number, sign: 1 | -1): number {
  const a = n / (N + n);
  const beta = a * ((1 + 1 / N) * a - 1 / N);
  const den = 1 + (1 + 1 / N) * a;
  return (
    ((1 / N) * (1 + 2 * a - (1 - 1 / N) * a * beta ** m)) / den +
    ((1 - 1 / N) * S0 * (1 + a + sign * (a / N) * beta ** m)) / den
  );
}

const settings: Array<{ p: number[]; N: number; n: number }> = [
  { p: [0.5, 0.3, 0.2], N: 5, n: 4 },
  { p: [0.5, 0.3, 0.2], N: 3, n: 10 },
  { p: [0.6, 0.4], N: 10, n: 10 },
  { p: [0.1, 0.2, 0.3, 0.4], N: 4, n: 3 },
  { p: [0.7, 0, 0.3], N: 8, n: 2 },
];

describe("Theorem 2 on the exact Partially Synthetic chain", () => {
  const M = 12;
  const results = settings.map((c) => ({ ...c, t: partiallySyntheticAveragedTrajectory(c.p, c.N, c.n, M) }));

  it("Eq (9) with the corrected '+' sign equals the exact S_{m+1} for 1 <= m < M, to 1e-12; S_1 = 1/N + (1 - 1/N) S_0", () => {
    for (const { p, N, n, t } of results) {
      const S0 = p.reduce((a, b) => a + b * b, 0);
      expect(t.S[1]).toBeCloseTo(1 / N + (1 - 1 / N) * S0, 13);
      for (let m = 1; m < M; m++) expect(Math.abs(t.S[m + 1] - eq9(S0, N, n, m, 1))).toBeLessThan(1e-12);
    }
  });

  it("Eq (9) as printed ('-' sign) is off at m = 1 by 2 (1 - 1/N) S_0 (alpha/N) beta / (1 + (1 + 1/N) alpha)", () => {
    for (const { p, N, n, t } of results) {
      const S0 = p.reduce((a, b) => a + b * b, 0);
      const a = n / (N + n);
      const beta = a * ((1 + 1 / N) * a - 1 / N);
      const gap = (2 * (1 - 1 / N) * S0 * (a / N) * beta) / (1 + (1 + 1 / N) * a);
      expect(t.S[2] - eq9(S0, N, n, 1, -1)).toBeCloseTo(gap, 12);
      expect(gap).toBeGreaterThan(1e-4);
    }
  });

  it("S_m stays below 1 - gamma, gamma = (1 - 1/N)(1 + alpha)(1 - S_0)/(1 + (1 + 1/N) alpha), for m >= 2", () => {
    for (const { p, N, n, t } of results) {
      const S0 = p.reduce((a, b) => a + b * b, 0);
      const a = n / (N + n);
      const gamma = ((1 - 1 / N) * (1 + a) * (1 - S0)) / (1 + (1 + 1 / N) * a);
      for (let m = 2; m <= M; m++) expect(t.S[m]).toBeLessThan(1 - gamma + 1e-15);
    }
  });

  it("Sect. 4.3: E||p^(m) - p^(1)||^2 = (alpha^2/n)(1 - S_1)(1 - beta^(m-1))/(1 - beta)", () => {
    for (const { p, N, n, t } of results) {
      const S0 = p.reduce((a, b) => a + b * b, 0);
      const S1 = 1 / N + (1 - 1 / N) * S0;
      const a = n / (N + n);
      const beta = a * a * (1 - 1 / n);
      for (let m = 1; m <= M; m++) {
        const D = ((a * a) / n) * (1 - S1) * ((1 - beta ** (m - 1)) / (1 - beta));
        expect(Math.abs(t.l2FromFirst[m] - D)).toBeLessThan(1e-12);
      }
    }
  });
});
