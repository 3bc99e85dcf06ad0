import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./runCli.testkit.ts";

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
});
