import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./runCli.testkit.ts";
import { transformerCommand } from "./transformerCommand.ts";

const dir = mkdtempSync(join(tmpdir(), "transformer-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) => runCli(["transformer", ...args]);

describe("collapse-harness transformer", () => {
  it("writes the record atomically and reports progress on stderr", async () => {
    const out = join(dir, "run.json");
    const args = ["--preset", "tiny", "--setting", "fully-synthetic,mix-50", "--generations", "2", "--backend", "wasm", "--seed", "3"];
    const small = ["--iterations", "3", "--contexts", "10", "--tokens-per-generation", "256"];
    const r = await cli([...args, ...small, "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/transformer: fully-synthetic m=2 train 3\/3/);
    expect(r.stdout).toMatch(/mix-50: m=2 \|\|p\^\(m\)-p\^\(1\)\|\|_1 = /);
    const d = JSON.parse(readFileSync(out, "utf8"));
    expect(d).toMatchObject({ kind: "transformer-recursion", seed: 3, generations: 2, realSource: "corpus" });
    expect(d.preset.train.iterations).toBe(3);
    expect(d.backend.backend).toBe("wasm");
    expect(d.contexts).toHaveLength(10);
    expect(d.settings[1]).toMatchObject({ setting: "mix-50", engineSetting: "partially-synthetic", realShare: 0.5 });
    expect(d.settings[0].generations).toHaveLength(3);
    expect(readdirSync(dir).filter((f) => f.includes(".tmp"))).toEqual([]);
    // The same seed gives the same record (timings aside).
    const again = join(dir, "again.json");
    expect((await cli([...args, ...small, "--out", again, "--no-progress"])).code).toBe(0);
    const strip = (x: string) => JSON.stringify(JSON.parse(x), (k, v) => (k === "seconds" ? undefined : v));
    expect(strip(readFileSync(again, "utf8"))).toBe(strip(readFileSync(out, "utf8")));
  });

  it("rejects bad options with one line naming the option, exit 2, and writes nothing", async () => {
    const out = join(dir, "bad.json");
    const cases: Array<[string[], RegExp]> = [
      [["--backend", "gpu"], /backend must be one of cpu, wasm, webgpu/],
      [["--preset", "huge"], /preset must be one of/],
      [["--setting", "synthetic"], /setting must be one of/],
      [["--generations", "0"], /generations must be an integer >= 1/],
      [["--seed", "x"], /seed must be an integer/],
      [["--real-source", "web"], /real-source must be one of corpus, p0/],
    ];
    for (const [args, message] of cases) {
      const r = await cli([...args, "--out", out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(existsSync(out)).toBe(false);
  });

  it("reads --corpus before any training: a missing file or a one-character corpus is one line, exit 2 (issue 10 (4), (8))", async () => {
    const out = join(dir, "corpus-bad.json");
    const one = join(dir, "one-char.txt");
    writeFileSync(one, "a".repeat(10_000));
    const short = join(dir, "short.txt");
    writeFileSync(short, "ab\n");
    const cases: Array<[string, RegExp]> = [
      ["/missing.txt", /^collapse-harness: corpus: cannot read \/missing\.txt: no such file or folder\n$/],
      [dir, /^collapse-harness: corpus: cannot read .*: it is a folder\n$/],
      [one, /^collapse-harness: corpus must hold at least 2 distinct characters \(the model's vocabulary\), got 1 in .*one-char\.txt\n$/],
      [short, /^collapse-harness: corpus must hold at least \d+ characters for the tiny preset .*, got 3 in .*short\.txt\n$/],
    ];
    for (const [corpus, message] of cases) {
      const r = await cli(["--corpus", corpus, "--out", out]);
      expect(r.code, corpus).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/preset\.model|vocabSize/);
    }
    expect(existsSync(out)).toBe(false);
  });

  it("checks --out before training and defaults it to out/transformer.json, ignored by git (issue 10 (9), (10))", async () => {
    const r = await cli(["--out", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^collapse-harness: out must be a file, got .* \(a folder\)\n$/);
    expect(transformerCommand().options.find((o) => o.long === "--out")?.defaultValue).toBe("out/transformer.json");
  });
});
