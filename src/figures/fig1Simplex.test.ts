import { describe, expect, it } from "vitest";
import { toVegaLite } from "../report/index.ts";
import { fig1SimplexData, fig1SimplexSpec, fig1SimplexSummary } from "./fig1Simplex.ts";

const small = { seed: 3, contexts: 6, ns: [50, 4], snapshots: [0, 3, 8] };

describe("fig1SimplexData", () => {
  it("is deterministic in the seed and changes with it", () => {
    expect(fig1SimplexData(small)).toEqual(fig1SimplexData(small));
    expect(fig1SimplexData({ ...small, seed: 4 }).p0).not.toEqual(fig1SimplexData(small).p0);
  });

  it("has one path of M + 1 points of the simplex per context and row, starting at the shared p^(0)", () => {
    const d = fig1SimplexData(small);
    expect(d.rows.map((r) => r.n)).toEqual([50, 4]);
    for (const row of d.rows) {
      expect(row.trajectories).toHaveLength(6);
      row.trajectories.forEach((path, j) => {
        expect(path).toHaveLength(9);
        expect(path[0]).toEqual(d.p0[j]);
        for (const p of path) {
          expect(p).toHaveLength(3);
          expect(p[0] + p[1] + p[2]).toBeCloseTo(1, 12);
        }
        // Fully Synthetic: p^(m) for m >= 1 lies on the 1/n grid.
        for (const p of path.slice(1)) for (const v of p) expect(Math.abs(v * row.n - Math.round(v * row.n))).toBeLessThan(1e-9);
      });
    }
  });

  it("never leaves a vertex once reached (the vertices absorb), so the counts at a vertex do not fall", () => {
    const d = fig1SimplexData({ seed: 5, contexts: 20, ns: [3], snapshots: [0, 1, 2, 4, 8, 16] });
    const row = d.rows[0];
    for (const path of row.trajectories) {
      const first = path.findIndex((p, m) => m > 0 && Math.max(...p) === 1);
      if (first > 0) for (const p of path.slice(first)) expect(p).toEqual(path[first]);
    }
    for (let i = 1; i < row.atVertex.length; i++) expect(row.atVertex[i]).toBeGreaterThanOrEqual(row.atVertex[i - 1]);
    expect(row.atVertex[row.atVertex.length - 1]).toBeGreaterThan(0);
  });

  it("rejects bad budgets with the parameter's name", () => {
    expect(() => fig1SimplexData({ seed: 1, snapshots: [0, 5, 5] })).toThrow(/^snapshots/);
    expect(() => fig1SimplexData({ seed: 1, ns: [0] })).toThrow(/^ns\[0\]/);
  });
});

describe("fig1SimplexSpec", () => {
  it("has one simplex per row and snapshot, and a subtitle with the parameters and the seed", () => {
    const d = fig1SimplexData(small);
    const spec = fig1SimplexSpec(d);
    expect(spec.panels).toHaveLength(6);
    expect(spec.columns).toBe(3);
    const vl = JSON.stringify(toVegaLite(spec));
    expect(vl).toContain("s = 3, c = 6, n = (50, 4)");
    expect(vl).toContain("seed = 3");
    expect(fig1SimplexSummary(d)).toMatchObject({ rows: [{ n: 50 }, { n: 4 }] });
  });
});
