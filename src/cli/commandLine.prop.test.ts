/**
 * Command lines generated over the options of the fast commands (simulate, exact, verify --list,
 * verify --only <cheap id> --no-figures), with valid values at small budgets and invalid ones
 * (1e9, -1, 0x10, '', NaN, huge strings, ...). For every one: exit 0 or 2, never 1 (an internal
 * error); exit 2 prints exactly one line on stderr and writes nothing; every run ends in seconds.
 * Runs in-process (src/cli/runCli.testkit.ts): no subprocess is needed for these commands.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./runCli.testkit.ts";

const root = mkdtempSync(join(tmpdir(), "cli-prop-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Longest a single generated command may run (a few seconds, with room for a loaded 2-core machine). */
const RUN_LIMIT_MS = 5000;

/** Values no option accepts as a number, or accepts only at their edge. */
const EXTREMES = ["1e9", "-1", "0", "0x10", "", "NaN", "Infinity", "-Infinity", "1.5", " 7", "+3", "1_000", "٣", "9".repeat(400), "1e-300", "abc", "\n", "--", "-0"];

const extreme = fc.constantFrom(...EXTREMES);
const small = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map(String);
const value = (valid: fc.Arbitrary<string>) => fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: extreme, weight: 1 });

/** An option, present or not: [] or ["--name", value]. */
const opt = (name: string, valid: fc.Arbitrary<string>): fc.Arbitrary<string[]> => fc.option(value(valid).map((v) => [`--${name}`, v]), { nil: undefined, freq: 2 }).map((o) => o ?? []);
const flag = (name: string): fc.Arbitrary<string[]> => fc.boolean().map((b) => (b ? [`--${name}`] : []));

/** A file where a folder is needed, an existing folder, and a fresh folder per run for the outputs. */
const blocker = join(root, "blocker");
writeFileSync(blocker, "a file where a folder should be");
const existingFolder = join(root, "a-folder");
mkdirSync(existingFolder);
let runIndex = 0;

/** Where a run writes: a fresh folder (so "nothing written" is checkable) and the --out value. */
type OutChoice = "fresh" | "folder" | "under-file" | "empty";
const outChoice = fc.constantFrom<OutChoice>("fresh", "fresh", "fresh", "folder", "under-file", "empty");

function outPath(choice: OutChoice, fresh: string, file: string): string {
  if (choice === "folder") return existingFolder;
  if (choice === "under-file") return join(blocker, file);
  if (choice === "empty") return "";
  return join(fresh, file);
}

/** Every file under `folder` (none when it does not exist). */
function filesUnder(folder: string): string[] {
  try {
    return readdirSync(folder, { recursive: true }).map(String);
  } catch {
    return [];
  }
}

/** Runs one command line and checks the contract; returns the exit code, throws (with the command) on a breach. */
async function checkContract(args: string[], fresh: string): Promise<number> {
  const started = performance.now();
  const r = await runCli(args);
  const ms = performance.now() - started;
  const shown = JSON.stringify(args);
  expect([0, 2], `${shown}: exit ${r.code}: ${r.stderr}`).toContain(r.code);
  if (r.code === 2) {
    const lines = r.stderr.split("\n");
    expect(lines.length === 2 && lines[1] === "" && lines[0].startsWith("collapse-harness: "), `${shown}: stderr ${JSON.stringify(r.stderr)}`).toBe(true);
    expect(filesUnder(fresh), `${shown}: wrote files on exit 2`).toEqual([]);
    expect(filesUnder(existingFolder), `${shown}: wrote into an existing folder on exit 2`).toEqual([]);
  }
  expect(ms, `${shown}: took ${ms.toFixed(0)} ms`).toBeLessThan(RUN_LIMIT_MS);
  rmSync(fresh, { recursive: true, force: true });
  rmSync(existingFolder, { recursive: true, force: true });
  mkdirSync(existingFolder);
  return r.code;
}

function freshFolder(): string {
  return join(root, `run-${runIndex++}`);
}

const simulateLine = fc
  .tuple(
    opt("setting", fc.constantFrom("fully-synthetic", "partially-synthetic", "partially-synthetic-fresh", "most-recent", "randomly-sampled", "accumulate", "bogus")),
    opt("s", small(1, 40)),
    opt("support", small(1, 40)),
    opt("S0", fc.constantFrom("0.1", "0.5", "1", "0.03", "2")),
    opt("init", fc.constantFrom("uniform", "zipf", "dirichlet", "target", "corpus", "json:/missing.json", "poisson", "uniform:file")),
    opt("a", fc.constantFrom("0.5", "1", "2", "-1")),
    opt("n", small(1, 20)),
    opt("N", small(0, 30)),
    opt("K", small(1, 4)),
    opt("real-data", fc.constantFrom("fixed", "fresh", "other")),
    opt("contexts", small(1, 4)),
    opt("context-length", small(0, 1)),
    opt("text-length", small(1, 400)),
    opt("generations", small(1, 30)),
    flag("full-horizon"),
    opt("runs", small(1, 3)),
    opt("seed", fc.oneof(small(0, 100), fc.constantFrom("-5", "4294967295", "4294967296"))),
    fc.tuple(outChoice, fc.boolean()),
  )
  .map((parts) => {
    const [outs, withCsv] = parts[parts.length - 1] as [OutChoice, boolean];
    const args = ["simulate", ...(parts.slice(0, -1) as string[][]).flat()];
    // A budget: the Markov-text mode and fully-synthetic runs without a horizon stay short.
    if (!args.includes("--generations") && (args.includes("--context-length") || args.includes("--full-horizon"))) args.push("--generations", "20");
    if (!args.includes("--runs")) args.push("--runs", "2");
    return { args: [...args, "--no-progress"], outs, withCsv };
  });

/** A simulate line made of options that apply together, with valid values only (these mostly exit 0). */
const validSimulateLine = fc
  .record({
    setting: fc.constantFrom("fully-synthetic", "partially-synthetic", "partially-synthetic-fresh", "most-recent", "randomly-sampled", "accumulate"),
    init: fc.constantFrom("uniform", "zipf", "dirichlet", "target", "corpus"),
    s: small(2, 40),
    n: small(1, 20),
    N: small(0, 30),
    K: small(1, 4),
    markov: fc.boolean(),
    contexts: small(1, 4),
    generations: fc.option(small(1, 30), { nil: undefined }),
    runs: small(1, 3),
    seed: small(0, 1000),
  })
  .map((o) => {
    const args = ["simulate", "--setting", o.setting, "--init", o.init, "--n", o.n, "--runs", o.runs, "--seed", o.seed];
    if (o.init !== "corpus") args.push("--s", o.s, "--support", o.s);
    if (o.init === "target") args.push("--S0", "0.5");
    if (o.init === "zipf" || o.init === "dirichlet") args.push("--a", "1");
    if (o.setting.startsWith("partially") || o.setting === "accumulate") args.push("--N", o.N);
    if (o.setting === "most-recent") args.push("--K", o.K);
    if (o.markov && o.setting === "fully-synthetic") args.push("--context-length", "1", "--generations", "10", "--text-length", "200");
    else if (o.generations !== undefined) args.push("--generations", o.generations);
    if (!o.markov && o.init !== "corpus") args.push("--contexts", o.contexts);
    return { args: [...args, "--no-progress"], outs: "fresh" as OutChoice, withCsv: o.runs === "2" };
  });

const exactLine = fc
  .tuple(
    opt("n", small(1, 30)).map((o) => (o.length === 0 ? ["--n", "4"] : o)),
    opt("p", fc.constantFrom("0.5,0.5", "0.5,0.3,0.2", "1", "0.25,0.25,0.25,0.25", "0.5,0.6", "a,b", "0.5,,0.5", "1,0")).map((o) => (o.length === 0 ? ["--p", "0.5,0.5"] : o)),
    opt("setting", fc.constantFrom("fully-synthetic", "partially-synthetic", "other")),
    opt("N", small(1, 10)),
    opt("real", fc.constantFrom("1,1", "3,1,1", "2,0", "x", "1.5,0.5")),
    opt("M", small(0, 60)),
    fc.option(outChoice, { nil: undefined }),
  )
  .map((parts) => ({ args: ["exact", ...(parts.slice(0, -1) as string[][]).flat()], outs: parts[parts.length - 1] as OutChoice | undefined }));

/** An exact line with valid values only (these mostly exit 0; a chain too large is refused). */
const validExactLine = fc
  .record({
    partially: fc.boolean(),
    n: small(1, 30),
    p: fc.constantFrom("0.5,0.5", "0.5,0.3,0.2", "1", "0.9,0.1"),
    N: small(1, 10),
    M: small(0, 60),
    out: fc.boolean(),
  })
  .map((o) => {
    const args = ["exact", "--n", o.n, "--p", o.p, "--M", o.M];
    if (o.partially) args.push("--setting", "partially-synthetic", "--N", o.N);
    return { args, outs: o.out ? ("fresh" as OutChoice) : undefined };
  });

const verifyCommon = fc.tuple(
  opt("seed", fc.oneof(small(0, 100), fc.constantFrom("-2147483648", "4294967295"))),
  opt("delta", fc.constantFrom("1e-6", "0.01", "0.5", "1", "0", "2")),
  flag("extended"),
);

const verifyListLine = fc
  .tuple(verifyCommon, opt("workers", small(1, 2)), fc.option(fc.constantFrom(["thm1"], ["prop1", "thm2"], ["no-such-id"], [""], ["bug:n-minus-one"]), { nil: undefined }))
  .map(([common, workers, only]) => ["verify", "--list", ...common.flat(), ...workers, ...(only ? ["--only", ...only] : [])]);

const verifyRunLine = fc
  .tuple(verifyCommon, fc.constantFrom(["thm1-sm-exact"], ["prop1-absorption-exact"], ["thm2-sm-partial-printed-exact"], ["no-such-id"]), outChoice)
  .map(([common, only, outs]) => ({ args: ["verify", "--only", ...only, "--no-figures", "--quiet", "--workers", "1", ...common.flat().filter((a) => a !== "--extended")], outs }));

describe("generated command lines: exit 0 or 2, never 1; exit 2 is one line and writes nothing", () => {
  it("simulate", async () => {
    const codes: number[] = [];
    await fc.assert(
      fc.asyncProperty(fc.oneof(simulateLine, validSimulateLine), async ({ args, outs, withCsv }) => {
        const fresh = freshFolder();
        const line = [...args, "--out", outPath(outs, fresh, "s.json"), ...(withCsv ? ["--csv", join(fresh, "s.csv")] : [])];
        codes.push(await checkContract(line, fresh));
      }),
      { numRuns: 80 },
    );
    // Both kinds of line were run: some ran to the end, some were refused.
    expect(codes.filter((c) => c === 0).length).toBeGreaterThan(10);
    expect(codes.filter((c) => c === 2).length).toBeGreaterThan(10);
  }, 120_000);

  it("exact", async () => {
    const codes: number[] = [];
    await fc.assert(
      fc.asyncProperty(fc.oneof(exactLine, validExactLine), async ({ args, outs }) => {
        const fresh = freshFolder();
        codes.push(await checkContract(outs === undefined ? args : [...args, "--out", outPath(outs, fresh, "e.json")], fresh));
      }),
      { numRuns: 80 },
    );
    expect(codes.filter((c) => c === 0).length).toBeGreaterThan(5);
  }, 120_000);

  it("verify --list", async () => {
    await fc.assert(
      fc.asyncProperty(verifyListLine, async (args) => {
        await checkContract(args, freshFolder());
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it("verify --only <cheap id> --no-figures", async () => {
    await fc.assert(
      fc.asyncProperty(verifyRunLine, async ({ args, outs }) => {
        const fresh = freshFolder();
        await checkContract([...args, "--out", outPath(outs, fresh, "reports")], fresh);
      }),
      { numRuns: 12 },
    );
  }, 180_000);
});
