import { createRng } from "../../src/rng/index.ts";
import { btrdRest } from "../../src/sample/btrd.ts";
const which = process.argv[2];
const R = Number(process.argv[3]);
const rng = createRng(1);
const fns: Record<string, () => number> = {
  rest: () => { let s = 0; for (let i = 0; i < R; i++) s += btrdRest(rng, 1e6, 0.3 + (i & 7) * 0.01, 0.85 + rng.uniform() * 0.15); return s; },
  restuni: () => { let s = 0; for (let i = 0; i < R; i++) s += 0.85 + rng.uniform() * 0.15; return s; },
  log: () => { let s = 0; for (let i = 0; i < R; i++) s += Math.log(0.85 + rng.uniform() * 0.15); return s; },
};
const t = process.cpuUsage();
const out = fns[which]();
const d = process.cpuUsage(t);
if (!process.env.QUIET) console.log(which, ((d.user) * 1000 / R).toFixed(2), "ns/iter", out > 0);
