import { verify } from "./src/check/verify.ts";
let t = Date.now();
const recs = verify({ seed: 1, only: process.argv.slice(2), onProgress: (d, n, l) => { process.stderr.write(`${d}/${n} ${l} +${((Date.now() - t) / 1000).toFixed(1)}s\n`); t = Date.now(); } });
for (const r of recs) console.log(r.id, r.verdict, r.expected, r.evidence);
