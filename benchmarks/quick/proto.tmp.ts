import { createRng, type Rng } from "../../src/rng/index.ts";
import { binomialUnchecked } from "../../src/sample/binomial.ts";
const which = process.argv[2];
const R = Number(process.argv[3]);
const W = Number(process.argv[4] ?? 4);
const rng = createRng(1);
const s = 1000;
const w = new Float64Array(s);
for (let i = 0; i < s; i++) w[i] = 1 / (i + 1);
const out = new Int32Array(s);
const suffix = new Float64Array(s);
const rest = new Int32Array(64);
const start = new Int32Array(65);

function sequential(rng: Rng, n: number) {
  let sum = 0;
  for (let j = s - 1; j >= 0; j--) { sum += w[j]; suffix[j] = sum; }
  let r = n;
  for (let j = 0; j < s - 1; j++) { const x = binomialUnchecked(rng, r, w[j] / suffix[j]); out[j] = x; r -= x; }
  out[s - 1] = r;
}
function interleaved(rng: Rng, n: number, ways: number) {
  // chunk c covers [start[c], start[c+1]); suffix sums restart per chunk.
  for (let c = 0; c <= ways; c++) start[c] = Math.floor((c * s) / ways);
  for (let c = ways - 1; c >= 0; c--) {
    let sum = 0;
    for (let j = start[c + 1] - 1; j >= start[c]; j--) { sum += w[j]; suffix[j] = sum; }
  }
  // split n among chunks by conditional binomials on chunk totals (suffix over chunks)
  let tail = 0;
  for (let c = ways - 1; c >= 0; c--) { tail += suffix[start[c]]; rest[c] = 0; (rest as any)[32 + c] = 0; tailArr[c] = tail; }
  let r = n;
  for (let c = 0; c < ways - 1; c++) { const x = binomialUnchecked(rng, r, suffix[start[c]] / tailArr[c]); rest[c] = x; r -= x; }
  rest[ways - 1] = r;
  const len = Math.ceil(s / ways);
  for (let t = 0; t < len; t++) {
    for (let c = 0; c < ways; c++) {
      const j = start[c] + t;
      if (j >= start[c + 1]) continue;
      const rc = rest[c];
      if (j === start[c + 1] - 1) { out[j] = rc; rest[c] = 0; continue; }
      const x = binomialUnchecked(rng, rc, w[j] / suffix[j]);
      out[j] = x; rest[c] = rc - x;
    }
  }
}
const tailArr = new Float64Array(64);
const t = process.cpuUsage();
let acc = 0;
for (let r = 0; r < R; r++) { if (which === "seq") sequential(rng, 1e6); else interleaved(rng, 1e6, W); acc += out[0] + out[999]; }
const d = process.cpuUsage(t);
let tot = 0; for (let i = 0; i < s; i++) tot += out[i];
if (!process.env.QUIET) console.log(which, W, ((d.user) / R).toFixed(2), "us/call", acc > 0, tot);
