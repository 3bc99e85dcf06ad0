import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fullySyntheticExact } from "../src/exact/index.ts";
import { benchmarksMarkdown } from "./benchReport.ts";
import { startPeer, type Peer } from "./peer.ts";
import { ratioOf, runCase, type BenchContext } from "./runCase.ts";
import { runBench } from "./runBench.ts";
import { formatRatio, formatSeconds, median } from "./stats.ts";
import { targetAtLeast, targetAtMost } from "./targets.ts";
import type { BenchResult } from "./types.ts";

describe("benchmark helpers", () => {
  it("median, formatSeconds, formatRatio", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(formatSeconds(2.5)).toBe("2.50 s");
    expect(formatSeconds(0.000071)).toBe("71.0 us");
    expect(formatSeconds(4.2e-8)).toBe("42.0 ns");
    expect(formatSeconds(0.0123)).toBe("12.3 ms");
    expect(formatSeconds(null)).toBe("n/a");
    expect(formatRatio(31.666)).toBe("31.7");
    expect(formatRatio(Number.NaN)).toBe("n/a");
  });

  it("targets say met or missed, and by how much", () => {
    expect(targetAtMost("m", "g", 0.5, 1)).toMatchObject({ met: true, verdict: "met (2.00x below the limit)" });
    expect(targetAtMost("m", "g", 1.5, 1)).toMatchObject({ met: false, verdict: "missed by 1.50x (observed 1.50, limit 1)" });
    expect(targetAtLeast("f", "g", 20, 25)).toMatchObject({ met: false, verdict: "missed by 1.25x (observed 20.0, needs 25)" });
    expect(targetAtLeast("f", "g", 50, 25)).toMatchObject({ met: true, verdict: "met (2.00x above the target)" });
    expect(targetAtLeast("f", "g", null, 25)).toMatchObject({ met: null, verdict: "not measured" });
  });
});

describe("runCase", () => {
  it("alternates harness and numpy, harness first on even repetitions, and takes medians", async () => {
    const order: string[] = [];
    let h = 0;
    let p = 0;
    const fakePeer: Peer = {
      python: "3",
      numpy: "2",
      call: async <T>() => {
        order.push("numpy");
        return { seconds: [4, 2, 3][p++] } as T;
      },
      close: async () => {},
    };
    const ctx: BenchContext = { quick: true, reps: 3, seed: 1, workers: 1, peer: fakePeer, peerError: null, log: () => {} };
    const c = await runCase(ctx, {
      id: "x",
      label: "x",
      unit: "call",
      parameters: {},
      harness: [{ name: "h", run: () => (order.push("harness"), { seconds: [1, 3, 2][h++] }) }],
      peers: [{ name: "np", op: "any", args: {} }],
    });
    expect(order).toEqual(["harness", "numpy", "numpy", "harness", "harness", "numpy"]);
    expect(c.sides.map((s) => [s.kind, s.median])).toEqual([["harness", 2], ["numpy", 3]]);
    expect(ratioOf(c, "h", "np")).toBeCloseTo(2 / 3, 15);
    expect(ratioOf(c, "h", "other")).toBeNull();
  });
});

describe("numpy peer", () => {
  let peer: Peer | null = null;
  beforeAll(async () => {
    try {
      peer = await startPeer("python3");
    } catch {
      peer = null; // no python3 with numpy here: the peer tests below are skipped
    }
  });
  afterAll(() => peer?.close());

  it("solves the s = 2 chain to the harness's exact E[T]", async (t) => {
    if (peer === null) return t.skip();
    const r = await peer.call<{ expectedCollapseTime: number; absorption: number }>("exact_chain.two_tokens", { p1: 0.7, n: 40, M: 10, seed: 1 });
    expect(r.expectedCollapseTime).toBeCloseTo(fullySyntheticExact([0.7, 0.3], 40, { M: 10 }).expectedCollapseTime, 6);
    expect(r.absorption).toBeCloseTo(0.7, 9);
  });

  it("runs the Figure 2 chain (loop and vectorised) with the law of T of the exact chain", async (t) => {
    if (peer === null) return t.skip();
    // p = (0.7, 0.3), n = 10: E[T] and sd(T) exact from the survival function; 3000 runs, the mean
    // of T within 6 standard errors (false alarm < 2e-9 per method).
    const exact = fullySyntheticExact([0.7, 0.3], 10, { M: 3000 });
    const ET = exact.expectedCollapseTime;
    let ET2 = 0;
    exact.survival.forEach((s, m) => (ET2 += (2 * m + 1) * s));
    const se = Math.sqrt((ET2 - ET * ET) / 3000);
    for (const method of ["loop", "vectorised"]) {
      const r = await peer.call<{ checksum: number; perN: number[] }>("fig2.collapse_times", { p: [0.7, 0.3], ns: [10], runs: 3000, cap_per_n: 100, cap_base: 1000, seed: 3, method });
      expect(r.perN).toHaveLength(1);
      expect(Math.abs(r.checksum / 3000 - ET)).toBeLessThan(6 * se);
    }
  });

  it("reports a peer-side error as a rejection, and keeps serving", async (t) => {
    if (peer === null) return t.skip();
    await expect(peer.call("nope.nothing", {})).rejects.toThrow(/numpy peer: KeyError/);
    const r = await peer.call<{ seconds: number; checksum: number; calls: number }>("multinomial.draw", { n: 100, p: [0.5, 0.5], seed: 1, budget_s: 0.01 });
    expect(r.seconds).toBeGreaterThan(0);
    expect(r.checksum).toBeGreaterThan(0.3 * 100 * r.calls);
    expect(r.checksum).toBeLessThan(0.7 * 100 * r.calls);
  });
});

describe("runBench without a numpy peer", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "bench-nopeer-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("still writes the report, with the numpy columns marked n/a", async () => {
    const { result } = await runBench({ quick: true, out: dir, only: ["fig3"], python: "/nonexistent/python3" });
    expect(result.machine.numpy).toBeNull();
    expect(result.command).toBe(`npm run bench -- --quick --out ${dir} --python /nonexistent/python3 --only fig3`);
    const side = result.workloads[0].cases[0].sides.find((s) => s.kind === "numpy")!;
    expect(side.unavailable).toMatch(/cannot start/);
    expect(side.seconds).toEqual([]);
    const md = readFileSync(join(dir, "BENCHMARKS.md"), "utf8");
    expect(md).toMatch(/\| numpy loop \| n\/a \(cannot start/);
    expect(md).toContain("| Python / numpy | not available |");
  });
});

describe("benchmarksMarkdown", () => {
  it("puts every workload, the targets and the ratio harness / numpy in the report", () => {
    const r: BenchResult = {
      command: "npm run bench",
      quick: false,
      reps: 3,
      seed: 1,
      date: "2026-01-01T00:00:00.000Z",
      commit: "abc",
      durationSeconds: 12,
      machine: { cpu: "CPU X", cores: 2, availableParallelism: 2, memoryGiB: 8, os: "Linux", node: "v20", python: "3.11", numpy: "2.4", mitata: "1.0.34", loadAverageStart: [1, 1, 1], loadAverageEnd: [2, 2, 2], numpyThreads: "OMP_NUM_THREADS=1" },
      workloads: [
        {
          id: "w",
          title: "Workload W",
          description: ["does W"],
          cases: [
            {
              id: "c",
              label: "case C",
              unit: "call",
              parameters: {},
              sides: [
                { kind: "harness", name: "ours", seconds: [1e-6, 2e-6, 3e-6], median: 2e-6 },
                { kind: "numpy", name: "theirs", seconds: [8e-6], median: 8e-6 },
              ],
            },
          ],
          targets: [targetAtMost("T1", "ratio <= 1", 0.25, 1)],
        },
        { id: "v", title: "Workload V", description: [], cases: [], targets: [], skipped: "skipped in quick mode" },
      ],
    };
    const md = benchmarksMarkdown(r, ["cost-vs-n.png"]);
    expect(md).toContain("Generated by `npm run bench` on 2026-01-01T00:00:00.000Z, commit abc");
    expect(md).toContain("| CPU | CPU X |");
    expect(md).toContain("### 1. Workload W");
    expect(md).toContain("| case C | per call | ours | 2.00 us | 1.00 us to 3.00 us | theirs | 8.00 us |  | 0.250 |");
    expect(md).toContain("| T1 | ratio <= 1 | 0.250 | yes | met (4.00x below the limit) |");
    expect(md).toContain("### 2. Workload V");
    expect(md).toContain("Not run: skipped in quick mode.");
    expect(md).toContain("![cost-vs-n.png](bench/cost-vs-n.png)");
    expect(md).not.toContain("Quick (smoke) mode");
  });
});
