import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, existsSync, rmSync } from "node:fs";
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

  it("writes the partially-synthetic JSON, infinite times as null", async () => {
    const file = join(dir, "p.json");
    const args = ["exact", "--n", "4", "--p", "0.5,0.3,0.2", "--setting", "partially-synthetic", "--real", "3,1,1", "--M", "5"];
    expect((await runCli([...args, "--out", file])).code).toBe(0);
    const r = JSON.parse(readFileSync(file, "utf8"));
    expect(r).toMatchObject({ setting: "partially-synthetic", N: 5, real: [3, 1, 1], expectedCollapseTime: null });
    expect(r.S).toHaveLength(6);
    expect((await runCli(["exact", "--n", "4", "--p", "0.5,0.5", "--setting", "partially-synthetic", "--N", "3", "--M", "2"])).code).toBe(0);
  });

  it("exits 2 with one line on bad input", async () => {
    const cases: Array<[string[], RegExp]> = [
      [["--n", "0", "--p", "0.5,0.5"], /^collapse-harness: n must be an integer >= 1/],
      [["--n", "x", "--p", "0.5,0.5"], /^collapse-harness: n must be an integer/],
      [["--n", "3", "--p", "0.5,0.6"], /^collapse-harness: p must sum to 1/],
      [["--n", "3", "--p", "0.5,a"], /^collapse-harness: p\[1\] must be a number/],
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
