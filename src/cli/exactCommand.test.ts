import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { mkdtempSync, readFileSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "./main.ts";

describe("collapse-harness exact", () => {
  let dir: string;
  let out: MockInstance;
  let err: MockInstance;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "exact-cli-"));
    out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  });
  afterEach(() => {
    out.mockRestore();
    err.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  });
  const printed = (spy: MockInstance) => spy.mock.calls.map((c) => String(c[0])).join("");

  it("writes the fully-synthetic JSON atomically and prints a summary", async () => {
    const file = join(dir, "e.json");
    expect(await main(["exact", "--n", "12", "--p", "0.5,0.3,0.2", "--M", "20", "--out", file])).toBe(0);
    expect(existsSync(`${file}.tmp`)).toBe(false);
    const r = JSON.parse(readFileSync(file, "utf8"));
    expect(r).toMatchObject({ setting: "fully-synthetic", n: 12, s: 3, M: 20, p: [0.5, 0.3, 0.2] });
    expect(r.rho).toHaveLength(21);
    expect(r.absorptionProbabilities).toEqual([0.5, 0.3, 0.2].map((v) => expect.closeTo(v, 12)));
    expect(r.expectedCollapseTime).toBeGreaterThan(1);
    expect(r.expectedFirstLossTime).toBeLessThan(r.expectedCollapseTime);
    expect(printed(out)).toMatch(/E\[T\] = 17\.19808/);
  });

  it("writes the partially-synthetic JSON, infinite times as null", async () => {
    const file = join(dir, "p.json");
    const args = ["exact", "--n", "4", "--p", "0.5,0.3,0.2", "--setting", "partially-synthetic", "--real", "3,1,1", "--M", "5"];
    expect(await main([...args, "--out", file])).toBe(0);
    const r = JSON.parse(readFileSync(file, "utf8"));
    expect(r).toMatchObject({ setting: "partially-synthetic", N: 5, real: [3, 1, 1], expectedCollapseTime: null });
    expect(r.S).toHaveLength(6);
    expect(await main(["exact", "--n", "4", "--p", "0.5,0.5", "--setting", "partially-synthetic", "--N", "3", "--M", "2"])).toBe(0);
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
      err.mockClear();
      expect(await main(["exact", ...args])).toBe(2);
      const text = printed(err);
      expect(text).toMatch(message);
      expect(text.trim().split("\n")).toHaveLength(1);
    }
    expect(await main(["exact", "--n", "3", "--p", "0.5,0.5", "--setting", "other"])).toBe(2);
    expect(await main(["exact", "--p", "0.5,0.5"])).toBe(2);
  });
});
