import { describe, expect, it } from "vitest";
import { createRng } from "../../rng/index.ts";
import { plotSubtitle, toVegaLite } from "./toVegaLite.ts";
import type { PlotPanel, PlotSpec } from "./types.ts";

type Obj = Record<string, any>;

function walks(runs: number, length: number, seed: number): Array<{ y: number[] }> {
  const rng = createRng(seed);
  return Array.from({ length: runs }, () => {
    const y = [0.1];
    for (let m = 1; m < length; m++) y.push(Math.max(1e-4, y[m - 1] + 0.01 * (rng.uniform() - 0.5)));
    return { y };
  });
}

function spec(panels: PlotPanel[], extra: Partial<PlotSpec> = {}): PlotSpec {
  return { title: "Figure X", parameters: { s: 600, n: 10 }, seed: 7, panels, ...extra };
}

function layers(vl: unknown, panel = 0): Obj[] {
  return (vl as Obj).concat[panel].layer;
}

const axes = { x: { label: "generation m" }, y: { label: "sigma_m" } };

describe("toVegaLite", () => {
  it("puts the title, the parameters and the seed, and the note in the header", () => {
    const vl = toVegaLite(spec([{ ...axes, layers: [{ kind: "line", y: [1, 2] }] }], { note: "100 runs" })) as Obj;
    expect(vl.title.text).toBe("Figure X");
    expect(vl.title.subtitle).toEqual(["s = 600, n = 10, seed = 7", "100 runs"]);
    expect(vl.config.font).toBe("DejaVu Sans");
  });

  it("wraps a long parameter line without losing any parameter", () => {
    const parameters = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`param${i}`, i * 1000 + 0.5]));
    const lines = plotSubtitle({ parameters, seed: 3 });
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(111);
    expect(lines.join(" ")).toContain("param29 = 29000.5, seed = 3");
    expect(lines.join(" ").split("param").length - 1).toBe(30);
  });

  it("thins 100 runs of 501 points to the layer budget, keeping every run and breaking the path between runs", () => {
    const vl = toVegaLite(spec([{ ...axes, layers: [{ kind: "lines", series: walks(100, 501, 1), label: "one run" }] }]));
    const layer = layers(vl)[0];
    const rows: Obj[] = layer.data.values;
    const breaks = rows.filter((r) => r.y === null);
    expect(breaks).toHaveLength(99);
    expect(rows.length - breaks.length).toBeLessThanOrEqual(4000);
    expect(rows.length - breaks.length).toBeGreaterThanOrEqual(100 * 20);
    expect(rows.map((r) => r.i)).toEqual(rows.map((_, i) => i));
    expect(layer.mark.invalid).toBe("break-paths-filter-domains");
    expect(layer.encoding.order.field).toBe("i");
    const runs = rows.reduce((n, r, i) => (i === 0 || rows[i - 1].y === null ? n + 1 : n), 0);
    expect(runs).toBe(100);
  });

  it("does not thin a short line, and honours maxPoints", () => {
    const y = Array.from({ length: 300 }, (_, i) => Math.sin(i));
    expect(layers(toVegaLite(spec([{ ...axes, layers: [{ kind: "line", y }] }])))[0].data.values).toHaveLength(300);
    expect(layers(toVegaLite(spec([{ ...axes, layers: [{ kind: "line", y, maxPoints: 50 }] }])))[0].data.values).toHaveLength(50);
  });

  it("leaves out non-finite values and, on a log axis, values <= 0", () => {
    const panel: PlotPanel = {
      x: { label: "m" },
      y: { label: "L1", scale: "log" },
      layers: [{ kind: "points", x: [0, 1, 2, 3, 4], y: [0, 0.5, -1, NaN, 2] }],
    };
    const rows = layers(toVegaLite(spec([panel])))[0].data.values;
    expect(rows).toEqual([{ x: 1, y: 0.5 }, { x: 4, y: 2 }]);
    expect(layers(toVegaLite(spec([panel])))[0].encoding.y.scale.type).toBe("log");
  });

  it("shares one legend across panels: labels in order of first appearance, first colour wins, dashes for dashed", () => {
    const p1: PlotPanel = { ...axes, layers: [{ kind: "line", y: [1, 2], label: "mean" }, { kind: "dashed", y: [1, 3], label: "Eq (9)" }] };
    const p2: PlotPanel = { ...axes, layers: [{ kind: "points", x: [1], y: [1], label: "runs", color: "#000" }, { kind: "line", y: [2, 2], label: "mean", color: "#0f0" }] };
    const vl = toVegaLite(spec([p1, p2])) as Obj;
    const color = layers(vl, 1)[1].encoding.color.scale;
    expect(color.domain).toEqual(["mean", "Eq (9)", "runs"]);
    expect(color.range).toEqual(["#d62728", "#1f5fbf", "#000"]);
    expect(layers(vl, 0)[1].encoding.strokeDash.scale.range).toEqual([[1, 0], [6, 4], [1, 0]]);
    expect(vl.resolve.legend.color).toBe("shared");
    expect(vl.columns).toBe(2);
  });

  it("bins a histogram into rectangles from zero", () => {
    const vl = toVegaLite(spec([{ x: { label: "T" }, y: { label: "count" }, layers: [{ kind: "histogram", values: [1, 2, 2, 3], bins: 2 }, { kind: "rule", x: 2 }] }]));
    const [hist, rule] = layers(vl);
    expect(hist.data.values).toEqual([{ x0: 1, x1: 2, count: 1 }, { x0: 2, x1: 3, count: 3 }]);
    expect(hist.encoding.y2).toEqual({ datum: 0 });
    expect(rule.data.values).toEqual([{ x: 2 }]);
    expect(rule.encoding.y).toBeUndefined();
    const logY = toVegaLite(spec([{ x: { label: "T" }, y: { label: "count", scale: "log" }, layers: [{ kind: "histogram", values: [1, 3, 3], bins: 2 }] }]));
    expect(layers(logY)[0].data.values).toEqual([{ x0: 1, x1: 2, count: 1 }, { x0: 2, x1: 3, count: 2 }]);
    const empty = toVegaLite(spec([{ x: { label: "T" }, y: { label: "count", scale: "log" }, layers: [{ kind: "histogram", values: [1, 5], bins: 2 }] }]));
    expect(layers(empty)[0].data.values).toEqual([{ x0: 1, x1: 3, count: 1 }, { x0: 3, x1: 5, count: 1 }]);
    const gap = toVegaLite(spec([{ x: { label: "T" }, y: { label: "count", scale: "log" }, layers: [{ kind: "histogram", values: [1, 5], bins: 4 }] }]));
    expect(layers(gap)[0].data.values.map((r: Obj) => r.count)).toEqual([1, 1]);
  });

  it("is plain JSON data and the same for the same input", () => {
    const panel: PlotPanel = {
      ...axes,
      layers: [
        { kind: "lines", series: walks(5, 50, 2) },
        { kind: "band", x: [0, 1], lower: [0, 0], upper: [1, 2], label: "bounds" },
        { kind: "text", x: [0], y: [0], text: ["origin"] },
      ],
    };
    const a = toVegaLite(spec([panel]));
    expect(JSON.parse(JSON.stringify(a))).toStrictEqual(a);
    expect(JSON.stringify(toVegaLite(spec([panel])))).toBe(JSON.stringify(a));
  });

  it("names the bad field in its errors", () => {
    const bad = (panels: PlotPanel[], extra: Partial<PlotSpec> = {}) => () => toVegaLite(spec(panels, extra));
    expect(bad([{ ...axes, layers: [{ kind: "line", y: [1] }, { kind: "points", x: [1, 2], y: [1] }] }])).toThrow(/^panels\[0\]\.layers\[1\]\.y/);
    expect(bad([{ ...axes, layers: [{ kind: "area" } as never] }])).toThrow(/^panels\[0\]\.layers\[0\]\.kind/);
    expect(bad([{ ...axes, layers: [{ kind: "rule", x: 1, y: 2 }] }])).toThrow(/^panels\[0\]\.layers\[0\] must set exactly one/);
    expect(bad([{ x: { label: "x", scale: "log", domain: [0, 1] }, y: axes.y, layers: [{ kind: "line", y: [1] }] }])).toThrow(/^panels\[0\]\.x\.domain/);
    expect(bad([])).toThrow(/^panels/);
    expect(bad([{ ...axes, layers: [{ kind: "line", y: [1] }] }], { seed: NaN })).toThrow(/^seed/);
    expect(bad([{ ...axes, layers: [{ kind: "line", y: [1] }] }], { title: "" })).toThrow(/^title/);
  });
});
