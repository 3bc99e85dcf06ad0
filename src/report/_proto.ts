import * as vega from "vega";
import * as vl from "vega-lite";
import { Resvg } from "@resvg/resvg-js";
const rows: any[] = [];
for (let r = 0; r < 100; r++) for (let m = 0; m < 50; m++) rows.push({ run: r, m, y: Math.sin(m / 5 + r) + r / 100 });
const spec: any = {
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  title: { text: "Hello title", subtitle: "s = 3, seed = 1" },
  width: 400, height: 250,
  config: { font: "DejaVu Sans" },
  data: { values: rows },
  layer: [
    { mark: { type: "line", strokeWidth: 0.5, strokeOpacity: 0.2, color: "orange" }, encoding: { x: { field: "m", type: "quantitative" }, y: { field: "y", type: "quantitative" }, detail: { field: "run" } } },
  ],
};
for (let i = 0; i < 3; i++) {
  let t0 = performance.now();
  const vg = vl.compile(spec).spec;
  const t1 = performance.now();
  const view = new vega.View(vega.parse(vg), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  const t2 = performance.now();
  const png = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" }, fitTo: { mode: "zoom", value: 2 } }).render().asPng();
  const t3 = performance.now();
  console.log(i, (t1 - t0).toFixed(1), (t2 - t1).toFixed(1), (t3 - t2).toFixed(1), svg.length, png.length);
  if (i == 0) { (await import("node:fs")).writeFileSync("/tmp/proto/p1.png", png); (await import("node:fs")).writeFileSync("/tmp/proto/p1.svg", svg); }
}
