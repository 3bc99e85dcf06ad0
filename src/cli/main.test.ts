import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { main } from "./main.ts";
import { runCli } from "./runCli.testkit.ts";

// An engine error raised inside a computation (not by our checks): a bug, never a usage error.
vi.mock("../exact/fullySyntheticExact.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("../exact/fullySyntheticExact.ts")>();
  return {
    ...real,
    fullySyntheticExact: (p: number[], n: number, o: { M?: number }) => {
      if (n === 13) throw new RangeError("Invalid array length");
      if (n === 14) throw new TypeError("Cannot read properties of undefined (reading 'length')");
      return real.fullySyntheticExact(p, n, o);
    },
  };
});

vi.mock("../loops/simulateRun.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("../loops/simulateRun.ts")>();
  return {
    ...real,
    simulateRunChecked: () => {
      throw new RangeError("Invalid typed array length: -1");
    },
  };
});

const VERSION = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

describe("cli main", () => {
  it("prints help and exits 0", async () => {
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    expect(await main(["--help"])).toBe(0);
    expect(out.mock.calls.map((c) => String(c[0])).join("")).toMatch(/alpha\s+n\/\(N\+n\)/);
    out.mockRestore();
  });
  it("exits 2 on an unknown command", async () => {
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect(await main(["no-such-command"])).toBe(2);
    err.mockRestore();
  });
});

describe("help and version (issue 10 (11))", () => {
  it("--version and -V print the package version on stdout, exit 0", async () => {
    for (const flag of ["--version", "-V"]) {
      const r = await runCli([flag]);
      expect(r).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
    }
  });
  it("help asked for goes to stdout with exit 0 (--help, help, help <command>, <command> --help)", async () => {
    for (const args of [["--help"], ["help"], ["help", "simulate"], ["exact", "--help"]]) {
      const r = await runCli(args);
      expect(r.code, args.join(" ")).toBe(0);
      expect(r.stdout).toMatch(/^Usage: collapse-harness/);
      expect(r.stderr).toBe("");
    }
  });
  it("no arguments: the help on stderr, exit 2 (a command is required)", async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^Usage: collapse-harness .*\n[\s\S]*Commands:/);
  });
});

describe("the installed binary (a subprocess)", () => {
  const bin = fileURLToPath(new URL("../../bin/collapse-harness.js", import.meta.url));
  it("no arguments: help on stderr, nothing on stdout, exit 2; --version: exit 0", () => {
    const none = spawnSync(process.execPath, [bin], { encoding: "utf8" });
    expect(none.status).toBe(2);
    expect(none.stdout).toBe("");
    expect(none.stderr).toMatch(/^Usage: collapse-harness/);
    const version = spawnSync(process.execPath, [bin, "--version"], { encoding: "utf8" });
    expect(version.status).toBe(0);
    expect(version.stdout).toBe(`${VERSION}\n`);
  }, 60_000);
});

describe("usage errors and internal errors are never mixed (issue 10 (2))", () => {
  it("an engine RangeError inside the computation is a bug: exit 1, one line with the command and seed to reproduce", async () => {
    const r = await runCli(["exact", "--n", "13", "--p", "0.5,0.5"]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(
      "collapse-harness: internal error (a bug, please report it with this line): RangeError: Invalid array length; " +
        "to reproduce: collapse-harness exact --n 13 --p 0.5,0.5 --debug",
    );
    expect(r.stdout).toBe("");
  });
  it("an engine TypeError too; the seed in effect joins the command line of a command that has one", async () => {
    const r = await runCli(["exact", "--n", "14", "--p", "0.5,0.5"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^collapse-harness: internal error \(a bug[^\n]*TypeError: Cannot read properties of undefined[^\n]*\n$/);
  });
  it("--debug adds the stack (and only then)", async () => {
    const r = await runCli(["exact", "--n", "13", "--p", "0.5,0.5", "--debug"]);
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n")[0]).toMatch(/internal error.*to reproduce: collapse-harness exact --n 13 --p 0.5,0.5$/);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
  it("a check of the library that names the option stays a usage error (exit 2, one line)", async () => {
    const r = await runCli(["exact", "--n", "3", "--p", "0.5,0.6"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^collapse-harness: p must sum to 1[^\n]*\n$/);
  });
  it("the seed in effect joins the reproduction line when it was not typed; nothing is written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "main-internal-"));
    try {
      const out = join(dir, "s.json");
      const r = await runCli(["simulate", "--runs", "1", "--no-progress", "--out", out]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        "collapse-harness: internal error (a bug, please report it with this line): RangeError: Invalid typed array length: -1; " +
          `to reproduce: collapse-harness simulate --runs 1 --no-progress --out ${out} --seed 1 --debug\n`,
      );
      expect(existsSync(out)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
