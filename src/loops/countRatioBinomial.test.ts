import { describe, expect, it } from "vitest";
import { binomialPmf } from "../exact/binomialPmf.ts";
import { fixedUniforms } from "../rng/fixedUniforms.testkit.ts";
import { createRng } from "../rng/index.ts";
import { binomialFit } from "../sample/goodnessOfFit.testkit.ts";
import { COUNT_RATIO_MAX, countRatioBinomial, expNonPositive } from "./countRatioBinomial.ts";

/** P(X <= x) for x = 0..trials of Binomial(trials, c / w), from the exact pmf. */
function exactCdf(trials: number, c: number, w: number): number[] {
  const out: number[] = [];
  let acc = 0;
  for (let x = 0; x <= trials; x++) out.push((acc += binomialPmf(x, trials, c / w, (w - c) / w)));
  return out;
}

describe("expNonPositive", () => {
  it("is within 1e-15 (relative) of Math.exp on [-700, 0], and exact at 0", () => {
    expect(expNonPositive(0)).toBe(1);
    const rng = createRng(5);
    let worst = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = i < 50_000 ? -700 * rng.uniform() : -30 * rng.uniform();
      worst = Math.max(worst, Math.abs(expNonPositive(x) / Math.exp(x) - 1));
    }
    for (const x of [-1e-300, -1e-17, -0.0027, -Math.LN2 / 256, -Math.LN2, -1, -10, -27.7, -700]) {
      worst = Math.max(worst, Math.abs(expNonPositive(x) / Math.exp(x) - 1));
    }
    expect(worst).toBeLessThan(1e-15);
  });
});

describe("countRatioBinomial", () => {
  // [trials, c, w]: both sides of c = w / 2; the walk from 0 (mean < 20, up to just below 20), the
  // walk from the mode (mean >= 20, variance < 100; both sides left over at the end), BTRD
  // (variance >= 100); the largest trials and w.
  const CASES: [number, number, number][] = [
    [1, 1, 2],
    [10, 3, 7],
    [64, 5, 40],
    [64, 35, 40],
    [65, 1, 3],
    [300, 3, 300],
    [400, 397, 400],
    [350, 17, 320],
    [399, 19, 400],
    [400, 20, 400],
    [200, 60, 201],
    [1024, 1, 1024],
    [1024, 512, 1024],
    [1000, 19, 1000],
    [41, 20, 41],
    [41, 10, 20],
    [1024, 100, 1024],
    [600, 300, 700],
  ];

  /**
   * The outcomes in the order the walk of (trials, a, w) visits them (a <= w / 2): 0, 1, 2, ... below
   * a mean of 20, else from the mode m: m, m + 1, m - 1, ... while the variance is below 100; null
   * for BTRD.
   */
  function walkOrder(trials: number, a: number, w: number): number[] | null {
    if (trials * a < 20 * w) return Array.from({ length: trials + 1 }, (_, x) => x);
    if (trials * a * (w - a) >= 100 * w * w) return null;
    const m = Math.floor(((trials + 1) * a) / w);
    const order = [m];
    for (let i = 1; m + i <= trials || m - i >= 0; i++) {
      if (m + i <= trials) order.push(m + i);
      if (m - i >= 0) order.push(m - i);
    }
    return order;
  }

  it("inverts the pmf summed in its walk order (from 0 or from the mode), to ~1e-11", () => {
    let walks = 0;
    for (const [trials, c, w] of CASES) {
      // The walk runs on a = min(c, w - c); for c > w / 2 the draw is trials - X.
      const flip = 2 * c > w;
      const a = flip ? w - c : c;
      const order = walkOrder(trials, a, w);
      if (order === null) continue;
      walks++;
      const us: number[] = [];
      const want: number[] = [];
      let total = 0;
      for (let i = 0; i + 1 < order.length; i++) {
        const f = binomialPmf(order[i], trials, a / w, (w - a) / w);
        total += f;
        // u within 1e-11 of the running total: the walk's terms (relative error < 5e-12) and its
        // running sum (absolute error ~1e-15) must both be that accurate to decide.
        if (f < 1e-6 || total > 1 - 1e-9) continue;
        const delta = 1e-11;
        us.push(total - delta, total + delta);
        want.push(order[i], order[i + 1]);
      }
      const rng = fixedUniforms(us);
      const got = us.map(() => countRatioBinomial(rng, trials, c, w));
      expect(got, `${trials} ${c} ${w}`).toEqual(want.map((x) => (flip ? trials - x : x)));
    }
    expect(walks).toBe(16);
  });

  it("draws fit Binomial(trials, c / w) (chi-square, p > 1e-6)", () => {
    // Each fit has a false-alarm rate of 1e-6 (18 fits: 1.8e-5 in all).
    for (const [trials, c, w] of CASES) {
      const rng = createRng(2000 + trials + c + w);
      const fit = binomialFit(() => countRatioBinomial(rng, trials, c, w), 100_000, trials, c / w);
      expect(fit.pValue, JSON.stringify({ trials, c, w, fit })).toBeGreaterThan(1e-6);
    }
  });

  it("the fit has power: draws for c + 1 are rejected as Binomial(trials, c / w)", () => {
    // One count in w moves the mean by trials / w = 1 (inversion) and 0.5 (BTRD): rejected at 1e-6.
    for (const [trials, c, w] of [
      [300, 3, 300],
      [400, 30, 800],
    ]) {
      const rng = createRng(78);
      expect(binomialFit(() => countRatioBinomial(rng, trials, c + 1, w), 100_000, trials, c / w).pValue).toBeLessThan(1e-6);
    }
  });

  it("handles the degenerate counts", () => {
    const rng = createRng(1);
    expect(countRatioBinomial(rng, 10, 0, 7)).toBe(0);
    expect(countRatioBinomial(rng, 10, 7, 7)).toBe(10);
    expect(countRatioBinomial(rng, 0, 3, 7)).toBe(0);
    expect(countRatioBinomial(rng, 0, 7, 7)).toBe(0);
    expect(COUNT_RATIO_MAX).toBe(1024);
  });
});
