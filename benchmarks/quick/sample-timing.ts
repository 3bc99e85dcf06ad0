/**
 * Quick timings of the samplers (not a test): ns per draw / per call, best of a few rounds.
 * Run: npx tsx benchmarks/quick/sample-timing.ts [filter]
 * With a filter (a substring of the labels, e.g. "n=1e6"), only the matching rows run, in a fresh
 * process: V8 then specialises the code for that case alone, as in a simulation's hot loop; in a
 * full run the earlier rows leave polymorphic feedback that can cost 10-40%.
 */
import { createRng } from "../../src/rng/index.ts";
import { binomialUnchecked, binomialSampler } from "../../src/sample/binomial.ts";
import { categoricalSampler } from "../../src/sample/categorical.ts";
import { multinomialOnSupport, multinomialOnSupportWith, type MultinomialMethod } from "../../src/sample/multinomial.ts";

const rng = createRng(12345);
let sink = 0;

/**
 * Best of 7 rounds of `reps` calls, in CPU time of this process (less disturbed than wall time
 * on a shared machine). Bodies return a number that is summed locally: a module-level
 * accumulator would box a double per call and distort nanosecond timings.
 */
const filter = process.argv[2] ?? "";

function time(label: string, reps: number, body: () => number, unit = "call"): number {
  if (!label.includes(filter)) return NaN;
  let best = Infinity;
  let acc = 0;
  for (let round = 0; round < 7; round++) {
    const t0 = process.cpuUsage();
    for (let r = 0; r < reps; r++) acc += body();
    const d = process.cpuUsage(t0);
    const ns = ((d.user + d.system) * 1000) / reps;
    if (ns < best) best = ns;
  }
  sink += acc;
  const shown = best >= 1e4 ? `${(best / 1e3).toFixed(1)} us` : `${best.toFixed(1)} ns`;
  console.log(`${label.padEnd(58)} ${shown.padStart(12)} / ${unit}`);
  return best;
}

function zipf(s: number): Float64Array {
  const w = new Float64Array(s);
  for (let i = 0; i < s; i++) w[i] = 1 / (i + 1);
  return w;
}
function iota(k: number): Int32Array {
  return Int32Array.from({ length: k }, (_, i) => i);
}

console.log("-- rng");
time("rng.uniform()", 1e6, () => rng.uniform(), "draw");

console.log("-- binomial (binomialUnchecked, per-call setup)");
const binCases: [number, number][] = [
  [1, 0.3], [20, 0.3], [20, 0.45], [100, 0.05], [100, 0.099], [100, 0.1], [100, 0.2], [1000, 0.3],
  [1e6, 0.3], [2 ** 31 - 1, 0.5], [2 ** 31 - 1, 1e-15], [1e6, 1e-3], [1e6, 1 - 1e-3],
];
for (const [n, p] of binCases) {
  time(`binomialUnchecked n=${n} p=${p}`, 1e6, () => binomialUnchecked(rng, n, p), "draw");
}
console.log("-- binomial (binomialSampler, precomputed)");
for (const [n, p] of [[20, 0.3], [1000, 0.3], [1e6, 0.3]] as [number, number][]) {
  const draw = binomialSampler(n, p);
  time(`binomialSampler n=${n} p=${p}`, 1e6, () => draw(rng), "draw");
}

console.log("-- categorical alias sampler");
{
  const w = zipf(1000);
  let t = 0;
  for (const x of w) t += x;
  const draw = categoricalSampler(Array.from(w, (x) => x / t));
  time("categoricalSampler s=1000 Zipf", 1e6, () => draw(rng), "draw");
}

console.log("-- multinomialOnSupport");
const cases: { label: string; n: number; s: number; k: number }[] = [
  { label: "n=1e6 s=1000 Zipf", n: 1e6, s: 1000, k: 1000 },
  { label: "n=1000 s=1000 Zipf", n: 1000, s: 1000, k: 1000 },
  { label: "n=10 s=600 support 52", n: 10, s: 600, k: 52 },
  { label: "n=10 s=600 support 600", n: 10, s: 600, k: 600 },
  { label: "n=100 s=65 (Shakespeare chars)", n: 100, s: 65, k: 65 },
  { label: "n=1e4 s=1000 Zipf", n: 1e4, s: 1000, k: 1000 },
];
for (const c of cases) {
  const w = zipf(c.s);
  const support = iota(c.k);
  const out = new Int32Array(c.s);
  const reps = Math.max(20, Math.min(20000, Math.floor(2e7 / (c.n + 50 * c.k))));
  for (const m of ["auto", "binomial", "categorical"] as ("auto" | MultinomialMethod)[]) {
    time(`${c.label} [${m}]`, reps, () => {
      if (m === "auto") multinomialOnSupport(rng, c.n, w, support, c.k, out);
      else multinomialOnSupportWith(rng, c.n, w, support, c.k, out, m);
      return out[0];
    });
  }
}
if (sink === 0.5) console.log(sink);
