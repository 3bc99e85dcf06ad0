import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { defaultPngScale, normalizeSvgIds, renderPlot, svgToPng } from "./renderPlot.ts";
import { simplexPanel } from "./simplexPanel.ts";
import type { PlotSpec } from "./types.ts";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function sha(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

function pngSize(png: Uint8Array): [number, number] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
}

/** A spec with every layer kind, a log axis, a fixed domain (so clip paths) and two panels. */
function everyLayer(seed: number): PlotSpec {
  const m = Array.from({ length: 30 }, (_, i) => i);
  return {
    title: "Test figure: every layer",
    parameters: { s: 600, support: 52, S0: 0.1, N: 100, n: 10 },
    seed,
    note: "100 runs in amber, mean in red",
    pngScale: 1,
    panels: [
      {
        title: "sigma_m",
        x: { label: "generation m", domain: [0, 29] },
        y: { label: "sigma_m", scale: "log" },
        layers: [
          { kind: "band", x: m, lower: m.map((i) => 0.05 + i / 1000), upper: m.map((i) => 0.2 + i / 500), label: "band" },
          { kind: "lines", series: [0, 1, 2].map((r) => ({ y: m.map((i) => 0.1 + 0.01 * Math.sin(i + r)) })), label: "one run" },
          { kind: "line", y: m.map(() => 0.1), label: "mean" },
          { kind: "dashed", y: m.map((i) => 0.1 + i / 1000), label: "Eq (9)" },
          { kind: "points", x: [5, 10], y: [0.12, 0.13], label: "crosses" },
          { kind: "rule", y: 0.15, dashed: true },
          { kind: "text", x: [15], y: [0.3], text: ["note"] },
        ],
      },
      { x: { label: "T" }, y: { label: "count" }, layers: [{ kind: "histogram", values: [3, 4, 4, 5, 9], bins: 4, label: "T" }, { kind: "rule", x: 5, label: "mean" }] },
    ],
  };
}

describe("renderPlot", () => {
  it("renders a valid PNG of the SVG's size times the scale, with the title and parameters in the SVG and no warnings", async () => {
    const { svg, png, warnings } = await renderPlot(everyLayer(7));
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("Test figure: every layer");
    expect(svg).toContain("s = 600, support = 52, S0 = 0.1, N = 100, n = 10, seed = 7");
    expect(svg).toContain('font-family="DejaVu Sans"');
    expect(warnings).toEqual([]);
    const width = Number(svg.match(/<svg[^>]* width="([\d.]+)"/)![1]);
    const height = Number(svg.match(/<svg[^>]* height="([\d.]+)"/)![1]);
    expect(pngSize(png)).toEqual([Math.round(width), Math.round(height)]);
    expect(pngSize(svgToPng(svg, 2))).toEqual([Math.round(2 * width), Math.round(2 * height)]);
  });

  it("gives byte-identical SVG and PNG for the same spec, whatever was rendered before", async () => {
    const first = await renderPlot(everyLayer(7));
    expect(first.svg).toMatch(/id="clip1"/);
    await renderPlot(everyLayer(8));
    await renderPlot({ title: "simplex", parameters: {}, seed: 1, panels: [simplexPanel({ points: [[0.2, 0.3, 0.5]] })] });
    const again = await renderPlot(everyLayer(7));
    expect(again.svg).toBe(first.svg);
    expect(sha(again.png)).toBe(sha(first.png));
    expect((await renderPlot(everyLayer(8))).svg).not.toBe(first.svg);
  });

  it("gives the same bytes when plots render concurrently", async () => {
    const alone = await renderPlot(everyLayer(7));
    const [a, , b] = await Promise.all([renderPlot(everyLayer(7)), renderPlot(everyLayer(9)), renderPlot(everyLayer(7))]);
    expect(a.svg).toBe(alone.svg);
    expect(b.svg).toBe(alone.svg);
    expect(sha(b.png)).toBe(sha(alone.png));
  });

  it("gives the same bytes in a fresh process", async () => {
    const here = fileURLToPath(new URL(".", import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), "render-plot-"));
    try {
      const script = join(dir, "render.mts");
      const fn = everyLayer.toString();
      writeFileSync(
        script,
        `import { createHash } from "node:crypto";\n` +
          `import { renderPlot } from ${JSON.stringify(join(here, "renderPlot.ts"))};\n` +
          `const everyLayer = ${fn};\n` +
          `const r = await renderPlot(everyLayer(7));\n` +
          `const sha = (d) => createHash("sha256").update(d).digest("hex");\n` +
          `console.log(JSON.stringify({ svg: sha(r.svg), png: sha(r.png) }));\n`,
      );
      const out = execFileSync(process.execPath, ["--import", "tsx", script], { cwd: join(here, "..", "..", ".."), encoding: "utf8" });
      const child = JSON.parse(out.trim().split("\n").pop()!);
      const ours = await renderPlot(everyLayer(7));
      expect(child).toEqual({ svg: sha(ours.svg), png: sha(ours.png) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("finds a font: text changes the PNG", () => {
    const svg = (text: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30"><rect width="120" height="30" fill="white"/>` +
      `<text x="5" y="20" font-family="DejaVu Sans" font-size="14px">${text}</text></svg>`;
    expect(sha(svgToPng(svg("Hello"), 1))).not.toBe(sha(svgToPng(svg(""), 1)));
    expect(sha(svgToPng(svg("Hello"), 1))).not.toBe(sha(svgToPng(svg("Hellp"), 1)));
  });

  it("rejects a bad PNG scale", () => {
    expect(() => svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>', 0)).toThrow(/^scale/);
  });
});

describe("normalizeSvgIds", () => {
  it("renumbers clip and gradient ids by first appearance, references included", () => {
    const svg = '<clipPath id="clip7"/><g clip-path="url(#clip7)"/><clipPath id="clip3"/><linearGradient id="gradient_4"/><path fill="url(#gradient_4)"/><g clip-path="url(#clip3)"/>';
    expect(normalizeSvgIds(svg)).toBe(
      '<clipPath id="clip1"/><g clip-path="url(#clip1)"/><clipPath id="clip2"/><linearGradient id="gradient_0"/><path fill="url(#gradient_0)"/><g clip-path="url(#clip2)"/>',
    );
  });
});

describe("defaultPngScale", () => {
  it("doubles narrow figures only", () => {
    expect(defaultPngScale('<svg class="marks" width="620" height="300">')).toBe(2);
    expect(defaultPngScale('<svg class="marks" width="1848.5" height="942">')).toBe(1);
    expect(defaultPngScale('<svg class="marks" width="1199" height="942">')).toBe(2);
    expect(defaultPngScale("<svg>")).toBe(2);
  });
});
