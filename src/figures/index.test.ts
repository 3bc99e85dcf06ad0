import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fig1SimplexData, fig1SimplexSpec, fig1SimplexSummary } from "./fig1Simplex.ts";
import { buildFigures, FIGURES, selectedFigureIds } from "./index.ts";
import { renderFigure } from "./renderFigure.ts";

const sha = (d: string | Uint8Array) => createHash("sha256").update(d).digest("hex");

describe("selectedFigureIds", () => {
  it("selects all figures in report order, or those whose id starts with an entry of only", () => {
    expect(selectedFigureIds()).toEqual(["fig1-simplex", "fig2-collapse-time", "fig3-partial-vary-n", "fig4-partial-vary-p", "fig6-window-and-random", "tightness-maps"]);
    expect(selectedFigureIds(["fig2", "thm1"])).toEqual(["fig2-collapse-time"]);
    expect(selectedFigureIds(["fig6", "fig1"])).toEqual(["fig1-simplex", "fig6-window-and-random"]);
    expect(selectedFigureIds(["thm1"])).toEqual([]);
    expect(FIGURES.map((f) => f.id)).toEqual(selectedFigureIds());
  });

  it("builds nothing when only names statements but no figure", async () => {
    const seen: string[] = [];
    expect(await buildFigures({ seed: 1, extended: false, only: ["thm1"], onProgress: (l) => seen.push(l) })).toEqual([]);
    expect(seen).toEqual([]);
  });
});

describe("renderFigure", () => {
  it("gives figures/<id>.svg, .png and .json, with the title and seed in the SVG, the same bytes twice", async () => {
    const data = fig1SimplexData({ seed: 11, contexts: 4, ns: [5], snapshots: [0, 3] });
    const make = () => renderFigure("fig1-simplex", "Figure 1 test", fig1SimplexSpec(data), fig1SimplexSummary(data));
    const a = await make();
    expect(a.files.map((f) => f.path)).toEqual(["figures/fig1-simplex.svg", "figures/fig1-simplex.png", "figures/fig1-simplex.json"]);
    const [svg, png, json] = a.files.map((f) => f.data);
    expect([...(png as Uint8Array).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(svg).toContain("Figure 1: Fully Synthetic trajectories on the 2-simplex");
    expect(svg).toContain("seed = 11");
    expect(JSON.parse(json as string)).toMatchObject({ id: "fig1-simplex", title: "Figure 1 test", rows: [{ n: 5 }] });
    const b = await make();
    expect(b.files.map((f) => sha(f.data))).toEqual(a.files.map((f) => sha(f.data)));
  });
});
