import { describe, expect, it } from "vitest";
import { windowCollapseTime } from "../check/statements/mostRecentModels.ts";
import { targetS0 } from "../init/index.ts";
import { simulateRuns } from "../loops/index.ts";
import { toVegaLite } from "../report/index.ts";
import { deriveSeed } from "../rng/index.ts";
import { FIG6_CAPTION, FIG6_ID, FIG6_VERDICTS_USE, fig6WindowAndRandomData, fig6WindowAndRandomSpec, fig6WindowAndRandomSummary } from "./fig6WindowAndRandom.ts";

const small = { seed: 8, runs: 5, generations: 40 };

describe("fig6WindowAndRandomData", () => {
  it("is deterministic in the seed and changes with it", () => {
    const a = fig6WindowAndRandomData(small);
    expect(fig6WindowAndRandomData(small)).toEqual(a);
    expect(fig6WindowAndRandomData({ ...small, seed: 9 }).columns[0].T).not.toEqual(a.columns[0].T);
  });

  it("has the columns K = 1, the windows, and random sampling with the fixed corpus and with fresh draws, each with its curves and both times per run", () => {
    const d = fig6WindowAndRandomData({ ...small, windows: [3] });
    expect(d.columns.map((c) => [c.setting, c.K, c.realData])).toEqual([
      ["fully-synthetic", 1, "fixed"],
      ["most-recent", 3, "fixed"],
      ["randomly-sampled", null, "fixed"],
      ["randomly-sampled", null, "fresh"],
    ]);
    for (const c of d.columns) {
      expect(c.T).toHaveLength(5);
      expect(c.absorption).toHaveLength(5);
      expect(c.meanSigma).toHaveLength(41);
      expect(c.meanL1).toHaveLength(40);
      expect(c.sigmaRuns).toHaveLength(5);
    }
    // The two real-data readings are different simulations (fresh draws change the curves).
    expect(d.columns[3].meanSigma).not.toEqual(d.columns[2].meanSigma);
    // K = 1: absorption is the first hit of a Dirac mass; a window of 3 needs 3 Dirac models in a row.
    expect(d.columns[0].absorption).toEqual(d.columns[0].T);
    d.columns[1].absorption.forEach((a, r) => {
      if (a !== null) expect(a).toBeGreaterThanOrEqual(d.columns[1].T[r]! + 2);
    });
    // Random sampling keeps the real data in the pool: fresh draws never absorb, the fixed corpus only at m = 1.
    expect(d.columns[3].absorption.every((a) => a === null)).toBe(true);
    d.columns[2].absorption.forEach((a, r) => expect(a).toBe(d.columns[2].T[r] === 1 ? 1 : null));
  });

  it("uses for the absorption time exactly the verdicts' T_K (mostRecentModels.windowCollapseTime) on the same runs", () => {
    const d = fig6WindowAndRandomData({ seed: 3, runs: 20, generations: 150, windows: [5] });
    const col = d.columns[1];
    const records = simulateRuns(
      deriveSeed(deriveSeed(3, FIG6_ID), "most-recent/K=5"),
      { setting: "most-recent", p0: targetS0(600, 52, 0.1), n: 10, K: 5, generations: 150, realData: "fixed" },
      20,
    );
    expect(col.T).toEqual(records.map((r) => r.T));
    expect(col.absorption).toEqual(records.map((r) => windowCollapseTime(r, 5)));
    // Over 20 runs the two measures differ (the K = 5 window delays absorption well past the first hit).
    expect(col.absorption).not.toEqual(col.T);
  });

  it("rejects a window larger than n", () => {
    expect(() => fig6WindowAndRandomData({ seed: 1, windows: [11] })).toThrow(/^windows\[0\]/);
  });
});

describe("fig6WindowAndRandomSpec and summary", () => {
  it("draw sigma_m, the drift and both collapse measures per column, labelled, with the seed in the subtitle", () => {
    const d = fig6WindowAndRandomData(small);
    const spec = fig6WindowAndRandomSpec(d);
    expect(spec.panels).toHaveLength(15);
    expect(spec.panels[3].title).toBe("Randomly Sampled, fixed corpus");
    expect(spec.panels[4].title).toBe("Randomly Sampled, fresh draws");
    const collapseRow = spec.panels.slice(10);
    for (const p of collapseRow) expect(p.layers[0]).toMatchObject({ kind: "histogram", label: "first Dirac hit T" });
    // K = 1 has one measure (T is the absorption time); every other column draws the absorption time too.
    expect(collapseRow[0].layers.some((l) => l.label === "absorption time")).toBe(false);
    for (const p of collapseRow.slice(1)) expect(p.layers.some((l) => l.kind === "line" && l.label === "absorption time")).toBe(true);
    expect(spec.note).toContain("mrm-* use absorption");
    expect(JSON.stringify(toVegaLite(spec))).toContain("seed = 8");

    const summary = fig6WindowAndRandomSummary(d) as {
      caption: string;
      verdictsUse: object;
      columns: Array<{
        realData: string;
        T: { collapsed: number; notCollapsed: number; histogram: { counts: number[]; edges: number[] } };
        absorption: { absorbed: number; notAbsorbed: number; histogram: { counts: number[]; edges: number[] } };
      }>;
    };
    expect(summary.caption).toBe(FIG6_CAPTION);
    expect(summary.verdictsUse).toEqual(FIG6_VERDICTS_USE);
    expect(summary.columns.map((c) => c.realData)).toEqual(["fixed", "fixed", "fixed", "fixed", "fresh"]);
    for (const c of summary.columns) {
      expect(c.T.collapsed + c.T.notCollapsed).toBe(5);
      expect(c.absorption.absorbed + c.absorption.notAbsorbed).toBe(5);
      expect(c.T.histogram.counts.reduce((a, b) => a + b, 0)).toBe(c.T.collapsed);
      expect(c.absorption.histogram.counts.reduce((a, b) => a + b, 0)).toBe(c.absorption.absorbed);
      // One set of bins per column, so bars and outline line up.
      expect(c.absorption.histogram.edges).toEqual(c.T.histogram.edges);
    }
  });
});
