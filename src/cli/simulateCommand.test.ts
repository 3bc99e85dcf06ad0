import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SETTINGS } from "../loops/settings.ts";
import { runCli } from "./runCli.testkit.ts";
import { formatJson } from "./simulateCommand.ts";

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
      const r = await cli(["--setting", setting, "--n", "10", "--N", "20", "--K", "3", "--generations", "4", "--runs", "2", "--full-horizon", "--out", out]);
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
    const noOut = await cli(["--n", "5"]);
    expect(noOut.code).toBe(2);
  });

  it("an unwritable output path exits 2 and leaves no temporary file", async () => {
    // The parent "folder" is a regular file, so no folder can be made there.
    const blocker = join(dir, "blocker.txt");
    writeFileSync(blocker, "not a folder");
    const r = await cli(["--runs", "1", "--out", join(blocker, "x.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^collapse-harness: out: cannot write/);
    expect(readdirSync(dir).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  it("--help explains every setting and the symbols", async () => {
    const r = await cli(["--help"]);
    expect(r.code).toBe(0);
    for (const setting of SETTINGS) expect(r.stdout).toContain(setting);
    for (const word of ["sigma_m", "alpha", "S_0", "NOT in the paper", "floor(n/K)", "Multinomial(n; 1/m"]) expect(r.stdout).toContain(word);
  });

  it("formats numeric arrays on one line and objects indented", () => {
    expect(formatJson({ a: [1, 2.5, null], b: { c: "x" }, d: [{ e: 1 }] })).toBe(
      '{\n  "a": [1,2.5,null],\n  "b": {\n    "c": "x"\n  },\n  "d": [\n    {\n      "e": 1\n    }\n  ]\n}',
    );
  });
});
