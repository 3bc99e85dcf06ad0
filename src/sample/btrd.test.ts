/**
 * Deterministic checks of BTRD's exact-ratio pieces (the distributional tests are in
 * binomial.test.ts): the Stirling remainders fc and the log1p form of log f(k) / f(m) against
 * independent references, to ~1e-12, far beyond what a chi-square test can see.
 */
import { describe, expect, it } from "vitest";
import gammaln from "@stdlib/math-base-special-gammaln";
import { btrdLogRatio } from "./btrd.ts";
import { stirlingCorrection } from "./stirlingCorrection.ts";

/** log f(k) / f(m) as a sum of log((n + 1 - i) p / (i q)), i from min+1 to max (error ~ |k - m| ulp). */
function logRatioBySum(n: number, p: number, m: number, k: number): number {
  const q = 1 - p;
  let s = 0;
  for (let i = Math.min(k, m) + 1; i <= Math.max(k, m); i++) s += Math.log(((n + 1 - i) * p) / (i * q));
  return k > m ? s : -s;
}

describe("stirlingCorrection", () => {
  it("equals ln k! - (k + 1/2) ln(k + 1) + (k + 1) - ln sqrt(2 pi), on both sides of the table", () => {
    for (let k = 0; k <= 200; k++) {
      const exact = gammaln(k + 1) - (k + 0.5) * Math.log(k + 1) + (k + 1) - 0.5 * Math.log(2 * Math.PI);
      expect(Math.abs(stirlingCorrection(k) - exact)).toBeLessThan(2e-13 * Math.max(1, Math.log(k + 2)));
    }
    expect(stirlingCorrection(0)).toBeCloseTo(1 - 0.5 * Math.log(2 * Math.PI), 15);
  });
});

describe("btrdLogRatio", () => {
  it("matches the product form of f(k) / f(m) for n up to 2^31 - 1", () => {
    for (const n of [25, 1000, 1e6, 2 ** 31 - 1]) {
      for (const p of [10 / n + 1e-3, 0.01, 0.3, 0.5]) {
        if (n * p < 10 || p > 0.5) continue;
        const m = Math.floor((n + 1) * p);
        const sd = Math.sqrt(n * p * (1 - p));
        for (const z of [-6, -3, -1.5, 1.5, 3, 6]) {
          const k = Math.round(m + z * sd);
          if (k < 0 || k > n || Math.abs(k - m) > 2e5) continue;
          const ref = logRatioBySum(n, p, m, k);
          expect(Math.abs(btrdLogRatio(n, p, m, k) - ref), `n=${n} p=${p} k=${k}`).toBeLessThan(1e-9 * Math.max(1, Math.abs(ref)));
        }
      }
    }
  });
});
