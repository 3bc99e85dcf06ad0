import { describe, expect, it } from "vitest";
import { toVegaLite } from "../report/index.ts";
import { fig4PartialVaryPData, fig4PartialVaryPSpec, fig4PartialVaryPSummary } from "./fig4PartialVaryP.ts";

const small = { seed: 6, S0s: [0.05, 0.3], runs: 5, generations: 6 };

describe("fig4PartialVaryPData", () => {
  it("is deterministic in the seed and changes with it", () => {
    const a = fig4PartialVaryPData(small);
    expect(fig4PartialVaryPData(small)).toEqual(a);
    expect(fig4PartialVaryPData({ ...small, seed: 7 }).columns[0].meanL1).not.toEqual(a.columns[0].meanL1);
  });

  it("builds each p on s = 600 with support 52 and the target S0, and its runs and Eq (9)", () => {
    const d = fig4PartialVaryPData(small);
    d.columns.forEach((c, i) => {
      expect(c.p).toHaveLength(600);
      expect(c.p.filter((v) => v > 0)).toHaveLength(52);
      expect(c.S0).toBeCloseTo(small.S0s[i], 10);
      expect(c.Sm[0]).toBeCloseTo(small.S0s[i], 10);
      expect(c.sigmaRuns).toHaveLength(5);
      expect(c.meanL1).toHaveLength(6);
    });
  });

  it("rejects an S0 outside [0, 1] with the parameter's name", () => {
    expect(() => fig4PartialVaryPData({ seed: 1, S0s: [1.5] })).toThrow(/^S0s\[0\]/);
  });
});

describe("fig4PartialVaryPSpec", () => {
  it("draws p, sigma_m and the drift for each p, with the seed in the subtitle", () => {
    const d = fig4PartialVaryPData(small);
    const spec = fig4PartialVaryPSpec(d);
    expect(spec.panels).toHaveLength(6);
    expect(spec.panels[0].y.scale).toBe("log");
    expect(JSON.stringify(toVegaLite(spec))).toContain("seed = 6");
    expect((fig4PartialVaryPSummary(d) as { columns: unknown[] }).columns).toHaveLength(2);
  });
});
