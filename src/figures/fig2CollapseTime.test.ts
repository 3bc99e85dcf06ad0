import { describe, expect, it } from "vitest";
import { toVegaLite } from "../report/index.ts";
import { fig2CollapseTimeData, fig2CollapseTimeSpec, fig2CollapseTimeSummary } from "./fig2CollapseTime.ts";

const small = { seed: 2, runs: 5, ns: [10, 20], ns2: [10, 30], ns3: [4, 6] };

describe("fig2CollapseTimeData", () => {
  it("is deterministic in the seed and changes with it", () => {
    const a = fig2CollapseTimeData(small);
    expect(fig2CollapseTimeData(small)).toEqual(a);
    expect(fig2CollapseTimeData({ ...small, seed: 3 }).large[0].meanT).not.toEqual(a.large[0].meanT);
  });

  it("has one value per n in every column, the paper's p first, and the exact E[T] only for s = 2 and 3", () => {
    const d = fig2CollapseTimeData(small);
    expect(d.large.map((s) => [s.name, s.support, s.p.length])).toEqual([
      ["paper", 52, 600],
      ["uniform", 52, 600],
      ["zipf", 600, 600],
    ]);
    expect(d.large[0].S0).toBeCloseTo(0.1, 12);
    for (const s of [...d.large, ...d.small]) {
      for (const col of [s.meanT, s.seT, s.notCollapsed, s.lower, s.upper, s.kimuraOhta]) expect(col).toHaveLength(s.ns.length);
      expect(s.exact).toHaveLength(s.name.startsWith("s") ? s.ns.length : 0);
      s.meanT.forEach((t) => expect(t).toBeGreaterThanOrEqual(1));
    }
  });

  it("puts the exact E[T] between the Eq (8) bounds and near the diffusion value", () => {
    const d = fig2CollapseTimeData(small);
    for (const s of d.small) {
      s.exact.forEach((e, i) => {
        expect(e).toBeGreaterThanOrEqual(s.lower[i]);
        expect(e).toBeLessThanOrEqual(s.upper[i]);
        expect(Math.abs(e / s.kimuraOhta[i] - 1)).toBeLessThan(0.2);
      });
    }
    // Two tokens (0.7, 0.3), n = 10: lower bound 1 + (1 - 0.58)(9)/(1/2) = 8.56.
    expect(d.small[0].lower[0]).toBeCloseTo(8.56, 12);
    expect(d.small[0].upper[0]).toBeCloseTo(1 + 0.42 * 90, 12);
  });
});

describe("fig2CollapseTimeSpec", () => {
  it("draws a 3 x 3 grid whose subtitle states the runs and the seed, and a summary per series", () => {
    const d = fig2CollapseTimeData(small);
    const spec = fig2CollapseTimeSpec(d);
    expect(spec.panels).toHaveLength(9);
    const vl = JSON.stringify(toVegaLite(spec));
    expect(vl).toContain("runs = 5");
    expect(vl).toContain("seed = 2");
    expect((fig2CollapseTimeSummary(d) as { series: unknown[] }).series).toHaveLength(5);
  });
});
