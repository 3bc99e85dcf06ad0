/**
 * The replicates the sequential checks (verify --sequential) use against the fixed-sample checks,
 * at the default budget (seed 1, suite delta 1e-6 split over the full default plan): per check and
 * point, runs used (fixed: main sample + the 1000-run pilot where there is one) and seconds.
 * "same width" reruns the sequential check asking its CS to end within epsilon/2 of the
 * prediction (the fixed-sample interval's half-width) instead of epsilon (the same guarantee).
 * Usage: npx tsx test-support/sequentialReplicates.ts [ids...]
 */
import { checkDelta, planChecks, runPlanned } from "../src/check/verify.ts";
import { deriveSeed } from "../src/rng/index.ts";
import { runCheck } from "../src/check/runCheck.ts";

const ids = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["thm1-sm", "ps-drift", "fs-second-moments", "token-lost-first-generation"];
const delta = checkDelta({}, planChecks({}).length);
const plan = planChecks({ only: ids, plantedBugs: true }).filter((c) => c.statement.method === "monte-carlo" && (ids.includes(c.statement.id) || ids.some((id) => c.statement.id.endsWith(`/${id}`))));
const pilotOf = (id: string) => (id.includes("token-lost") ? 0 : 1000);
const totals = { fixed: 0, seq: 0, half: 0, tf: 0, ts: 0 };
console.log("| check | point | fixed runs | fixed verdict | sequential runs | sequential verdict | same-width runs | fixed s | sequential s |");
console.log("|---|---|---:|---|---:|---|---:|---:|---:|");
for (const c of plan) {
  let t0 = performance.now();
  const f = runPlanned(c, 1, delta, false);
  const tf = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const s = runPlanned(c, 1, delta, false, true);
  const ts = (performance.now() - t0) / 1000;
  const seedLabel = `${c.statement.seedLabel ?? c.statement.id}#${JSON.stringify(c.point)}`;
  const h = runCheck(c.statement, c.point, { seed: deriveSeed(1, seedLabel), delta, extended: false, sequential: true, epsilon: f.epsilon / 2 });
  const fixedRuns = f.replicates + pilotOf(c.statement.id);
  totals.fixed += fixedRuns;
  totals.seq += s.replicates;
  totals.half += h.replicates;
  totals.tf += tf;
  totals.ts += ts;
  const pt = JSON.stringify(c.point).slice(0, 40).replace(/\|/g, "/");
  console.log(`| ${c.statement.id} | ${pt} | ${fixedRuns} | ${f.verdict} | ${s.replicates} | ${s.verdict} | ${h.replicates} (${h.verdict}) | ${tf.toFixed(2)} | ${ts.toFixed(2)} |`);
}
console.log(`| total | | ${totals.fixed} | | ${totals.seq} | | ${totals.half} | ${totals.tf.toFixed(1)} | ${totals.ts.toFixed(1)} |`);
console.log(`per-check delta ${delta.toExponential(3)}`);
