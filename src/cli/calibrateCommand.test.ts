import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { calibrate } from "../calibrate/calibrate.ts";
import { QUICK_SEEDS, powerSeeds } from "../calibrate/calibrationPlan.ts";
import { oneSidedLowerBound } from "../calibrate/proportion.ts";
import type { CalibrationReport } from "../calibrate/types.ts";
import { runCli } from "./runCli.testkit.ts";

const tmp = mkdtempSync(join(tmpdir(), "calibrate-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const workers = String(Math.min(2, availableParallelism()));

describe("calibrate --quick", () => {
  let report: CalibrationReport;

  it("writes CALIBRATION.md, calibration.json and the plot, and exits 0", async () => {
    const out = join(tmp, "quick");
    const r = await runCli(["calibrate", "--quick", "--quiet", "--workers", workers, "--out", out]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    report = JSON.parse(readFileSync(join(out, "calibration.json"), "utf8")) as CalibrationReport;
    const md = readFileSync(join(out, "CALIBRATION.md"), "utf8");
    expect(md).toMatch(/^# Calibration/);
    expect(md).toMatch(/`sampler-binomial-mean#1`/);
    expect(md).toMatch(/95% point \/ epsilon/);
    expect(readFileSync(join(out, "figures", "calibration-power.png")).subarray(1, 4).toString()).toBe("PNG");
    expect(readFileSync(join(out, "figures", "calibration-power.svg"), "utf8")).toMatch(/<svg/);
  }, 120_000);

  it("writes the same bytes on a second run (the duration goes to stdout, not to the files)", async () => {
    const out = join(tmp, "quick-again");
    const r = await runCli(["calibrate", "--quick", "--quiet", "--workers", "1", "--no-plot", "--out", out]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\(\d+(\.\d)? s\)/);
    // The same bytes but the folder named in the regenerate line.
    for (const f of ["calibration.json", "CALIBRATION.md"]) expect(readFileSync(join(out, f), "utf8").replaceAll(out, join(tmp, "quick")), f).toBe(readFileSync(join(tmp, "quick", f), "utf8"));
    expect(readFileSync(join(out, "CALIBRATION.md"), "utf8")).not.toMatch(/Duration/);
  }, 120_000);

  it("finds every false-alarm rate within delta (one-sided Clopper-Pearson test at the stated level)", () => {
    expect(report.falseAlarms.length).toBeGreaterThanOrEqual(8);
    for (const f of report.falseAlarms) {
      expect(f.refuted.trials, f.statement).toBe(QUICK_SEEDS);
      // Recomputed from the count: fails if the check raised false alarms far above delta.
      expect(oneSidedLowerBound(f.refuted.count, f.refuted.trials, report.testLevel), `${f.statement}#${f.point} at ${f.delta}`).toBeLessThanOrEqual(f.delta);
      expect(f.passes).toBe(true);
    }
  });

  it("detects the planted perturbation: never at size 0, every seed at the largest size", () => {
    expect(report.power.map((p) => p.family)).toEqual(["sampler-binomial-mean", "thm1-rho-upper"]);
    for (const p of report.power) {
      const first = p.curve[0];
      const last = p.curve[p.curve.length - 1];
      expect(first.size).toBe(0);
      expect(first.detected.trials).toBe(powerSeeds(QUICK_SEEDS));
      expect(first.detected.count, p.family).toBe(0);
      expect(last.detected.count, p.family).toBe(last.detected.trials);
      expect(p.at95, p.family).not.toBeNull();
      // The check keeps its stated promise: 95% detection at or below the epsilon it states.
      expect(p.at95!, p.family).toBeLessThanOrEqual(p.statedEpsilon);
    }
  });

  it("gives the same record in one thread as over workers", async () => {
    const single = await calibrate({ seed: 1, quick: true, workers: 1 });
    const strip = (r: object) => JSON.parse(JSON.stringify({ ...r, tool: "", version: "" })) as unknown;
    expect(strip(single)).toEqual(strip(report));
  }, 120_000);
});

describe("calibrate usage errors", () => {
  it("rejects bad options with one line naming the option, exit 2 and nothing written", async () => {
    for (const [args, name] of [
      [["--seeds", "0"], "seeds"],
      [["--seeds", "abc"], "seeds"],
      [["--workers", "0"], "workers"],
      [["--seed", "1.5"], "seed"],
    ] as const) {
      const out = join(tmp, `bad-${args[0]}-${args[1]}`);
      const r = await runCli(["calibrate", "--quick", ...args, "--quiet", "--out", out]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toContain(name);
      expect(existsSync(out)).toBe(false);
    }
  });
});
