import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { checkExactLimits } from "./exactLimits.ts";
import { checkMemory, checkOutputSize, formatBytes, MAX_ARRAY_ELEMENTS, MAX_STRING_LENGTH, memoryLimit } from "./resourceLimits.ts";
import { runCli } from "./runCli.testkit.ts";
import { checkSimulateMemory, checkSimulateOutputs, recordedGenerations, type SimulatePlan } from "./simulateLimits.ts";
import { UsageError } from "./usage.ts";

const dir = mkdtempSync(join(tmpdir(), "limits-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bin = fileURLToPath(new URL("../../bin/collapse-harness.js", import.meta.url));

/** Runs the CLI in-process and asserts a refusal: exit 2, one line starting with the option, in seconds, nothing written. */
async function refused(args: string[], option: string): Promise<string> {
  const out = join(dir, `${option}-${args.length}`);
  const started = Date.now();
  const r = await runCli([...args, "--out", join(out, "x.json")]);
  expect(Date.now() - started).toBeLessThan(5000);
  expect(r.code).toBe(2);
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^collapse-harness: ${option}: `));
  expect(existsSync(out)).toBe(false);
  return lines[0];
}

describe("resource limits before any work (issue 10 (2), (3))", () => {
  it("simulate --s 1000000000: refused by the memory p^(0) needs (was: 55 s, then Invalid array length)", async () => {
    const line = await refused(["simulate", "--runs", "1", "--s", "1000000000", "--no-progress"], "s");
    expect(line).toMatch(/128 GB of memory, more than the limit of .* JavaScript heap limit/);
  });

  it("simulate --runs 1000000000: refused by the memory of the records (was: 4.5 GB of generators after 60 s)", async () => {
    const line = await refused(["simulate", "--runs", "1000000000", "--no-progress"], "runs");
    expect(line).toMatch(/1000000000 runs of about 41 generations .* need about 6\.6 TB of memory/);
  });

  it("simulate --n 1000000 with more runs than memory holds: refused, naming 2n and the horizon", async () => {
    const line = await refused(["simulate", "--n", "1000000", "--runs", "1000", "--no-progress"], "runs");
    expect(line).toMatch(/1000 runs of 100001 generations \(fully-synthetic runs last about 2n = 2000000 generations, more than the horizon 100000\)/);
  });

  it("simulate --generations beyond an engine array, and contexts times s beyond memory", async () => {
    await refused(["simulate", "--setting", "partially-synthetic", "--generations", "200000000", "--no-progress"], "generations");
    await refused(["simulate", "--contexts", "100000", "--s", "100000", "--no-progress"], "contexts");
  });

  it("exact --M 1000000000: refused by the engine's array limit (was: exit 133 with a native stack)", async () => {
    const line = await refused(["exact", "--n", "5", "--p", "0.5,0.5", "--M", "1000000000"], "M");
    expect(line).toMatch(new RegExp(`more than the ${MAX_ARRAY_ELEMENTS} a JavaScript array holds`));
  });

  it("with a 512 MB heap (NODE_OPTIONS), simulate --n 1000000 and exact --M 10000000 are refused by memory (was: Invalid string length after 35-65 s)", () => {
    const env = { ...process.env, NODE_OPTIONS: "--max-old-space-size=512" };
    for (const [args, option] of [
      [["simulate", "--n", "1000000", "--no-progress"], "runs"],
      [["exact", "--n", "5", "--p", "0.5,0.5", "--M", "10000000"], "M"],
    ] as const) {
      const out = join(dir, `small-heap-${option}.json`);
      const started = Date.now();
      const r = spawnSync(process.execPath, [bin, ...args, "--out", out], { encoding: "utf8", env });
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(r.status).toBe(2);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(new RegExp(`^collapse-harness: ${option}: .* the JavaScript heap limit of (5\\d\\d|6\\d\\d) MB`));
      expect(existsSync(out)).toBe(false);
    }
    expect(readdirSync(dir).filter((f) => f.startsWith("small-heap"))).toEqual([]);
  }, 60_000);

  it("--help states the limits of simulate and exact", async () => {
    for (const command of ["simulate", "exact"]) {
      const r = await runCli([command, "--help"]);
      expect(r.stdout).toMatch(/Limits \(checked before any work/);
      expect(r.stdout).toMatch(/half the smaller of this\s+machine's memory/);
      expect(r.stdout).toContain(String(MAX_ARRAY_ELEMENTS));
    }
  });
});

describe("the limits and estimates", () => {
  const plan: SimulatePlan & { s: number } = { setting: "fully-synthetic", s: 600, n: 10, runs: 100, generations: 100_000, stopAtCollapse: true, contexts: null, contextLength: null, textLength: null };

  it("memoryLimit is half the smaller of the machine's memory and the heap limit", () => {
    const l = memoryLimit();
    expect(l.bytes).toBe(Math.floor(Math.min(l.machineBytes, l.heapLimitBytes) / 2));
    expect(formatBytes(2.5e9)).toBe("2.5 GB");
    expect(formatBytes(999)).toBe("999 bytes");
    expect(formatBytes(123_456_789)).toBe("123 MB");
  });

  it("checkMemory refuses above the limit, naming the option, the estimate and the limit", () => {
    const limit = { bytes: 1e9, machineBytes: 8e9, heapLimitBytes: 2e9 };
    expect(() => checkMemory(1e9, "runs", "x", "fewer", limit)).not.toThrow();
    expect(() => checkMemory(1.5e9, "runs", "10 runs", "use fewer --runs", limit)).toThrow(
      new UsageError("runs: 10 runs need about 1.5 GB of memory, more than the limit of 1 GB (half the smaller of this machine's 8 GB and the JavaScript heap limit of 2 GB); use fewer --runs"),
    );
    expect(() => checkMemory(Number.NaN, "runs", "x", "y", limit)).toThrow(UsageError);
  });

  it("fully-synthetic runs stopped at collapse are counted as 4n generations (capped by the horizon); other settings as the horizon", () => {
    expect(recordedGenerations(plan)).toBe(41);
    expect(recordedGenerations({ ...plan, n: 1e6 })).toBe(100_001);
    expect(recordedGenerations({ ...plan, stopAtCollapse: false, generations: 50 })).toBe(51);
    expect(recordedGenerations({ ...plan, contexts: 10 })).toBe(Math.ceil(40 * (1 + Math.log(10))) + 1);
    expect(() => checkSimulateMemory(plan)).not.toThrow();
  });

  it("outputs larger than the free space, or than one engine string when built as one, are refused", () => {
    const out = join(dir, "o.json");
    const full = () => 1e6;
    const roomy = () => 1e15;
    expect(() => checkSimulateOutputs(plan, { out, asOneString: false }, roomy)).not.toThrow();
    expect(() => checkSimulateOutputs({ ...plan, n: 1e6 }, { out, asOneString: false }, full)).toThrow(/^out: 100 runs of 100001 generations .* make about 2\.2 GB of .*o\.json, more than the 1 MB free on its file system/);
    expect(() => checkSimulateOutputs({ ...plan, n: 1e6 }, { out, csv: join(dir, "o.csv"), asOneString: false }, roomy)).not.toThrow();
    expect(() => checkSimulateOutputs({ ...plan, n: 1e6 }, { out, asOneString: true }, roomy)).toThrow(/the JavaScript engine can build as one string/);
    expect(() => checkOutputSize({ path: out, option: "csv", bytes: MAX_STRING_LENGTH + 1, what: "rows", remedy: "fewer", asOneString: true }, roomy)).toThrow(/^csv: rows make about 537 MB/);
    expect(() => checkExactLimits(10_000_000, out, { freeBytes: full })).toThrow(/^out: 4 series of M \+ 1 = 10000001 numbers make about 1 GB/);
    expect(() => checkExactLimits(10_000_000, out, { limit: { bytes: 1e8, machineBytes: 1e9, heapLimitBytes: 2e8 } })).toThrow(/^M: 4 series .* need about 960 MB of memory/);
    expect(() => checkExactLimits(50, out)).not.toThrow();
  });
});
