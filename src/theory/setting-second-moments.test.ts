import { describe, expect, it } from "vitest";
import { partiallySyntheticAveragedTrajectory } from "../exact/index.ts";
import { settingSecondMoments } from "./setting-second-moments.ts";
import { freshRealSquaredError, psDrift } from "./ps-second-moments.ts";
import { eq9NextSm } from "./thm2-sm-partial.ts";
import { fullySyntheticSm } from "./thm1-sm.ts";

const close = (a: number, b: number, tol = 1e-13) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));

describe("settingSecondMoments", () => {
  it("Fully Synthetic: S_m is Eq (6), fixed corpus or fresh, and E||p^(m) - p||^2 = S_m - S_0", () => {
    for (const freshReal of [false, true]) {
      const r = settingSecondMoments({ setting: "fully-synthetic", n: 7, S0: 0.3, M: 12, freshReal });
      for (let m = 0; m <= 12; m++) {
        close(r.S[m], fullySyntheticSm({ n: 7, S0: 0.3, m }));
        close(r.l2SquaredToP0[m], r.S[m] - 0.3);
      }
    }
  });

  it("Partially Synthetic: S_m is Theorem 2 (sign +), the drift is spec 4.3's D_m, and both match the exact chain", () => {
    const r = settingSecondMoments({ setting: "partially-synthetic", n: 4, N: 4, S0: 0.66, M: 8 });
    for (let m = 1; m <= 8; m++) {
      close(r.S[m], eq9NextSm({ N: 4, n: 4, S0: 0.66, m: m - 1, sign: "+" }));
      close(r.l2SquaredToP1[m], psDrift({ N: 4, n: 4, S0: 0.66, m }));
    }
    const p = [0.8, 0.1, 0.1];
    const S0 = p.reduce((a, x) => a + x * x, 0);
    const exact = partiallySyntheticAveragedTrajectory(p, 4, 4, 6);
    const rec = settingSecondMoments({ setting: "partially-synthetic", n: 4, N: 4, S0, M: 6 });
    for (let m = 1; m <= 6; m++) {
      close(rec.S[m], exact.S[m], 1e-10);
      close(rec.l2SquaredToP1[m], exact.l2FromFirst[m], 1e-10);
    }
  });

  it("fresh real data: E||p^(m) - p||^2 is spec 4.3's V_m", () => {
    const r = settingSecondMoments({ setting: "partially-synthetic-fresh", n: 10, N: 10, S0: 0.38, M: 6 });
    for (let m = 1; m <= 6; m++) close(r.l2SquaredToP0[m], freshRealSquaredError({ N: 10, n: 10, S0: 0.38, m }));
  });

  it("Most Recent with K = 1 is Fully Synthetic; with K = n every model is trained on one sample of each", () => {
    const a = settingSecondMoments({ setting: "most-recent", n: 6, K: 1, S0: 0.4, M: 10 });
    const b = settingSecondMoments({ setting: "fully-synthetic", n: 6, S0: 0.4, M: 10 });
    a.S.forEach((v, m) => close(v, b.S[m]));
    // K = 2, n = 2: p^(1) = q (1 real sample, a Dirac: C00 = 1), so every later model is a Dirac too.
    const c = settingSecondMoments({ setting: "most-recent", n: 2, K: 2, S0: 0.4, M: 5 });
    c.S.slice(1).forEach((v) => close(v, 1));
  });

  it("Most Recent, K = 2, m = 2 by hand: p^(2) = (q + e)/2, q the corpus of floor(n/K) = 2, e 2 draws from p^(1) = q", () => {
    // n = 4, K = 2: corpus of 2, p^(1) = q, C11 = 1/2 + S0/2; p^(2) = (q + e)/2 with e 2 draws from p^(1):
    // C22 = (C00 + 2 C01 + (1/2 + C11/2))/4, C01 = C00 = C11.
    const S0 = 0.3;
    const c = 0.5 + S0 / 2;
    const r = settingSecondMoments({ setting: "most-recent", n: 4, K: 2, S0, M: 2 });
    close(r.S[1], c);
    close(r.S[2], (c + 2 * c + (0.5 + c / 2)) / 4);
  });

  it("Accumulate, m = 2 by hand: p^(2) = (N q + n e)/(N + n), e ~ n draws of q", () => {
    const N = 5;
    const n = 3;
    const S0 = 0.25;
    const c = 1 / N + (1 - 1 / N) * S0;
    const r = settingSecondMoments({ setting: "accumulate", n, N, S0, M: 3 });
    close(r.S[2], (N * N * c + 2 * N * n * c + n * n * (1 / n + (1 - 1 / n) * c)) / (N + n) ** 2);
    expect(r.S[3]).toBeGreaterThan(r.S[2]);
    // C(m, 1) = C(1, 1) (a martingale around p^(1)), so E||p^(m) - p^(1)||^2 = S_m - S_1.
    close(r.l2SquaredToP1[3], r.S[3] - r.S[1]);
  });

  it("Randomly Sampled: m = 1 trains on the whole corpus; m = 2 by hand (counts Bin(n, 1/2))", () => {
    const n = 4;
    const S0 = 0.3;
    const c = 1 / n + (1 - 1 / n) * S0;
    const r = settingSecondMoments({ setting: "randomly-sampled", n, S0, M: 4 });
    close(r.S[1], c);
    // m = 2: k0 ~ Bin(4, 1/2) corpus samples without replacement, k1 = 4 - k0 draws from p^(1) = q.
    // 16 C22 = E[k0^2] c + (1 - c) E[k0 (4 - k0)]/3 + E[k1] + E[k1 (k1 - 1)] c + 2 E[k0 k1] c.
    const Ek0sq = 1 + 4;
    const Ek0k = 4 * 2 - Ek0sq;
    const expected = (Ek0sq * c + ((1 - c) * Ek0k) / 3 + 2 + 3 * c + 2 * 3 * c) / 16;
    close(r.S[2], expected);
    const f = settingSecondMoments({ setting: "randomly-sampled", n, S0, M: 4, freshReal: true });
    expect(f.S[4]).toBeLessThan(r.S[4]);
  });

  it("rejects bad parameters naming them", () => {
    expect(() => settingSecondMoments({ setting: "most-recent", n: 3, K: 4, S0: 0.5, M: 2 })).toThrow(/^K must be <= n/);
    expect(() => settingSecondMoments({ setting: "partially-synthetic", n: 3, S0: 0.5, M: 2 })).toThrow(/^N /);
    expect(() => settingSecondMoments({ setting: "nope" as never, n: 3, S0: 0.5, M: 2 })).toThrow(/^setting/);
    expect(() => settingSecondMoments({ setting: "accumulate", n: 3, S0: 1.5, M: 2 })).toThrow(/^S0/);
  });
});
