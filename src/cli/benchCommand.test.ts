import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./runCli.testkit.ts";

/** Whether python3 with numpy runs here (the peer's side is asserted only then). */
function hasNumpy(): boolean {
  try {
    execFileSync("python3", ["-c", "import numpy"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

// Smoke test of `collapse-harness bench --quick`: it must run every workload and write the report.
// It asserts no time (the machine may be loaded), only that everything ran and was written.
describe("collapse-harness bench --quick", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "bench-cli-"));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs every workload and writes BENCHMARKS.md, the JSON and both plots", async () => {
    const run = await runCli(["bench", "--quick", "--out", dir, "--quiet"]);
    expect(run.code).toBe(0);
    const md = readFileSync(join(dir, "BENCHMARKS.md"), "utf8");
    for (const title of [
      "Multinomial draws",
      "Binomial draws",
      "Figure 2 workload",
      "Figure 3 workload",
      "Exact chain",
      "The default verify run",
      "against the vocabulary size s",
      "Parallel Monte Carlo",
      "## Machine",
      "## Targets",
    ]) {
      expect(md).toContain(title);
    }
    expect(md).toContain("Quick (smoke) mode");
    const json = JSON.parse(readFileSync(join(dir, "bench", "benchmarks.json"), "utf8"));
    expect(json.workloads.map((w: { id: string }) => w.id)).toEqual(["multinomial", "binomial", "fig2", "fig3", "exact", "verify", "multinomial-vs-s", "parallel"]);
    const verify = json.workloads.find((w: { id: string }) => w.id === "verify");
    expect(verify.skipped).toMatch(/quick/);
    for (const w of json.workloads.filter((x: { id: string }) => x.id !== "verify")) {
      expect(w.cases.length).toBeGreaterThan(0);
      for (const c of w.cases) for (const side of c.sides) if (!side.unavailable) expect(side.seconds.every((t: number) => t > 0)).toBe(true);
    }
    const fig2 = json.workloads.find((w: { id: string }) => w.id === "fig2").cases[0];
    expect(fig2.sides.map((s: { kind: string }) => s.kind)).toEqual(["harness", "numpy", "numpy"]);
    if (hasNumpy()) {
      // The peer ran: every numpy side has a time per repetition.
      expect(json.machine.numpy).toMatch(/^\d+\./);
      for (const w of json.workloads) for (const c of w.cases) for (const side of c.sides) if (side.kind === "numpy") expect(side.seconds).toHaveLength(json.reps);
    } else {
      expect(md).toMatch(/n\/a \(/);
    }
    const parallel = json.workloads.find((w: { id: string }) => w.id === "parallel");
    expect(parallel.cases[0].notes.join(" ")).toMatch(/identical .*: yes/);
    for (const png of ["cost-vs-n.png", "cost-vs-s.png"]) {
      const bytes = readFileSync(join(dir, "bench", png));
      expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    }
    expect(existsSync(join(dir, "BENCHMARKS.md.tmp"))).toBe(false);
    expect(run.stdout).toMatch(/wrote .*BENCHMARKS\.md/);
  });

  it("exits 2 with one line on bad options", async () => {
    const reps = await runCli(["bench", "--quick", "--out", dir, "--reps", "0"]);
    expect(reps.code).toBe(2);
    expect(reps.stderr).toMatch(/^collapse-harness: reps must be an integer >= 1, got 0\n$/);
    const only = await runCli(["bench", "--quick", "--out", dir, "--only", "nope"]);
    expect(only.code).toBe(2);
    expect(only.stderr).toMatch(/^collapse-harness: only: unknown workload nope \(known: [^\n]*\)\n$/);
  });
});
