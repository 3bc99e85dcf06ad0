/**
 * The committed reports/ are the output of the default `verify` run: this test regenerates them
 * into a temporary folder and fails on any difference (except the git commit and the duration),
 * so a change to a sampler, a closed form or a check shows up as a reviewed diff of the reports.
 * It also checks that 1 and 2 worker threads give byte-identical results.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isVacuous } from "../check/decide.ts";
import type { VerdictRecord } from "../check/types.ts";
import { verifyParallel } from "../check/verifyParallel.ts";
import { runVerify } from "./verifyCommand.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), "verify-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(dir, join(prefix, e.name)) : [join(prefix, e.name)],
  );
}

describe("committed reports", () => {
  it("are exactly what the default verify run writes", async () => {
    const code = await runVerify({ seed: 1, out: tmp, extended: false, delta: 1e-6, figures: true, quiet: true, workers: 2, reproducible: true });
    expect(code).toBe(0);
    // Exit 0: every verdict as expected (every planted bug refuted, the paper's vacuous points "vacuous").
    // Every bound declares its a priori range (runCheck makes a bound without one inconclusive),
    // and none at or beyond it "holds".
    const written = JSON.parse(readFileSync(join(tmp, "verdicts.json"), "utf8")) as { records: VerdictRecord[]; commit?: string; durationSeconds?: number };
    expect([written.commit, written.durationSeconds]).toEqual([undefined, undefined]);
    const { records } = written;
    for (const r of records) {
      if (r.relation !== "equals") expect(r.range, r.id).toBeDefined();
      if (r.verdict === "holds" && r.range) expect(isVacuous(r.relation, r.predicted, r.range), r.id).toBe(false);
    }
    expect(records.filter((r) => r.verdict === "vacuous").length).toBeGreaterThan(0);
    const committed = join(ROOT, "reports");
    const fresh = listFiles(tmp).filter((f) => !f.endsWith(".png")).sort();
    // verify owns verdicts.json, VERDICTS.md and figures/; other reports (benchmarks, transformer, calibration) live beside them.
    const owned = (f: string): boolean =>
      f === "verdicts.json" ||
      f === "VERDICTS.md" ||
      (f.startsWith("figures/") && !f.startsWith("figures/fig5-transformer") && !f.startsWith("figures/calibration-"));
    const old = listFiles(committed).filter((f) => owned(f) && !f.endsWith(".png")).sort();
    expect(fresh).toEqual(old);
    for (const f of fresh) {
      const a = readFileSync(join(tmp, f), "utf8");
      const b = readFileSync(join(committed, f), "utf8");
      // npm run reports writes with --reproducible (no commit, no duration): every file byte-identical.
      expect(a, f).toBe(b);
    }
  }, 600_000);

  it("one and two worker threads give identical records", async () => {
    const options = { seed: 7, only: ["thm1-sm-exact", "thm2-sm-partial-printed-exact", "sampler-binomial-mean"], plantedBugs: false };
    const one = await verifyParallel({ ...options, workers: 1 });
    const two = await verifyParallel({ ...options, workers: 2 });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  }, 300_000);
});
