import { createRng } from "../../src/rng/index.ts";
import { binomialInversion } from "../../src/sample/binomialInversion.ts";
import { btrd } from "../../src/sample/btrd.ts";
const rng = createRng(1);
function bench(f: () => number): number {
  let best = Infinity; let acc = 0;
  for (let r = 0; r < 9; r++) { const t = process.cpuUsage(); for (let i = 0; i < 2e5; i++) acc += f(); const d = process.cpuUsage(t); best = Math.min(best, d.user * 1000 / 2e5); }
  return acc > -1 ? best : 0;
}
for (const n of [40, 1000, 1e6]) for (const mean of [10, 12, 15, 20, 30]) {
  const p = mean / n;
  if (p > 0.5) continue;
  const a = bench(() => binomialInversion(rng, n, p + (rng.uint32() & 1) * 1e-9));
  const b = bench(() => btrd(rng, n, p + (rng.uint32() & 1) * 1e-9));
  console.log(`n=${n} mean=${mean}: inversion ${a.toFixed(1)} ns, BTRD ${b.toFixed(1)} ns`);
}
