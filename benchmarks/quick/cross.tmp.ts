import { createRng } from "../../src/rng/index.ts";
import { multinomialOnSupportWith } from "../../src/sample/multinomial.ts";
const rng = createRng(1);
function bench(n: number, k: number, m: "binomial" | "categorical", zipf: boolean): number {
  const w = new Float64Array(k);
  for (let i = 0; i < k; i++) w[i] = zipf ? 1 / (i + 1) : 1;
  const sup = Int32Array.from({ length: k }, (_, i) => i);
  const out = new Int32Array(k);
  const reps = Math.max(5, Math.floor(3e6 / (n * 30 + k * 100)));
  let best = Infinity;
  for (let r = 0; r < 7; r++) {
    const t = process.cpuUsage();
    for (let i = 0; i < reps; i++) multinomialOnSupportWith(rng, n, w, sup, k, out, m);
    const d = process.cpuUsage(t);
    best = Math.min(best, d.user / reps);
  }
  return best;
}
for (const zipf of [true, false]) for (const k of [20, 65, 300, 1000]) {
  const row: string[] = [];
  for (const ratio of [0.5, 1, 2, 3, 5, 8]) {
    const n = Math.round(ratio * k);
    const b = bench(n, k, "binomial", zipf), c = bench(n, k, "categorical", zipf);
    row.push(`n/k=${ratio}: ${(c / b).toFixed(2)}`);
  }
  console.log(zipf ? "zipf" : "flat", "k=" + k, "cat/bin time:", row.join("  "));
}
