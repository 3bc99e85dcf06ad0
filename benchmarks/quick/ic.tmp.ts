import { createRng } from "../../src/rng/index.ts";
import { btrd } from "../../src/sample/btrd.ts";
import { btrdInline } from "./variant.tmp.ts";
import { binomialUnchecked, binomialSampler } from "../../src/sample/binomial.ts";
const which = process.argv[2];
const R = Number(process.argv[3]);
const rng = createRng(1);
let sink = 0;
const fns: Record<string, () => void> = {
  uniform: () => { for (let i = 0; i < R; i++) sink += rng.uniform(); },
  btrd: () => { for (let i = 0; i < R; i++) sink += btrd(rng, 1e6, 0.3 + (i & 7) * 0.01); },
  btrdInline: () => { for (let i = 0; i < R; i++) sink += btrdInline(rng, 1e6, 0.3 + (i & 7) * 0.01); },
  bin: () => { for (let i = 0; i < R; i++) sink += binomialUnchecked(rng, 1e6, 0.3 + (i & 7) * 0.01); },
  inv: () => { for (let i = 0; i < R; i++) sink += binomialUnchecked(rng, 20, 0.3 + (i & 7) * 0.01); },
  sampler: () => { const d = binomialSampler(1e6, 0.3); for (let i = 0; i < R; i++) sink += d(rng); },
  none: () => {},
};
fns[which]();
if (sink === 0.123) console.log(sink);
