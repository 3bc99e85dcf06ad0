import { createRng } from "../../src/rng/index.ts";
import { btrd, C } from "./btrdc.tmp.ts";
const rng = createRng(1);
const s = 1000; const w = new Float64Array(s); for (let i = 0; i < s; i++) w[i] = 1 / (i + 1);
const suffix = new Float64Array(s); let t = 0; for (let j = s - 1; j >= 0; j--) { t += w[j]; suffix[j] = t; }
let inv = 0;
for (let r = 0; r < 200; r++) {
  let rest = 1e6;
  for (let j = 0; j < s - 1 && rest > 0; j++) {
    let p = w[j] / suffix[j]; let flip = false; if (p > 0.5) { p = 1 - p; flip = true; }
    if (rest * p < 10) { inv++; rest -= Math.round(rest * p); continue; }
    const x = btrd(rng, rest, p); rest -= flip ? rest - x : x;
  }
}
console.log(C, "inversion", inv);
for (const [n, p] of [[1000, 0.3], [1e6, 0.3], [100, 0.2], [2**31-1, 0.5]]) {
  for (const k of Object.keys(C)) C[k] = 0;
  for (let i = 0; i < 1e5; i++) btrd(rng, n, p);
  console.log(n, p, JSON.stringify(C));
}
