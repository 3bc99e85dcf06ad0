import { describe, expect, it } from "vitest";
import type { LineLayer, PlotLayer } from "./plot/types.ts";
import { toVegaLite } from "./plot/toVegaLite.ts";
import { fakeTransformerRecord } from "./transformerReport.fixture.ts";
import { checkTransformerRecord, generationColor, transformerReport, transformerRunCommand } from "./transformerReport.ts";

const paths = { runPath: "reports/transformer/run.json", outDir: "reports" };

const lines = (layers: readonly PlotLayer[]) => layers.filter((l): l is LineLayer => l.kind === "line" || l.kind === "dashed");

describe("transformerReport markdown", () => {
  it("is a deterministic function of the record and the paths", () => {
    const a = transformerReport(fakeTransformerRecord(), paths);
    const b = transformerReport(fakeTransformerRecord(), paths);
    expect(a.markdown).toBe(b.markdown);
    expect(JSON.stringify(a.plot)).toBe(JSON.stringify(b.plot));
    expect(transformerReport(fakeTransformerRecord(), { ...paths, outDir: "elsewhere" }).markdown).not.toBe(a.markdown);
  });

  it("has one table row per setting and generation, with the record's numbers", () => {
    const md = transformerReport(fakeTransformerRecord(), paths).markdown;
    // m | documents by source | real | synthetic | L1 from p^(1) | L1 from p^(0) | loss | entropy | sigma | S_m | support
    expect(md).toContain("| 0 (p^(0)) | 0: 1 | 1000 | 0 | – | 0 | 2.7 | 2.8 | 0.12 | – | 65 |");
    expect(md).toContain("| 2 | 1: 4 | 0 | 256 | 0.4 | 0.45 | 2.9 | 2.85 | 0.12 | 0.5 | 65 |");
    expect(md).toContain("| 3 | 2: 4 | 0 | 256 | 0.6 | 0.65 | 3.25 | 2.95 | 0.1 | 0.8 | 65 |");
    // mix-80 has no Theorem 1 column.
    expect(md).toContain("| 3 | 0: 3, 2: 1 | 192 | 64 | 0.25 | 0.39 | 2.75 | 2.74 | 0.135 | 65 |");
    expect(md).toContain("### mix-80 (80% real)");
    // Summary row: deviation and losses at m = G, the change with its sign.
    expect(md).toContain("| fully-synthetic (0% real) | 0.6 | 0.65 | 2.68 | 3.25 | +0.57 | 0.1 | 2.95 |");
    expect(md).toContain("| mix-80 (80% real) | 0.25 | 0.39 | 2.71 | 2.75 | +0.04 | 0.135 | 2.74 |");
  });

  it("says it is generated, gives both commands, the notes, the figure link and the run's facts", () => {
    const md = transformerReport(fakeTransformerRecord(), paths).markdown;
    expect(md).toMatch(/^# The transformer regime \(Figure 5\): tiny preset, cpu backend, seed 7\n/);
    expect(md).toContain("do not edit it by hand");
    expect(md).toContain(
      "npx collapse-harness transformer --preset tiny --setting fully-synthetic,mix-80 --generations 3 --backend cpu --seed 7 --out reports/transformer/run.json\n",
    );
    expect(md).toContain("npx collapse-harness transformer-report --in reports/transformer/run.json --out reports\n");
    expect(md).toContain("- First protocol note.\n- Second protocol note.\n");
    expect(md).toContain("](figures/fig5-transformer.png)");
    expect(md).toContain("figures/fig5-transformer.svg");
    expect(md).toContain("| model.contextLength | 16 |");
    expect(md).toContain("14976 parameters");
    expect(md).toContain("1003854 training");
    expect(md).toContain("```text\ngen 3 text\n```");
  });

  it("states the drift ordering and the loss changes from the numbers", () => {
    const md = transformerReport(fakeTransformerRecord(), paths).markdown;
    expect(md).toContain("is 0.6 for fully-synthetic, 0.25 for mix-80.");
    expect(md).toContain("Fully synthetic drifts 2.4 times as far as mix-80; its deviation grows from 0.4 at m = 2 to 0.6 at m = 3.");
    expect(md).toContain("mix-80 stays within [0.25, 0.3] over m = 2..3");
    expect(md).toContain("fully-synthetic 2.68 → 3.25 (+0.57); mix-80 2.71 → 2.75 (+0.04)");
    expect(md).not.toContain("not further");
    // With the deviations swapped the report says the paper's ordering is not seen.
    const swapped = fakeTransformerRecord();
    swapped.settings[0].generations[3].l1FromFirst = 0.1;
    expect(transformerReport(swapped, paths).markdown).toContain("drifts 0.4 times as far as mix-80 (that is, not further");
  });

  it("compares sigma_m with Theorem 1's S_m honestly, per context too", () => {
    const md = transformerReport(fakeTransformerRecord(), paths).markdown;
    expect(md).toContain("predicts a mean S_m of 0.3 at m = 1 rising to 0.8 at m = 3 (mean σ_0 = 0.12)");
    expect(md).toContain("The network does not: its mean σ_m fell from 0.13 at m = 1 to 0.1 at m = 3 (range 0.1 to 0.13 over m = 1..3), 8 times below the prediction");
    expect(md).toContain("σ_m is below Theorem 1's S_m in 3 of 4 (75%) contexts, and above σ_0 in 0 of 4 (0%)");
    expect(md).toContain("median 2 and upper quartile 5");
    expect(md).toContain("n_t = 0, which leaves S unchanged, in 1 of 4 (25%) contexts");
    expect(md).toContain("S_m has reached 1 in 1 of 4 (25%) contexts");
    expect(md).toContain("median 250");
    expect(md).toContain("is not the loss of variance");
    // If the network did concentrate as predicted, the report must not claim otherwise.
    const concentrating = fakeTransformerRecord();
    concentrating.settings[0].generations[3].sigma = 0.85;
    const md2 = transformerReport(concentrating, paths).markdown;
    expect(md2).toContain("The network does: its mean σ_m rose from 0.13 at m = 1 to 0.85 at m = 3");
    expect(md2).not.toContain("is not the loss of variance");
    // No S_m in the record: no comparison section.
    const none = fakeTransformerRecord();
    for (const g of none.settings[0].generations) g.theorem1S = null;
    expect(transformerReport(none, paths).markdown).not.toContain("## Theorem 1 against the network");
  });
});

describe("transformerRunCommand", () => {
  it("adds the CLI overrides the record's preset needs and lists what the CLI cannot set", () => {
    const r = fakeTransformerRecord();
    r.preset.train.iterations = 7;
    r.preset.protocol.contexts = 4;
    r.realSource = "p0";
    const plain = transformerRunCommand(r, "x.json");
    expect(plain.command).toBe(
      "npx collapse-harness transformer --preset tiny --setting fully-synthetic,mix-80 --generations 3 --backend cpu --seed 7 --real-source p0 --iterations 7 --contexts 4 --out x.json",
    );
    expect(plain.unreproducible).toEqual([]);
    r.preset.model.layers = 3;
    expect(transformerRunCommand(r, "x.json").unreproducible).toEqual(["model.layers = 3 (preset tiny: 1)"]);
    expect(transformerReport(r, paths).markdown).toContain("does not reproduce it exactly: model.layers = 3 (preset tiny: 1).");
  });
});

describe("transformerReport plot", () => {
  it("has Figure 5's panels with the record's values", () => {
    const { plot } = transformerReport(fakeTransformerRecord(), paths);
    expect(plot.seed).toBe(7);
    expect(plot.parameters).toMatchObject({ preset: "tiny", backend: "cpu", "context length": 16, iterations: 100, contexts: 300 });
    expect(plot.panels).toHaveLength(3 + 2);
    const [deviation, sigma, loss, fsCurves, mixCurves] = plot.panels;
    expect(deviation.x.domain).toEqual([1, 3]);
    expect(lines(deviation.layers).map((l) => [l.label, Array.from(l.x ?? []), Array.from(l.y)])).toEqual([
      ["fully-synthetic (0% real)", [1, 2, 3], [0, 0.4, 0.6]],
      ["mix-80 (80% real)", [1, 2, 3], [0, 0.3, 0.25]],
    ]);
    const theory = sigma.layers.find((l) => l.kind === "dashed") as LineLayer;
    expect(theory.label).toBe("Theorem 1's S_m, fully-synthetic");
    expect(Array.from(theory.y)).toEqual([0.3, 0.5, 0.8]);
    expect(Array.from(lines(sigma.layers)[0].y)).toEqual([0.12, 0.13, 0.12, 0.1]);
    expect(Array.from(lines(loss.layers)[1].y)).toEqual([2.7, 2.71, 2.73, 2.75]);
    expect(fsCurves.x.scale).toBe("log");
    expect(fsCurves.title).toBe("val loss while training, fully-synthetic");
    expect(lines(fsCurves.layers).map((l) => l.label)).toEqual(["Gen 0 = p^(0)", "Gen 1", "Gen 2", "Gen 3"]);
    expect(Array.from(lines(mixCurves.layers)[3].y)).toEqual([4.1, 3.33, 2.75]);
    expect(fsCurves.y.domain).toEqual([2.6, 4.1]);
    expect(() => toVegaLite(plot)).not.toThrow();
  });

  it("colours generations from dark to light", () => {
    expect(generationColor(1, 10)).toBe("#440154");
    expect(generationColor(10, 10)).toBe("#d8c41c");
    expect(generationColor(1, 1)).toBe("#440154");
    expect(new Set(Array.from({ length: 10 }, (_, i) => generationColor(i + 1, 10))).size).toBe(10);
  });
});

describe("checkTransformerRecord", () => {
  it("accepts the fixture and rejects what is not a run record, naming the field", () => {
    expect(checkTransformerRecord(fakeTransformerRecord(), "in").seed).toBe(7);
    const bad: Array<[(r: Record<string, any>) => unknown, RegExp]> = [
      [() => [1, 2], /^in must be a transformer run record .*: the value must be a JSON object$/],
      [(r) => ({ ...r, kind: "run-record" }), /: kind must be "transformer-recursion"$/],
      [(r) => ({ ...r, settings: [] }), /: settings must be a non-empty array$/],
      [(r) => { r.settings[1].generations[2].sigma = "x"; return r; }, /: settings\[1\]\.generations\[2\]\.sigma must be a finite number$/],
      [(r) => { r.settings[0].generations[3].lossCurve[0].iteration = 0; return r; }, /settings\[0\]\.generations\[3\]\.lossCurve\[0\] must be/],
      [(r) => { r.settings[0].generations.splice(1, 1); return r; }, /settings\[0\]\.generations\[1\]\.generation must be 1$/],
      [(r) => { r.settings[1].generations[2].sources = [{ t: 0 }]; return r; }, /settings\[1\]\.generations\[2\]\.sources must be an array of/],
    ];
    for (const [edit, message] of bad) {
      expect(() => checkTransformerRecord(edit(fakeTransformerRecord() as unknown as Record<string, any>), "in")).toThrow(message);
    }
    expect(() => transformerReport(fakeTransformerRecord(), { runPath: "", outDir: "r" })).toThrow(/^options\.runPath must be/);
    // Records written before `sources` existed are still read; their column shows a dash.
    const old = fakeTransformerRecord() as unknown as Record<string, any>;
    for (const s of old.settings) for (const g of s.generations) delete g.sources;
    expect(transformerReport(checkTransformerRecord(old, "in"), paths).markdown).toContain("| 2 | – | 0 | 256 |");
  });
});
