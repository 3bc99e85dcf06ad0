import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { benchCommandLine } from "../../benchmarks/runBench.ts";
import { benchCommand } from "./benchCommand.ts";
import { readOnlyFolder } from "./readOnlyFolder.testkit.ts";
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
    // issue 10 (10): a smoke run's sizes cannot measure the targets, so it prints no verdict on them.
    expect(run.stdout).not.toMatch(/^(MISS|MET|n\/a) /m);
    expect(run.stdout.trim().split("\n")).toHaveLength(1);
  });

  it("exits 2 with one line on bad options", async () => {
    const reps = await runCli(["bench", "--quick", "--out", dir, "--reps", "0"]);
    expect(reps.code).toBe(2);
    expect(reps.stderr).toMatch(/^collapse-harness: reps must be an integer >= 1, got "0"\n$/);
    const only = await runCli(["bench", "--quick", "--out", dir, "--only", "nope"]);
    expect(only.code).toBe(2);
    expect(only.stderr).toMatch(/^collapse-harness: only: unknown workload "nope" \(known: [^\n]*\)\n$/);
  });

  it("checks --workers and --out before any work (issue 10 (1), (4), (9))", async () => {
    const cores = availableParallelism();
    const workers = await runCli(["bench", "--quick", "--out", dir, "--workers", String(cores + 1)]);
    expect(workers.code).toBe(2);
    expect(workers.stderr).toBe(`collapse-harness: workers must be at most the ${cores} cores available, got "${cores + 1}" (--allow-oversubscribe to run more)\n`);
    const file = join(dir, "a-file");
    writeFileSync(file, "x");
    const cases: Array<[string, RegExp]> = [[file, /^collapse-harness: out must be a folder, got .*a-file \(a file\)\n$/]];
    const ro = readOnlyFolder();
    if (ro) cases.push([join(ro.path, "bench-out"), /^collapse-harness: out: cannot write in .*: (permission denied|read-only file system)\n$/]);
    try {
      for (const [out, message] of cases) {
        const started = Date.now();
        const r = await runCli(["bench", "--quick", "--quiet", "--out", out]);
        expect(r.code, out).toBe(2);
        expect(r.stderr).toMatch(message);
        expect(r.stdout).toBe("");
        expect(Date.now() - started).toBeLessThan(3000);
      }
    } finally {
      ro?.cleanup();
    }
  });

  it("writes into out/ (ignored by git) by default; npm run bench:report regenerates reports/ (issue 10 (10))", () => {
    expect(benchCommand().options.find((o) => o.long === "--out")?.defaultValue).toBe("out");
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts["bench:report"]).toMatch(/ bench --out reports$/);
    expect(pkg.scripts.reports).toMatch(/ verify --reproducible --out reports$/);
    expect(benchCommandLine({ quick: false, out: "reports" })).toBe("npm run bench:report");
    expect(benchCommandLine({ quick: true, out: "out" })).toBe("npm run bench -- --quick");
  });
});
