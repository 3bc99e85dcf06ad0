import { createRng } from "../../src/rng/index.ts";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
const which = process.argv[2];
const R = Number(process.argv[3]);
const rng = createRng(1);
const g = xoroshiro128plus(1);
let sink = 0;
const fns: Record<string, () => void> = {
  uniform: () => { for (let i = 0; i < R; i++) sink += rng.uniform(); },
  uint32: () => { for (let i = 0; i < R; i++) sink += rng.uint32(); },
  rawnext: () => { for (let i = 0; i < R; i++) sink += g.next(); },
  math: () => { let x = 0.5; for (let i = 0; i < R; i++) { x = x * 0.999 + 0.0005; sink += x; } },
};
fns[which]();
if (sink === 0.123) console.log(sink);
