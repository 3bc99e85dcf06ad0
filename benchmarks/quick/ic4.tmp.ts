const which = process.argv[2];
const R = Number(process.argv[3]);
const fns: Record<string, () => number> = {
  exp: () => { let s = 0; for (let i = 0; i < R; i++) s += Math.exp(-(i & 1023) * 1e-3); return s; },
  log1p: () => { let s = 0; for (let i = 0; i < R; i++) s += Math.log1p(-(i & 1023) * 1e-4); return s; },
  log: () => { let s = 0; for (let i = 0; i < R; i++) s += Math.log(1 + (i & 1023) * 1e-4); return s; },
  sqrt: () => { let s = 0; for (let i = 0; i < R; i++) s += Math.sqrt(1 + (i & 1023) * 1e-4); return s; },
  div: () => { let s = 0; for (let i = 0; i < R; i++) s += 1 / (1 + (i & 1023) * 1e-4); return s; },
  base: () => { let s = 0; for (let i = 0; i < R; i++) s += (1 + (i & 1023) * 1e-4); return s; },
};
const t = process.cpuUsage();
const out = fns[which]();
const d = process.cpuUsage(t);
if (!process.env.QUIET) console.log(which, ((d.user) * 1000 / R).toFixed(2), "ns/iter", out > 0);
