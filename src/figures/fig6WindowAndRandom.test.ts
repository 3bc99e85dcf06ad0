import { describe, expect, it } from "vitest";
import { toVegaLite } from "../report/index.ts";
import { fig6WindowAndRandomData, fig6WindowAndRandomSpec, fig6WindowAndRandomSummary } from "./fig6WindowAndRandom.ts";

const small = { seed: 8, runs: 5, generations: 40 };

describe("fig6WindowAndRandomData", () => {
  it("is deterministic in the seed and changes with it", () => {
    const a = fig6WindowAndRandomData(small);
    expect(fig6WindowAndRandomData(small)).toEqual(a);
    expect(fig6WindowAndRandomData({ ...small, seed: 9 }).columns[0].T).not.toEqual(a.columns[0].T);
  });

  it("has the columns K = 1, the windows, and random sampling, each with its curves and T per run", () => {
    const d = fig6WindowAndRandomData({ ...small, windows: [3] });
    expect(d.columns.map((c) => [c.setting, c.K])).toEqual([
      ["fully-synthetic", 1],
      ["most-recent", 3],
      ["randomly-sampled", null],
    ]);
    for (const c of d.columns) {
      expect(c.T).toHaveLength(5);
      expect(c.meanSigma).toHaveLength(41);
      expect(c.meanL1).toHaveLength(40);
      expect(c.sigmaRuns).toHaveLength(5);
    }
    // K = 1: absorption is the first hit of a Dirac mass; random sampling has no absorption.
    expect(d.columns[0].absorbed).toEqual(d.columns[0].T);
    expect(d.columns[2].absorbed).toBeNull();
    d.columns[1].absorbed!.forEach((a, r) => {
      if (a !== null) expect(a).toBeGreaterThanOrEqual(d.columns[1].T[r]! + 2);
    });
  });

  it("rejects a window larger than n", () => {
    expect(() => fig6WindowAndRandomData({ seed: 1, windows: [11] })).toThrow(/^windows\[0\]/);
  });
});

describe("fig6WindowAndRandomSpec", () => {
  it("draws sigma_m, the drift and the histogram of T per column, with the seed in the subtitle", () => {
    const d = fig6WindowAndRandomData(small);
    const spec = fig6WindowAndRandomSpec(d);
    expect(spec.panels).toHaveLength(12);
    expect(spec.panels[8].layers[0].kind).toBe("histogram");
    expect(JSON.stringify(toVegaLite(spec))).toContain("seed = 8");
    const summary = fig6WindowAndRandomSummary(d) as { columns: Array<{ T: { collapsed: number; notCollapsed: number } }> };
    for (const c of summary.columns) expect(c.T.collapsed + c.T.notCollapsed).toBe(5);
  });
});
