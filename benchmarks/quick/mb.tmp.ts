import { createRng } from "../../src/rng/index.ts";
import { btrd } from "../../src/sample/btrd.ts";
import { btrdInline } from "./variant.tmp.ts";
const rng = createRng(1);
let sink = 0;
const R = 3e5;
const fns: [string, () => void][] = [
  ["uniform", () => { for (let i = 0; i < R; i++) sink += rng.uniform(); }],
  ["btrd", () => { for (let i = 0; i < R; i++) sink += btrd(rng, 1e6, 0.3); }],
  ["btrdInline", () => { for (let i = 0; i < R; i++) sink += btrdInline(rng, 1e6, 0.3); }],
  ["btrd varying p", () => { for (let i = 0; i < R; i++) sink += btrd(rng, 1e6, 0.3 + (i & 7) * 0.01); }],
  ["btrdInline varying p", () => { for (let i = 0; i < R; i++) sink += btrdInline(rng, 1e6, 0.3 + (i & 7) * 0.01); }],
];
const best = fns.map(() => Infinity);
for (let r = 0; r < 30; r++) fns.forEach(([, f], i) => { const t = process.cpuUsage(); f(); const d = process.cpuUsage(t); best[i] = Math.min(best[i], (d.user + d.system) * 1000 / R); });
fns.forEach(([l], i) => console.log(l.padEnd(20), best[i].toFixed(1), "ns"));
