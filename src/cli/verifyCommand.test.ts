import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readOnlyFolder } from "./readOnlyFolder.testkit.ts";
import { runCli } from "./runCli.testkit.ts";
import { verifyCommand } from "./verifyCommand.ts";

const tmp = mkdtempSync(join(tmpdir(), "verify-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));


describe("verify command", () => {
  it("lists the checks with where they are in the paper", async () => {
    const r = await runCli(["verify", "--list"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^thm1-sm\tTheorem 1, Eq \(6\)/m);
    expect(r.stdout).toMatch(/^bug:n-minus-one\/thm1-sm/m);
  });

  it("runs a subset, writes both reports and exits 0 when every verdict is as expected", async () => {
    const out = join(tmp, "ok");
    const r = await runCli(["verify", "--only", "thm1-sm-exact", "thm2-sm-partial-printed-exact", "--no-figures", "--quiet", "--workers", "1", "--out", out]);
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(join(out, "verdicts.json"), "utf8")) as { records: Array<{ id: string; verdict: string }> };
    expect(json.records.find((x) => x.id === "thm2-sm-partial-printed-exact")?.verdict).toBe("refuted");
    expect(readFileSync(join(out, "VERDICTS.md"), "utf8")).toMatch(/thm2-sm-partial-printed-exact/);
  });

  it("rejects bad input with one line, exit 2 and no report", async () => {
    for (const args of [["--seed", "abc"], ["--delta", "2"], ["--workers", "0"], ["--only", "no-such-statement"]]) {
      const out = join(tmp, `bad-${args[0]}`);
      const r = await runCli(["verify", ...args, "--out", out, "--quiet"]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(existsSync(out)).toBe(false);
    }
  });

  it("caps --workers at the cores available unless --allow-oversubscribe, before any work (issue 10 (1))", async () => {
    const cores = availableParallelism();
    const out = join(tmp, "workers");
    for (const workers of ["1000", "1000000000", String(cores + 1)]) {
      const r = await runCli(["verify", "--workers", workers, "--only", "sampler-binomial", "--no-figures", "--quiet", "--out", out]);
      expect(r.code, workers).toBe(2);
      expect(r.stderr).toBe(`collapse-harness: workers must be at most the ${cores} cores available, got "${workers}" (--allow-oversubscribe to run more)\n`);
    }
    expect((await runCli(["verify", "--workers", "1e9", "--list"])).stderr).toMatch(/^collapse-harness: workers must be an integer >= 1, got "1e9"/);
    expect((await runCli(["verify", "--workers", String(cores + 1), "--allow-oversubscribe", "--list"])).code).toBe(0);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses --seed '' and non-decimal seeds instead of reading them as 0 (issue 10 (7))", async () => {
    for (const seed of ["", " ", "0x10", "1e3", "1.0"]) {
      const r = await runCli(["verify", "--seed", seed, "--list"]);
      expect(r.code, JSON.stringify(seed)).toBe(2);
      expect(r.stderr).toBe(`collapse-harness: seed must be an integer in [-2147483648, 4294967295], got ${JSON.stringify(seed)}${seed.trim() !== "" ? " (plain decimal digits only)" : ""}\n`);
    }
  });

  it("checks --out before running: an existing file, a file on the way, a read-only folder (issue 10 (4), (9))", async () => {
    const file = join(tmp, "a-file");
    writeFileSync(file, "x");
    const cases: Array<[string, RegExp]> = [
      [file, /^collapse-harness: out must be a folder, got .*a-file \(a file\)\n$/],
      [join(file, "sub"), /^collapse-harness: out: cannot create .*a-file\/sub: .*a-file is a file, not a folder\n$/],
    ];
    const ro = readOnlyFolder();
    if (ro) cases.push([join(ro.path, "reports"), /^collapse-harness: out: cannot write in .*: (permission denied|read-only file system)\n$/]);
    try {
      for (const [out, message] of cases) {
        const started = Date.now();
        // The whole default run with figures: the check must come before it, so this takes no time.
        const r = await runCli(["verify", "--quiet", "--workers", "1", "--out", out]);
        expect(r.code, out).toBe(2);
        expect(r.stderr).toMatch(message);
        expect(r.stdout).toBe("");
        expect(Date.now() - started).toBeLessThan(3000);
      }
    } finally {
      ro?.cleanup();
    }
    expect(readFileSync(file, "utf8")).toBe("x");
    expect(readdirSync(tmp).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  it("refuses a --delta so small that the run would outgrow its budgets, before any work", async () => {
    const r = await runCli(["verify", "--delta", "1e-300", "--only", "thm1-sm-exact", "--no-figures", "--quiet", "--out", join(tmp, "tiny-delta")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('collapse-harness: delta must lie in [1e-12, 1), got "1e-300"\n');
  });

  it("a write that fails after the run names the option and the file once (issue 10 (8))", async () => {
    const out = join(tmp, "blocked-report");
    mkdirSync(join(out, "verdicts.json"), { recursive: true });
    const r = await runCli(["verify", "--only", "thm1-sm-exact", "--no-figures", "--quiet", "--workers", "1", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^collapse-harness: out: cannot write .*blocked-report\/verdicts\.json: it is a folder\n$/);
    expect(r.stderr.match(/cannot write/g)).toHaveLength(1);
    expect(readdirSync(out)).toEqual(["verdicts.json"]);
  });

  it("writes into out/ (ignored by git) by default, not into the committed reports/ (issue 10 (10))", () => {
    expect(verifyCommand().options.find((o) => o.long === "--out")?.defaultValue).toBe("out");
  });
});
