import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chmodSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./runCli.testkit.ts";

describe("collapse-harness exact", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "exact-cli-"));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes the fully-synthetic JSON atomically and prints a summary", async () => {
    const file = join(dir, "e.json");
    const run = await runCli(["exact", "--n", "12", "--p", "0.5,0.3,0.2", "--M", "20", "--out", file]);
    expect(run.code).toBe(0);
    expect(existsSync(`${file}.tmp`)).toBe(false);
    const r = JSON.parse(readFileSync(file, "utf8"));
    expect(r).toMatchObject({ setting: "fully-synthetic", n: 12, s: 3, M: 20, p: [0.5, 0.3, 0.2] });
    expect(r.rho).toHaveLength(21);
    expect(r.absorptionProbabilities).toEqual([0.5, 0.3, 0.2].map((v) => expect.closeTo(v, 12)));
    expect(r.expectedCollapseTime).toBeGreaterThan(1);
    expect(r.expectedFirstLossTime).toBeLessThan(r.expectedCollapseTime);
    expect(run.stdout).toMatch(/E\[T\] = 17\.19808/);
  });

  it("writes the partially-synthetic JSON, infinite times as the string \"Infinity\" (one JSON writer, issue 10 (13))", async () => {
    const file = join(dir, "p.json");
    const args = ["exact", "--n", "4", "--p", "0.5,0.3,0.2", "--setting", "partially-synthetic", "--real", "3,1,1", "--M", "5"];
    expect((await runCli([...args, "--out", file])).code).toBe(0);
    const r = JSON.parse(readFileSync(file, "utf8"));
    expect(r).toMatchObject({ setting: "partially-synthetic", N: 5, real: [3, 1, 1], expectedCollapseTime: "Infinity" });
    expect(readFileSync(file, "utf8")).toContain('"p": [0.5, 0.3, 0.2]');
    expect(r.S).toHaveLength(6);
    expect((await runCli(["exact", "--n", "4", "--p", "0.5,0.5", "--setting", "partially-synthetic", "--N", "3", "--M", "2"])).code).toBe(0);
  });

  it("exits 2 with one line on bad input", async () => {
    const cases: Array<[string[], RegExp]> = [
      [["--n", "0", "--p", "0.5,0.5"], /^collapse-harness: n must be an integer >= 1/],
      [["--n", "x", "--p", "0.5,0.5"], /^collapse-harness: n must be an integer/],
      [["--n", "3", "--p", "0.5,0.6"], /^collapse-harness: p must sum to 1/],
      [["--n", "3", "--p", "0.5,a"], /^collapse-harness: p\[1\] must be a finite number, got "a"$/m],
      // issue 10 (7): integers are plain decimal, and the message quotes the text typed.
      [["--n", "0x10", "--p", "0.5,0.5"], /^collapse-harness: n must be an integer >= 1, got "0x10" \(plain decimal digits only\)$/m],
      [["--n", "1e1", "--p", "0.5,0.5"], /^collapse-harness: n must be an integer >= 1, got "1e1"/],
      [["--n", "", "--p", "0.5,0.5"], /^collapse-harness: n must be an integer >= 1, got ""$/m],
      [["--n", "3", "--p", "0.5,0.5", "--M", "NaN"], /^collapse-harness: M must be an integer >= 0, got "NaN"$/m],
      [["--n", "3", "--p", "0.5,0x0.5"], /^collapse-harness: p\[1\] must be a finite number, got "0x0.5"$/m],
      [["--n", "200", "--p", "0.5,0.3,0.2"], /^collapse-harness: n: .*200/],
      [["--n", "3", "--p", "0.5,0.5", "--N", "4"], /^collapse-harness: N and real apply only/],
      [["--n", "3", "--p", "0.5,0.5", "--setting", "partially-synthetic"], /^collapse-harness: N must be given/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await runCli(["exact", ...args]);
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr.trim().split("\n")).toHaveLength(1);
    }
    expect((await runCli(["exact", "--n", "3", "--p", "0.5,0.5", "--setting", "other"])).code).toBe(2);
    expect((await runCli(["exact", "--p", "0.5,0.5"])).code).toBe(2);
  });
});

describe("collapse-harness exact --out (issue 10: 4, 8, 9)", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "exact-out-"));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a folder, or a folder under a file, before solving: one line naming --out, nothing written", async () => {
    const folder = mkdtempSync(join(dir, "a-folder-"));
    const blocker = join(dir, "blocker");
    writeFileSync(blocker, "x");
    for (const [out, message] of [
      [folder, /^collapse-harness: out must be a file, got .*a-folder-\w+ \(a folder\)$/m],
      [join(blocker, "e.json"), /^collapse-harness: out: cannot create .*blocker\/e\.json: .*blocker is a file, not a folder$/m],
      ["", /^collapse-harness: out must be a file name, got ""$/m],
    ] as const) {
      const r = await runCli(["exact", "--n", "3", "--p", "0.5,0.5", "--out", out]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stdout).toBe("");
    }
    expect(readdirSync(folder)).toEqual([]);
  });

  it("writes through a symlink (the link stays a link) and keeps a 0600 file's mode", async () => {
    const target = join(dir, "target.json");
    writeFileSync(target, "old\n");
    chmodSync(target, 0o600);
    const link = join(dir, "link.json");
    symlinkSync(target, link);
    const r = await runCli(["exact", "--n", "3", "--p", "0.5,0.5", "--M", "2", "--out", link]);
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(target, "utf8")).n).toBe(3);
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });
});
