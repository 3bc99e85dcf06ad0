import { describe, expect, it } from "vitest";
import { simplexPanel, simplexXY } from "./simplexPanel.ts";

describe("simplexXY", () => {
  it("sends the vertices to an equilateral triangle and the centre to its centroid", () => {
    expect(simplexXY([1, 0, 0])).toEqual([0, 0]);
    expect(simplexXY([0, 1, 0])).toEqual([1, 0]);
    const top = simplexXY([0, 0, 1]);
    expect(top[0]).toBe(0.5);
    expect(Math.hypot(top[0], top[1])).toBeCloseTo(1, 15);
    const c = simplexXY([1 / 3, 1 / 3, 1 / 3]);
    expect(c[0]).toBeCloseTo(0.5, 15);
    expect(c[1]).toBeCloseTo(Math.sqrt(3) / 6, 15);
  });
});

describe("simplexPanel", () => {
  it("draws the triangle, the trajectories, the points and the vertex names, with no axes", () => {
    const panel = simplexPanel({
      title: "m = 10",
      points: [[0.5, 0.3, 0.2], [0, 0, 1]],
      trajectories: [[[1 / 3, 1 / 3, 1 / 3], [0.5, 0.5, 0], [1, 0, 0]]],
      vertexLabels: ["a", "b", "c"],
    });
    expect(panel.x.hidden && panel.y.hidden).toBe(true);
    expect(panel.layers.map((l) => l.kind)).toEqual(["line", "lines", "points", "text", "text"]);
    const pts = panel.layers[2] as unknown as { x: number[]; y: number[] };
    expect(pts.x).toEqual([0.3 + 0.1, 0.5]);
    const traj = panel.layers[1] as unknown as { series: Array<{ x: number[]; y: number[] }> };
    expect(traj.series[0].x).toEqual([0.5, 0.5, 0]);
    const texts = panel.layers.slice(3).flatMap((l) => (l as unknown as { text: string[] }).text);
    expect(texts).toEqual(["a", "b", "c"]);
    expect(panel.width! / panel.height!).toBeCloseTo(1.28 / (0.22 + Math.sqrt(3) / 2), 2);
  });

  it("rejects points off the simplex, naming which", () => {
    expect(() => simplexPanel({ points: [[0.5, 0.5, 0], [0.5, 0.5]] })).toThrow(/^points\[1\]/);
    expect(() => simplexPanel({ points: [[0.6, 0.5, 0]] })).toThrow(/^points\[0\] must sum to 1/);
    expect(() => simplexPanel({ trajectories: [[[1, 0, 0], [-0.1, 1.1, 0]]] })).toThrow(/^trajectories\[0\]\[1\]\[0\]/);
  });
});
