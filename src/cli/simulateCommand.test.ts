import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SETTINGS } from "../loops/settings.ts";
import { runCli } from "./runCli.testkit.ts";
import { formatJson } from "../report/formatJson.ts";
import { simulateCommand } from "./simulateCommand.ts";

const dir = mkdtempSync(join(tmpdir(), "simulate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) => runCli(["simulate", ...args, "--no-progress"]);

describe("collapse-harness simulate", () => {
  it("the acceptance run: 100 fully-synthetic runs at s = 600, s~ = 52, S_0 = 0.1, n = 10, all collapsed with T", async () => {
    const out = join(dir, "t.json");
    const r = await cli(["--setting", "fully-synthetic", "--s", "600", "--support", "52", "--S0", "0.1", "--n", "10", "--runs", "100", "--seed", "1", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/100 runs, 100 collapsed/);
    const d = JSON.parse(readFileSync(out, "utf8"));
    expect(d.parameters).toMatchObject({ setting: "fully-synthetic", s: 600, support: 52, S0: 0.1, n: 10, runs: 100, seed: 1 });
    expect(d.p0.values).toHaveLength(600);
    expect(d.p0.supportSize).toBe(52);
    expect(Math.abs(d.p0.sigma - 0.1)).toBeLessThan(1e-12);
    expect(d.runs).toHaveLength(100);
    for (const run of d.runs) {
      expect(run.T).toBeGreaterThanOrEqual(1);
      expect(run.supNorm[run.T]).toBe(1);
      expect(run.supNorm.slice(1, run.T).every((x: number) => x < 1)).toBe(true);
      expect(run.sigma).toHaveLength(run.T + 1);
      expect(run.l1ToP1[1]).toBe(0);
    }
    expect(d.summary.collapsed).toBe(100);
    // Theorem 1's S_m = 1 - (1 - 1/n)^m (1 - S_0); sigma_m has sd <= 0.5, so 100 runs give se <= 0.05.
    for (const m of [1, 5, 20]) expect(Math.abs(d.summary.meanSigma[m] - (1 - 0.9 ** m * 0.9))).toBeLessThan(0.15);
  });

  it("the same command twice writes byte-identical files (JSON and CSV)", async () => {
    const args = (tag: string) => ["--setting", "most-recent", "--K", "3", "--generations", "30", "--runs", "4", "--seed", "7", "--out", join(dir, `${tag}.json`), "--csv", join(dir, `${tag}.csv`)];
    expect((await cli(args("a"))).code).toBe(0);
    expect((await cli(args("b"))).code).toBe(0);
    expect(readFileSync(join(dir, "a.json"))).toEqual(readFileSync(join(dir, "b.json")));
    expect(readFileSync(join(dir, "a.csv"))).toEqual(readFileSync(join(dir, "b.csv")));
    const csv = readFileSync(join(dir, "a.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toBe("run,m,trainingSize,sigma,supNorm,l1ToP0,l1ToP1,l2ToP0,l2ToP1,l2SquaredToP0,l2SquaredToP1,entropy,supportSize");
    expect(csv).toHaveLength(1 + 4 * 31);
  });

  it("runs every setting, with the schedule's n^(m)", async () => {
    for (const setting of SETTINGS) {
      const out = join(dir, `${setting}.json`);
      // --N and --K only where the setting uses them (issue 10 (7): elsewhere they are an error, not ignored).
      const N = setting.startsWith("partially") || setting === "accumulate" ? ["--N", "20"] : [];
      const K = setting === "most-recent" ? ["--K", "3"] : [];
      const r = await cli(["--setting", setting, "--n", "10", ...N, ...K, "--generations", "4", "--runs", "2", "--full-horizon", "--out", out]);
      expect(r.code, r.stderr).toBe(0);
      const d = JSON.parse(readFileSync(out, "utf8"));
      expect(d.runs).toHaveLength(2);
      expect(d.runs[0].sigma).toHaveLength(5);
      const sizes: Record<string, number[]> = {
        "fully-synthetic": [0, 10, 10, 10, 10],
        "partially-synthetic": [0, 20, 30, 30, 30],
        "partially-synthetic-fresh": [0, 20, 30, 30, 30],
        "most-recent": [0, 3, 6, 9, 9],
        "randomly-sampled": [0, 10, 10, 10, 10],
        accumulate: [0, 20, 30, 40, 50],
      };
      expect(d.runs[1].trainingSize).toEqual(sizes[setting]);
    }
  });

  it("runs many contexts with fixed n_j, and the Markov-text mode (synthetic init and the corpus)", async () => {
    const fixed = join(dir, "ctx.json");
    expect((await cli(["--contexts", "5", "--s", "20", "--support", "5", "--init", "uniform", "--n", "4", "--runs", "3", "--out", fixed])).code).toBe(0);
    const d = JSON.parse(readFileSync(fixed, "utf8"));
    expect(d.runs[0].contexts).toBe(5);
    expect(d.runs[0].T).toBe(Math.max(...d.runs[0].contextT));
    expect(d.summary.allContextsCollapsed).toBe(3);

    const markov = join(dir, "markov.json");
    const r = await cli(["--context-length", "1", "--s", "4", "--support", "3", "--init", "dirichlet", "--a", "1", "--n", "5", "--runs", "2", "--generations", "50", "--out", markov, "--csv", join(dir, "markov.csv")]);
    expect(r.code, r.stderr).toBe(0);
    const m = JSON.parse(readFileSync(markov, "utf8"));
    expect(m.parameters).toMatchObject({ contexts: 4, contextLength: 1, textLength: 20 });
    expect(m.runs[0].meanCount[1] * m.runs[0].contextsVisited[1]).toBeCloseTo(20, 10);
    expect(readFileSync(join(dir, "markov.csv"), "utf8").split("\n")[0]).toBe("run,m,contextsVisited,meanSigma,fractionCollapsed,meanCount");

    const corpus = join(dir, "corpus.json");
    const c = await cli(["--context-length", "1", "--init", "corpus", "--text-length", "2000", "--runs", "1", "--generations", "3", "--out", corpus]);
    expect(c.code, c.stderr).toBe(0);
    const cj = JSON.parse(readFileSync(corpus, "utf8"));
    expect(cj.parameters.s).toBe(65);
    expect(cj.runs[0].contexts).toBeGreaterThan(50);
  });

  it("bad input exits 2 with one line on stderr and writes no file", async () => {
    const cases: string[][] = [
      ["--n", "0"],
      ["--n", "2.5"],
      ["--N", "-1", "--setting", "partially-synthetic"],
      ["--setting", "half-synthetic"],
      ["--setting", "most-recent", "--K", "11"],
      ["--K", "0", "--setting", "most-recent"],
      ["--S0", "1.5"],
      ["--S0", "abc"],
      ["--init", "json:" + join(dir, "missing.json")],
      ["--init", "poisson"],
      ["--generations", "0"],
      ["--runs", "0"],
      ["--context-length", "1", "--setting", "partially-synthetic"],
      ["--context-length", "3", "--s", "600"],
      ["--full-horizon"],
      // issue 10 (7): options that do not apply are refused, integers are plain decimal, '' is no number.
      ["--N", "20"],
      ["--setting", "most-recent", "--N", "20"],
      ["--K", "3"],
      ["--text-length", "100"],
      ["--init", "uniform", "--S0", "0.2"],
      ["--init", "target", "--a", "2"],
      ["--n", "0x10"],
      ["--n", "1e1"],
      ["--n", ""],
      ["--seed", ""],
      ["--S0", "0x1"],
      ["--S0", "NaN"],
      ["--s", "9".repeat(400)],
    ];
    const bad = join(dir, "bad.json");
    writeFileSync(join(dir, "not-a-distribution.json"), "[0.5, 0.6]");
    cases.push(["--init", "json:" + join(dir, "not-a-distribution.json"), "--s", "2"]);
    for (const args of cases) {
      const before = readdirSync(dir).length;
      const r = await cli([...args, "--out", bad]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n"), `${args.join(" ")}: ${r.stderr}`).toHaveLength(1);
      expect(existsSync(bad)).toBe(false);
      expect(readdirSync(dir).length).toBe(before);
    }
    const typed = await cli(["--n", "0x10", "--out", bad]);
    expect(typed.stderr).toBe('collapse-harness: n must be an integer >= 1, got "0x10" (plain decimal digits only)\n');
    const huge = await cli(["--s", "9".repeat(400), "--out", bad]);
    expect(huge.stderr).toMatch(/^collapse-harness: s must be an integer >= 1, got "9{40}"\.\.\. \(400 characters\)\n$/);
    expect((await cli(["--N", "20", "--out", bad])).stderr).toMatch(/^collapse-harness: N applies only to --setting partially-synthetic, partially-synthetic-fresh or accumulate, got --setting fully-synthetic\n$/);
    expect((await cli(["--text-length", "9", "--out", bad])).stderr).toMatch(/^collapse-harness: text-length applies only with --context-length/);
    expect((await cli(["--S0", "abc", "--out", bad])).stderr).toBe('collapse-harness: S0 must be a finite number, got "abc"\n');
  });

  it("names the options, not the writer's internals, when --csv equals --out (issue 10 (8))", async () => {
    const same = join(dir, "same.json");
    const r = await cli(["--runs", "1", "--out", same, "--csv", join(dir, ".", "same.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^collapse-harness: csv must differ from out: both name .*same\.json\n$/);
    expect(r.stderr).not.toMatch(/files\[/);
    expect(existsSync(same)).toBe(false);
  });

  it("checks --out before running (issue 10 (9)): a folder or a file in the way costs no run", async () => {
    const folder = join(dir, "a-folder");
    mkdirSync(folder, { recursive: true });
    const started = Date.now();
    // 10^5 runs would take minutes: the check must come first.
    const r = await cli(["--runs", "100000", "--out", folder]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^collapse-harness: out must be a file, got .*a-folder \(a folder\)\n$/);
    writeFileSync(join(dir, "blocker.csv"), "a file where a folder should be");
    const csv = await cli(["--runs", "100000", "--out", join(dir, "ok.json"), "--csv", join(dir, "blocker.csv", "x.csv")]);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toMatch(/^collapse-harness: csv: cannot create .*x\.csv: .*blocker\.csv is a file, not a folder\n$/);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(existsSync(join(dir, "ok.json"))).toBe(false);
  });

  it("writes through a symlinked --out and keeps the mode of a 0600 file (issue 10 (9))", async () => {
    const target = join(dir, "private.json");
    writeFileSync(target, "{}\n");
    chmodSync(target, 0o600);
    const link = join(dir, "link-to-private.json");
    symlinkSync(target, link);
    const r = await cli(["--runs", "1", "--s", "4", "--support", "2", "--init", "uniform", "--out", link]);
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(target, "utf8")).parameters.runs).toBe(1);
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it("defaults --out to out/simulate.json, a folder git ignores (issue 10 (10))", () => {
    const out = simulateCommand().options.find((o) => o.long === "--out");
    expect(out?.defaultValue).toBe("out/simulate.json");
    expect(readFileSync(new URL("../../.gitignore", import.meta.url), "utf8").split("\n")).toContain("/out/");
  });

  it("an unwritable output path exits 2 and leaves no temporary file", async () => {
    // The parent "folder" is a regular file, so no folder can be made there.
    const blocker = join(dir, "blocker.txt");
    writeFileSync(blocker, "not a folder");
    const r = await cli(["--runs", "1", "--out", join(blocker, "x.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^collapse-harness: out: cannot create .*x\.json: .*blocker\.txt is a file, not a folder\n$/);
    expect(readdirSync(dir).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  it("--help explains every setting and the symbols", async () => {
    const r = await cli(["--help"]);
    expect(r.code).toBe(0);
    for (const setting of SETTINGS) expect(r.stdout).toContain(setting);
    for (const word of ["sigma_m", "alpha", "S_0", "NOT in the paper", "floor(n/K)", "Multinomial(n; 1/m"]) expect(r.stdout).toContain(word);
  });

  it("writes its JSON with the report writer, the one JSON writer of every output (issue 10 (13))", async () => {
    const out = join(dir, "one-writer.json");
    const r = await cli(["--s", "4", "--support", "3", "--init", "uniform", "--n", "3", "--runs", "2", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).toBe(formatJson(JSON.parse(text)) + "\n");
    expect(text).toContain('"values": [0.3333333333333333, 0.3333333333333333, 0.3333333333333333, 0]');
  });
});
