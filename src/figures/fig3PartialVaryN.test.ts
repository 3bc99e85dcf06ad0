import { describe, expect, it } from "vitest";
import { toVegaLite } from "../report/index.ts";
import { fig3PartialVaryNData, fig3PartialVaryNSpec, sharedDomain } from "./fig3PartialVaryN.ts";

const small = { seed: 4, ns: [1, 50], runs: 5, generations: 6 };

describe("fig3PartialVaryNData", () => {
  it("is deterministic in the seed and changes with it", () => {
    const a = fig3PartialVaryNData(small);
    expect(fig3PartialVaryNData(small)).toEqual(a);
    expect(fig3PartialVaryNData({ ...small, seed: 5 }).columns[1].meanSigma).not.toEqual(a.columns[1].meanSigma);
  });

  it("has per column the runs drawn (m = 0..M for sigma, m = 1..M for the drift), the means and Eq (9)", () => {
    const d = fig3PartialVaryNData(small);
    expect(d.columns.map((c) => c.n)).toEqual([1, 50]);
    for (const c of d.columns) {
      expect(c.sigmaRuns).toHaveLength(5);
      c.sigmaRuns.forEach((r) => expect(r).toHaveLength(7));
      c.l1Runs.forEach((r) => {
        expect(r).toHaveLength(6);
        expect(r[0]).toBe(0);
      });
      expect(c.meanSigma).toHaveLength(7);
      expect(c.meanL1).toHaveLength(6);
      expect(c.meanSigma[0]).toBeCloseTo(0.1, 12);
      expect(c.Sm[0]).toBeCloseTo(0.1, 12);
      // S_1 = 1/N + (1 - 1/N) S0 whatever n (Theorem 2 at m = 0, sign "+").
      expect(c.Sm[1]).toBeCloseTo(0.01 + 0.99 * 0.1, 12);
    }
  });

  it("keeps only `drawn` runs as lines but averages all of them", () => {
    const d = fig3PartialVaryNData({ ...small, drawn: 2 });
    expect(d.columns[0].sigmaRuns).toHaveLength(2);
    expect(d.columns[0].meanSigma).toEqual(fig3PartialVaryNData(small).columns[0].meanSigma);
  });
});

describe("fig3PartialVaryNSpec", () => {
  it("draws sigma_m above the drift for each n, with the seed in the subtitle", () => {
    const spec = fig3PartialVaryNSpec(fig3PartialVaryNData(small));
    expect(spec.panels).toHaveLength(4);
    expect(spec.panels[0].layers.map((l) => l.kind)).toEqual(["lines", "line", "dashed"]);
    expect(spec.panels[2].layers.map((l) => l.kind)).toEqual(["lines", "line"]);
    expect(JSON.stringify(toVegaLite(spec))).toContain("seed = 4");
  });

  it("sharedDomain pads the range by 5% (and floors at zero on request)", () => {
    expect(sharedDomain([[1, 2], [3]])).toEqual([0.9, 3.1]);
    expect(sharedDomain([[1, 3]], true)).toEqual([0, 3.1]);
  });
});
