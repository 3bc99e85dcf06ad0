/**
 * The output writer against real processes (issue 10 (5) and (6)): the CLI is spawned with tsx and
 * synchronised through the writer's test hooks (COLLAPSE_HARNESS_TEST_HOOKS / _PAUSE, see
 * report/atomicWrite.ts): a child touches `<hooks>/<point>.<pid>` and, when paused there, waits for
 * `<hooks>/<point>.<pid>.go`. No assertion depends on timing.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./runCli.testkit.ts";

const BIN = fileURLToPath(new URL("../../bin/collapse-harness.js", import.meta.url));
const root = mkdtempSync(join(tmpdir(), "write-process-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Child {
  process: ChildProcess;
  pid: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  done: boolean;
}

function startCli(args: string[], hooks: string, pause: string[] = []): Child {
  const proc = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, COLLAPSE_HARNESS_TEST_HOOKS: hooks, COLLAPSE_HARNESS_TEST_PAUSE: pause.join(",") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  proc.stderr?.on("data", (d) => (stderr += String(d)));
  proc.stdout?.resume();
  const child: Child = {
    process: proc,
    pid: proc.pid ?? -1,
    done: false,
    exited: new Promise((done) =>
      proc.on("exit", (code, signal) => {
        child.done = true;
        done({ code, signal, stderr });
      }),
    ),
  };
  return child;
}

/** Resolves once `file` exists; throws if the children exit first or after a generous bound (a hang). */
async function waitForFile(file: string, children: Child[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!existsSync(file)) {
    const gone = children.find((c) => c.done);
    if (gone !== undefined) throw new Error(`pid ${gone.pid} exited before ${file}: ${(await gone.exited).stderr}`);
    if (Date.now() > deadline) throw new Error(`no ${file} after 60 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The first of: `file` exists, or the child exited. */
async function fileOrExit(file: string, child: Child): Promise<"file" | "exit"> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (existsSync(file)) return "file";
    if (child.done) return "exit";
    if (Date.now() > deadline) throw new Error(`neither ${file} nor an exit after 60 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function folder(name: string): { out: string; hooks: string } {
  const out = join(root, name, "out");
  const hooks = join(root, name, "hooks");
  mkdirSync(out, { recursive: true });
  mkdirSync(hooks, { recursive: true });
  return { out, hooks };
}

const exactArgs = (out: string) => ["exact", "--n", "4", "--p", "0.5,0.3,0.2", "--M", "30", "--out", out];

describe("the output writer and signals (issue 10 (5))", () => {
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    it(`${signal} during the write removes the temp file, keeps the old output and exits ${code}`, async () => {
      const { out, hooks } = folder(signal);
      const file = join(out, "e.json");
      writeFileSync(file, "old\n");
      const child = startCli(exactArgs(file), hooks, ["temp-written"]);
      await waitForFile(join(hooks, `temp-written.${child.pid}`), [child]);
      const temp = `${file}.collapse-harness-${child.pid}.tmp`;
      expect(existsSync(temp)).toBe(true); // the write is under way
      child.process.kill(signal);
      const r = await child.exited;
      expect({ code: r.code, signal: r.signal }).toEqual({ code, signal: null });
      expect(readdirSync(out)).toEqual(["e.json"]);
      expect(readFileSync(file, "utf8")).toBe("old\n");
    }, 90_000);
  }

  it("SIGKILL leaves a temp file, which the next write to the same folder sweeps (a live pid's is kept)", async () => {
    const { out, hooks } = folder("SIGKILL");
    const child = startCli(exactArgs(join(out, "killed.json")), hooks, ["temp-written"]);
    await waitForFile(join(hooks, `temp-written.${child.pid}`), [child]);
    child.process.kill("SIGKILL");
    expect((await child.exited).signal).toBe("SIGKILL");
    const orphan = `killed.json.collapse-harness-${child.pid}.tmp`;
    expect(readdirSync(out)).toEqual([orphan]);
    const live = `other.json.collapse-harness-${process.pid}.tmp`; // a run still writing: not stale
    writeFileSync(join(out, live), "");
    writeFileSync(join(out, "notes.1.tmp"), "the user's own file");
    const r = await runCli(exactArgs(join(out, "next.json")));
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["next.json", "notes.1.tmp", live].sort());
  }, 90_000);
});

describe("a group of outputs commits together (issue 10 (6))", () => {
  const simulateArgs = (seed: number, out: string) => [
    "simulate", "--s", "4", "--support", "3", "--init", "uniform", "--n", "3", "--runs", "3", "--no-progress",
    "--seed", String(seed), "--out", join(out, "run.json"), "--csv", join(out, "run.csv"),
  ];

  it("two runs writing the same --out and --csv never leave one's JSON beside the other's CSV", async () => {
    const refs = [1, 2].map((seed) => {
      const { out } = folder(`ref-${seed}`);
      return { out, seed };
    });
    const csvOf: Record<number, string> = {};
    for (const { out, seed } of refs) {
      const r = await runCli(simulateArgs(seed, out));
      expect(r.code, r.stderr).toBe(0);
      csvOf[seed] = readFileSync(join(out, "run.csv"), "utf8");
    }
    expect(csvOf[1]).not.toBe(csvOf[2]); // the CSV tells the runs apart

    const { out, hooks } = folder("race");
    // Run 1 stops between its two renames: its JSON is in place, its CSV not yet.
    const first = startCli(simulateArgs(1, out), hooks, ["between-renames"]);
    await waitForFile(join(hooks, `between-renames.${first.pid}`), [first]);
    expect(JSON.parse(readFileSync(join(out, "run.json"), "utf8")).parameters.seed).toBe(1);
    // Run 2 writes the same files meanwhile: it must wait for run 1's group (a lock), not interleave.
    const second = startCli(simulateArgs(2, out), hooks);
    const seen = await fileOrExit(join(hooks, `lock-wait.${second.pid}`), second);
    writeFileSync(join(hooks, `between-renames.${first.pid}.go`), "");
    const results = await Promise.all([first.exited, second.exited]);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const seed = JSON.parse(readFileSync(join(out, "run.json"), "utf8")).parameters.seed as number;
    expect(readFileSync(join(out, "run.csv"), "utf8")).toBe(csvOf[seed]);
    expect(seen).toBe("file"); // run 2 waited for the lock
    expect(seed).toBe(2); // the run that committed last wins whole
    expect(readdirSync(out).sort()).toEqual(["run.csv", "run.json"]); // no lock, no temp file left
  }, 120_000);
});
