/**
 * Monte Carlo checks of the engine against exact identities. Each comparison uses a fixed seed
 * and a 6-standard-error tolerance (normal false-alarm rate 2e-9 per comparison; under 1e-7 for
 * this file's ~40 comparisons together).
 */
import { describe, expect, it } from "vitest";
import { denseFromSparse } from "../measure/index.ts";
import { initialDistribution } from "../init/index.ts";
import { rngStreams } from "../rng/index.ts";
import { SETTINGS } from "./settings.ts";
import { simulateRun } from "./simulateRun.ts";
import { simulateRuns } from "./simulateRuns.ts";

/** |mean - expected| <= 6 standard errors, the standard error from the sample itself. */
function expectMean(values: number[], expected: number, label: string): void {
  const R = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / R;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (R - 1);
  const se = Math.sqrt(variance / R);
  expect(Math.abs(mean - expected), `${label}: mean ${mean}, expected ${expected}, se ${se}`).toBeLessThanOrEqual(6 * se + 1e-15);
}

describe("engine, Monte Carlo", () => {
  it("E[p^(m)] = p^(0) in every setting (Sect. 2.2, unbiasedness)", () => {
    const p0 = [0.4, 0.3, 0.2, 0.1];
    const R = 3000;
    const m = 5;
    for (const setting of SETTINGS) {
      const finals: Float64Array[] = [];
      for (const rng of rngStreams(20240, R)) {
        simulateRun(rng, { setting, p0, n: 10, N: 20, K: 2, generations: m }, (g, model) => {
          if (g === m) finals.push(denseFromSparse(model, 4));
        });
      }
      for (let i = 0; i < 4; i++) expectMean(finals.map((q) => q[i]), p0[i], `${setting} token ${i}`);
    }
  });

  it("fully-synthetic: E[sigma_m] = S_m = 1 - (1 - 1/n)^m (1 - S_0) (Theorem 1, Eq 6)", () => {
    const p0 = initialDistribution({ kind: "target", s: 600, support: 52, S0: 0.1 });
    const n = 10;
    const runs = simulateRuns(7, { setting: "fully-synthetic", p0, n, generations: 20 }, 2000);
    for (const m of [1, 5, 20]) {
      expectMean(runs.map((r) => r.sigma[m]), 1 - (1 - 1 / n) ** m * (1 - 0.1), `S_${m}`);
    }
  });

  it("partially-synthetic (same real data): E||p^(m) - p^(1)||^2 = D_m, D_{m+1} = (a^2/n)(1 - S_1) + a^2 (1 - 1/n) D_m (spec 4.3)", () => {
    const p0 = [0.4, 0.3, 0.2, 0.1];
    const S0 = 0.3;
    const N = 10;
    const n = 10;
    const a = n / (N + n);
    const S1 = 1 / N + (1 - 1 / N) * S0;
    const runs = simulateRuns(8, { setting: "partially-synthetic", p0, n, N, generations: 6 }, 4000);
    let D = 0;
    for (let m = 2; m <= 6; m++) {
      D = ((a * a) / n) * (1 - S1) + a * a * (1 - 1 / n) * D;
      if (m % 2 === 0) expectMean(runs.map((r) => r.l2SquaredToP1[m]), D, `D_${m}`);
    }
  });

  it("partially-synthetic-fresh: V_{m+1} = (1 - S_0)/(N + n) + a^2 (1 - 1/n) V_m with V = E||p^(m) - p||^2 (spec 4.3, not in the paper)", () => {
    const p0 = [0.4, 0.3, 0.2, 0.1];
    const S0 = 0.3;
    const N = 10;
    const n = 10;
    const a = n / (N + n);
    const runs = simulateRuns(9, { setting: "partially-synthetic-fresh", p0, n, N, generations: 6 }, 4000);
    let V = (1 - S0) / N;
    expectMean(runs.map((r) => r.l2SquaredToP0[1]), V, "V_1");
    for (let m = 2; m <= 6; m++) {
      V = (1 - S0) / (N + n) + a * a * (1 - 1 / n) * V;
      if (m % 2 === 0) expectMean(runs.map((r) => r.l2SquaredToP0[m]), V, `V_${m}`);
    }
  });
});
