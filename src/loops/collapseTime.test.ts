import { describe, expect, it } from "vitest";
import { initialDistribution } from "../init/index.ts";
import { createRng, rngStreams } from "../rng/index.ts";
import { collapseTime, collapseTimeSampler, collapseTimes } from "./collapseTime.ts";
import { simulateRun } from "./simulateRun.ts";

describe("collapseTime (Fully Synthetic fast path)", () => {
  it("gives the same T as the full engine on the same stream", () => {
    const p0 = initialDistribution({ kind: "target", s: 600, support: 52, S0: 0.1 });
    for (const n of [3, 10, 60, 400]) {
      const draw = collapseTimeSampler(p0, n, 1e5);
      const a = rngStreams(5, 20);
      const b = rngStreams(5, 20);
      for (let r = 0; r < 20; r++) {
        const T = draw(a[r]);
        expect(T).toBe(simulateRun(b[r], { setting: "fully-synthetic", p0, n, generations: 1e5, stopAtCollapse: true }).T);
      }
    }
  });

  it("P(T = 1) = sum_i p_i^n exactly (p^(1) is a Dirac iff all n samples agree)", () => {
    // p = (0.5, 0.3, 0.2), n = 3: P(T = 1) = 0.125 + 0.027 + 0.008 = 0.16. 20000 runs: sd of the
    // count sqrt(20000 * 0.16 * 0.84) = 51.8; tolerance 6 sd (false alarm < 1e-8).
    const draw = collapseTimeSampler([0.5, 0.3, 0.2], 3, 1e5);
    const rng = createRng(99);
    let ones = 0;
    for (let r = 0; r < 20000; r++) if (draw(rng) === 1) ones++;
    expect(Math.abs(ones - 3200)).toBeLessThan(6 * 51.8);
  });

  it("collapseTimes gives run r the T of stream r", () => {
    const Ts = collapseTimes(3, [0.3, 0.7], 6, 5, 1e4);
    const draw = collapseTimeSampler([0.3, 0.7], 6, 1e4);
    expect(Ts).toEqual(rngStreams(3, 5).map((r) => draw(r)));
    expect(collapseTimes(3, [0.3, 0.7], 6, 2, 1e4)).toEqual(Ts.slice(0, 2));
  });

  it("returns null beyond maxGenerations, and 1 for a Dirac p0", () => {
    expect(collapseTime(createRng(1), [0.5, 0.5], 1000, 3)).toBeNull();
    expect(collapseTime(createRng(1), [0, 0, 1], 5, 1)).toBe(1);
  });

  it("validates its parameters by name", () => {
    expect(() => collapseTime(createRng(1), [0.5, 0.6], 10, 10)).toThrow(/^p0/);
    expect(() => collapseTime(createRng(1), [0.5, 0.5], 0, 10)).toThrow(/^n/);
    expect(() => collapseTime(createRng(1), [0.5, 0.5], 10, 0)).toThrow(/^maxGenerations/);
  });
});
