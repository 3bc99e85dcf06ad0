import { createRng } from "../../src/rng/index.ts";
import { multinomialOnSupportWith } from "../../src/sample/multinomial.ts";
const which = process.argv[2];
const R = Number(process.argv[3]);
const rng = createRng(1);
const s = 1000;
const w = new Float64Array(s);
for (let i = 0; i < s; i++) w[i] = 1 / (i + 1);
const sup = Int32Array.from({ length: s }, (_, i) => i);
const out = new Int32Array(s);
const n = which === "big" ? 1e6 : 1000;
const t = process.cpuUsage();
let acc = 0;
for (let r = 0; r < R; r++) { multinomialOnSupportWith(rng, n, w, sup, s, out, "binomial"); acc += out[0]; }
const d = process.cpuUsage(t);
if (!process.env.QUIET) console.log(which, ((d.user) / R).toFixed(2), "us/call", acc > 0);
