import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fakeTransformerRecord } from "../report/transformerReport.fixture.ts";
import { transformerReport } from "../report/transformerReport.ts";
import { readOnlyFolder } from "./readOnlyFolder.testkit.ts";
import { runCli } from "./runCli.testkit.ts";
import { transformerReportCommand } from "./transformerReportCommand.ts";

const dir = mkdtempSync(join(tmpdir(), "transformer-report-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) => runCli(["transformer-report", ...args]);

/** Every file under `folder`, relative, sorted. */
function listFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return (readdirSync(folder, { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; name: string; parentPath: string }>)
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(folder.length + 1))
    .sort();
}

describe("collapse-harness transformer-report", () => {
  it("writes TRANSFORMER.md and the figure's PNG and SVG, and the same record gives the same files", async () => {
    const run = join(dir, "run.json");
    writeFileSync(run, `${JSON.stringify(fakeTransformerRecord())}\n`);
    const out = join(dir, "reports");
    const r = await cli(["--in", run, "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(listFiles(out)).toEqual(["TRANSFORMER.md", "figures/fig5-transformer.png", "figures/fig5-transformer.svg"]);
    expect(r.stdout).toContain(`wrote ${join(out, "TRANSFORMER.md")}\n`);
    // The temp folder lies outside the working folder, so the report's commands carry absolute paths.
    const md = readFileSync(join(out, "TRANSFORMER.md"), "utf8");
    expect(md).toBe(transformerReport(fakeTransformerRecord(), { runPath: run, outDir: out }).markdown);
    const png = readFileSync(join(out, "figures", "fig5-transformer.png"));
    expect(Array.from(png.subarray(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const svg = readFileSync(join(out, "figures", "fig5-transformer.svg"), "utf8");
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain("Figure 5 with a transformer: tiny preset, cpu");
    expect(svg).toContain("Gen 3");

    expect((await cli(["--in", run, "--out", out])).code).toBe(0);
    expect(readFileSync(join(out, "TRANSFORMER.md"), "utf8")).toBe(md);
    expect(readFileSync(join(out, "figures", "fig5-transformer.svg"), "utf8")).toBe(svg);
  });

  it("rejects a bad --in with one line and exit 2, writing nothing", async () => {
    const notJson = join(dir, "not.json");
    writeFileSync(notJson, "{ not json");
    const notRecord = join(dir, "other.json");
    writeFileSync(notRecord, JSON.stringify({ kind: "run-record", runs: [] }));
    const broken = join(dir, "broken.json");
    const b = fakeTransformerRecord() as unknown as { settings: Array<{ generations: Array<{ validationLoss: unknown }> }> };
    b.settings[0].generations[2].validationLoss = null;
    writeFileSync(broken, JSON.stringify(b));
    const folder = join(dir, "a-folder");
    mkdirSync(folder);
    const cases: Array<[string[], RegExp]> = [
      [["--in", join(dir, "missing.json")], /^collapse-harness: in must be a readable run record file, got .*missing\.json \(ENOENT\)$/],
      [["--in", folder], /^collapse-harness: in must be a readable run record file, got .*a-folder \(EISDIR\)$/],
      [["--in", notJson], /^collapse-harness: in must be a JSON run record, got .*not\.json: /],
      [["--in", notRecord], /^collapse-harness: in must be a transformer run record .*: kind must be "transformer-recursion"$/],
      [["--in", broken], /^collapse-harness: in must be a transformer run record .*settings\[0\]\.generations\[2\]\.validationLoss must be a finite number$/],
      [[], /^collapse-harness: in must be given \(--in RUN\.json\)$/],
    ];
    for (const [args, message] of cases) {
      const out = join(dir, "bad-out");
      const r = await cli([...args, "--out", out]);
      expect(r.code, args.join(" ")).toBe(2);
      const errLines = r.stderr.trimEnd().split("\n");
      expect(errLines, r.stderr).toHaveLength(1);
      expect(errLines[0]).toMatch(message);
      expect(r.stdout).toBe("");
      expect(existsSync(out)).toBe(false);
    }
  });

  it("refuses an --out that is a file, under a file or read-only before rendering: one line, exit 2 (issue 10 (4), (9))", async () => {
    const run = join(dir, "run-for-out.json");
    writeFileSync(run, `${JSON.stringify(fakeTransformerRecord())}\n`);
    const file = join(dir, "out-is-a-file");
    writeFileSync(file, "x");
    const cases: Array<[string, RegExp]> = [
      [file, /^collapse-harness: out must be a folder, got .*out-is-a-file \(a file\)$/],
      [join(file, "reports"), /^collapse-harness: out: cannot create .*: .*out-is-a-file is a file, not a folder$/],
    ];
    const ro = readOnlyFolder();
    if (ro) cases.push([ro.path, /^collapse-harness: out: cannot write in .*: (permission denied|read-only file system)$/]);
    try {
      for (const [out, message] of cases) {
        const r = await cli(["--in", run, "--out", out]);
        expect(r.code, out).toBe(2);
        expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
        expect(r.stderr.trimEnd()).toMatch(message);
        expect(r.stdout).toBe("");
      }
    } finally {
      ro?.cleanup();
    }
    expect(readFileSync(file, "utf8")).toBe("x");
  });

  it("defaults --out to out/, ignored by git (issue 10 (10))", () => {
    expect(transformerReportCommand().options.find((o) => o.long === "--out")?.defaultValue).toBe("out");
  });
});
