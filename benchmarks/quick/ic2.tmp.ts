import { createRng } from "../../src/rng/index.ts";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";


import { binomialUnchecked, binomialSampler } from "../../src/sample/binomial.ts";
const which = process.argv[2];
const R = Number(process.argv[3]);
const rng = createRng(1);
const g = xoroshiro128plus(1);
const fns: Record<string, () => number> = {
  none: () => 0,
  uniform: () => { let s = 0; for (let i = 0; i < R; i++) s += rng.uniform(); return s; },
  uint32: () => { let s = 0; for (let i = 0; i < R; i++) s += rng.uint32(); return s; },
  rawnext: () => { let s = 0; for (let i = 0; i < R; i++) s += g.next(); return s; },
  math: () => { let s = 0; let x = 0.5; for (let i = 0; i < R; i++) { x = x * 0.999 + 0.0005; s += x; } return s; },


  bin: () => { let s = 0; for (let i = 0; i < R; i++) s += binomialUnchecked(rng, 1e6, 0.3 + (i & 7) * 0.01); return s; },
  inv20: () => { let s = 0; for (let i = 0; i < R; i++) s += binomialUnchecked(rng, 20, 0.3 + (i & 7) * 0.01); return s; },
  inv1: () => { let s = 0; for (let i = 0; i < R; i++) s += binomialUnchecked(rng, 1, 0.3 + (i & 7) * 0.01); return s; },
  sampler: () => { let s = 0; const d = binomialSampler(1e6, 0.3); for (let i = 0; i < R; i++) s += d(rng); return s; },
};
const t = process.cpuUsage();
const out = fns[which]();
const d = process.cpuUsage(t);
if (!process.env.QUIET) console.log(which, ((d.user) * 1000 / R).toFixed(2), "ns/iter", out > 0);
