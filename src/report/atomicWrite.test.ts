import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { LOCK_FILE, processAlive, resolveWriteTarget, sweepStaleTemps, writeFileAtomic, writeFilesAtomic, writeFilesAtomicAsync } from "./atomicWrite.ts";

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "atomic-write-"));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Every file under a folder, relative paths, sorted. */
function listAll(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath ?? (d as unknown as { path: string }).path, d.name).slice(dir.length + 1))
    .sort();
}

describe("writeFileAtomic", () => {
  it("creates missing folders and writes strings as UTF-8 and bytes as given, leaving no temp file", () => {
    const md = join(root, "a", "b", "VERDICTS.md");
    const png = join(root, "a", "fig.png");
    writeFileAtomic(md, "σ_m ≤ 1 | ok\n");
    writeFileAtomic(png, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]));
    expect(readFileSync(md, "utf8")).toBe("σ_m ≤ 1 | ok\n");
    expect([...readFileSync(png)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    expect(listAll(root)).toEqual([join("a", "b", "VERDICTS.md"), join("a", "fig.png")]);
  });

  it("replaces an existing file", () => {
    const path = join(root, "v.json");
    writeFileAtomic(path, "old\n");
    writeFileAtomic(path, "new\n");
    expect(readFileSync(path, "utf8")).toBe("new\n");
    expect(listAll(root)).toEqual(["v.json"]);
  });

  it("rejects bad arguments before touching the disk", () => {
    expect(() => writeFileAtomic("", "x")).toThrow(/path/);
    expect(() => writeFileAtomic(join(root, "x"), 3 as unknown as string)).toThrow(TypeError);
    expect(listAll(root)).toEqual([]);
  });
});

describe("writeFilesAtomic", () => {
  it("writes every file when all succeed", () => {
    writeFilesAtomic([
      { path: join(root, "reports", "verdicts.json"), data: "{}\n" },
      { path: join(root, "reports", "figures", "fig1.svg"), data: "<svg/>" },
    ]);
    expect(listAll(root)).toEqual([join("reports", "figures", "fig1.svg"), join("reports", "verdicts.json")]);
  });

  it("leaves no file and no temp file when a later write fails (its folder cannot be created)", () => {
    writeFileSync(join(root, "blocker"), "a file where a folder should be");
    const files = [
      { path: join(root, "reports", "verdicts.json"), data: "{}\n" },
      { path: join(root, "blocker", "sub", "VERDICTS.md"), data: "# V\n" },
    ];
    expect(() => writeFilesAtomic(files)).toThrow();
    expect(listAll(root)).toEqual(["blocker"]);
  });

  it("keeps the old contents of every target when a write fails", () => {
    const keep = join(root, "verdicts.json");
    writeFileSync(keep, "old report\n");
    writeFileSync(join(root, "blocker"), "");
    expect(() =>
      writeFilesAtomic([
        { path: keep, data: "new report\n" },
        { path: join(root, "blocker", "x.md"), data: "x" },
      ]),
    ).toThrow();
    expect(readFileSync(keep, "utf8")).toBe("old report\n");
    expect(listAll(root)).toEqual(["blocker", "verdicts.json"]);
  });

  it("renames nothing when a target is a folder", () => {
    mkdirSync(join(root, "figures", "fig1.png"), { recursive: true });
    expect(() =>
      writeFilesAtomic([
        { path: join(root, "verdicts.json"), data: "{}\n" },
        { path: join(root, "figures", "fig1.png"), data: new Uint8Array([1]) },
      ]),
    ).toThrow(/folder/);
    expect(listAll(root)).toEqual([]);
  });

  it("rejects the same path twice and bad entries before writing anything", () => {
    const p = join(root, "a.md");
    expect(() => writeFilesAtomic([{ path: p, data: "1" }, { path: join(root, ".", "a.md"), data: "2" }])).toThrow(/^files\[1\]\.path/);
    expect(() => writeFilesAtomic([{ path: p, data: "1" }, { path: join(root, "b"), data: null as unknown as string }])).toThrow(
      /^files\[1\]\.data/,
    );
    expect(listAll(root)).toEqual([]);
  });
});

describe("symlinks and modes (issue 10 (9))", () => {
  it("writes through a symlink: the link stays a link and its target gets the new contents", () => {
    const target = join(root, "real.json");
    writeFileSync(target, "old\n");
    const link = join(root, "link.json");
    symlinkSync("real.json", link);
    writeFileAtomic(link, "new\n");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe("real.json");
    expect(readFileSync(target, "utf8")).toBe("new\n");
    expect(listAll(root)).toEqual(["real.json"]);
  });

  it("follows a dangling symlink and a chain of them to the file they name", () => {
    mkdirSync(join(root, "d"));
    symlinkSync(join(root, "d", "made.json"), join(root, "b.json"));
    symlinkSync("b.json", join(root, "a.json"));
    expect(resolveWriteTarget(join(root, "a.json"))).toBe(join(root, "d", "made.json"));
    writeFileAtomic(join(root, "a.json"), "x\n");
    expect(lstatSync(join(root, "a.json")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(root, "d", "made.json"), "utf8")).toBe("x\n");
  });

  it("keeps the permission bits of the file it replaces (0600 stays 0600)", () => {
    const path = join(root, "secret.json");
    writeFileSync(path, "old\n");
    chmodSync(path, 0o600);
    writeFileAtomic(path, "new\n");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    chmodSync(path, 0o640);
    writeFilesAtomic([{ path, data: "newer\n" }]);
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it("reports a failure with the path asked for and an errno code (no 'cannot write' of its own)", () => {
    mkdirSync(join(root, "x.md"));
    let err: (Error & { code?: string; path?: string }) | undefined;
    try {
      writeFileAtomic(join(root, "x.md"), "x");
    } catch (e) {
      err = e as Error & { code?: string; path?: string };
    }
    expect(err?.code).toBe("EISDIR");
    expect(err?.path).toBe(join(root, "x.md"));
    expect(err?.message).not.toMatch(/cannot write/);
  });
});

/** The pid of a process that has exited (a child run to its end). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ["-e", ""]);
  expect(r.pid).toBeGreaterThan(0);
  expect(processAlive(r.pid)).toBe(false);
  return r.pid;
}

describe("streamed contents (issue 10 (13))", () => {
  it("writes an iterable of chunks as they come: the temp file grows before the last chunk is made", () => {
    const path = join(root, "big.json");
    const sizes: number[] = [];
    const chunk = "x".repeat(1 << 16);
    function* chunks(): Generator<string | Uint8Array> {
      for (let i = 0; i < 50; i++) yield chunk; // 3.1 MiB in 64 KiB chunks
      sizes.push(statSync(`${path}.collapse-harness-${process.pid}.tmp`).size);
      yield new Uint8Array([0x0a]);
    }
    writeFileAtomic(path, chunks());
    expect(sizes[0]).toBeGreaterThanOrEqual(1 << 20); // on disk before the end: never one string
    expect(sizes[0]).toBeLessThan(50 << 16);
    expect(statSync(path).size).toBe((50 << 16) + 1);
    expect(readFileSync(path, "utf8").endsWith("x\n")).toBe(true);
    expect(listAll(root)).toEqual(["big.json"]);
  });

  it("a chunk that fails to be produced leaves no file and no temp file, the error carrying the path", async () => {
    function* failing(): Generator<string> {
      yield "{";
      throw new TypeError("value.a is a bigint");
    }
    expect(() => writeFileAtomic(join(root, "a.json"), failing())).toThrow(/bigint/);
    await expect(writeFilesAtomicAsync([{ path: join(root, "b.json"), data: failing() }])).rejects.toMatchObject({ path: join(root, "b.json") });
    expect(listAll(root)).toEqual([]);
  });
});

describe("stale temp files and locks (issue 10 (5), (6))", () => {
  it("sweeps the temp files, probes and broken locks of dead pids, and nothing else", () => {
    const dead = deadPid();
    const names = [
      `a.json.collapse-harness-${dead}.tmp`, `.collapse-harness-probe-${dead}`, `${LOCK_FILE}.broken-${dead}`,
      `b.json.collapse-harness-${process.pid}.tmp`, `c.json.${dead}.tmp`, "notes.tmp",
    ];
    for (const name of names) writeFileSync(join(root, name), "");
    expect(sweepStaleTemps(root).sort()).toEqual(names.slice(0, 3).sort());
    expect(listAll(root)).toEqual(names.slice(3).sort());
    expect(sweepStaleTemps(join(root, "missing"))).toEqual([]);
  });

  it("breaks a lock held by a dead pid and removes its own lock after the renames", async () => {
    writeFileSync(join(root, LOCK_FILE), `${deadPid()}\n`);
    writeFilesAtomic([{ path: join(root, "a.json"), data: "1\n" }]);
    expect(existsSync(join(root, LOCK_FILE))).toBe(false);
    writeFileSync(join(root, LOCK_FILE), `${deadPid()}\n`);
    await writeFilesAtomicAsync([{ path: join(root, "b.json"), data: "2\n" }]);
    expect(listAll(root)).toEqual(["a.json", "b.json"]);
  });

  it("waits while a live process holds the folder's lock, then commits once it is gone", async () => {
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    const exited = new Promise((done) => holder.on("exit", done));
    const hooks = join(root, "hooks");
    mkdirSync(hooks);
    const out = join(root, "out");
    mkdirSync(out);
    writeFileSync(join(out, LOCK_FILE), `${holder.pid}\n`);
    process.env.COLLAPSE_HARNESS_TEST_HOOKS = hooks;
    try {
      let settled = false;
      const write = writeFilesAtomicAsync([{ path: join(out, "r.json"), data: "{}\n" }]).finally(() => (settled = true));
      while (!existsSync(join(hooks, `lock-wait.${process.pid}`))) await new Promise((r) => setTimeout(r, 10));
      expect(settled).toBe(false);
      expect(existsSync(join(out, "r.json"))).toBe(false); // written, not committed
      holder.kill("SIGKILL");
      await exited;
      await write;
      expect(readFileSync(join(out, "r.json"), "utf8")).toBe("{}\n");
      expect(readdirSync(out)).toEqual(["r.json"]);
    } finally {
      delete process.env.COLLAPSE_HARNESS_TEST_HOOKS;
      holder.kill("SIGKILL");
    }
  });
});
