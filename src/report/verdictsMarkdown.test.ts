import { describe, expect, it } from "vitest";
import { sampleReport } from "./sampleReport.ts";
import { verdictsMarkdown } from "./verdictsMarkdown.ts";

/** The lines of the table that follows a heading. */
function tableAfter(md: string, heading: string): string[] {
  const start = md.indexOf(heading);
  if (start < 0) return [];
  const end = md.indexOf("\n## ", start + heading.length);
  return md.slice(start, end < 0 ? undefined : end).split("\n").filter((line) => line.startsWith("|"));
}

describe("verdictsMarkdown", () => {
  const md = verdictsMarkdown(sampleReport());

  it("is deterministic and leaves out the commit and the duration", () => {
    expect(verdictsMarkdown(sampleReport())).toBe(md);
    expect(md).not.toContain("deadbeef");
    expect(md).not.toContain("12.5");
    expect(verdictsMarkdown({ ...sampleReport(), commit: "cafe", durationSeconds: 1 })).toBe(md);
  });

  it("shows a vacuous row as such, with its trivial bound beside the bound, and counts it apart", () => {
    const report = sampleReport();
    const [first, ...rest] = report.records;
    const vacuous = { ...first, relation: "atMost" as const, predicted: 24920, estimate: 0.0962, verdict: "vacuous" as const, expected: "vacuous" as const, range: [0, 0.1818] as [number, number], trivialBound: 0.1818 };
    const text = verdictsMarkdown({ ...report, records: [vacuous, ...rest] });
    expect(text).toContain("| vacuous |");
    expect(text).toContain("24920 vs 0.1818 (measured / trivial 0.529)");
    expect(text).toMatch(/\*\*Summary:\*\* \d+ checks: \d+ holds, 1 vacuous,/);
  });

  it("states the command, the seed and the false-alarm budget", () => {
    expect(md.startsWith("# Verdicts\n")).toBe(true);
    expect(md).toContain("- Regenerate: `npx collapse-harness verify --seed 42`");
    expect(md).toContain("- Seed: 42");
    expect(md).toContain("- False-alarm budget: delta = 1e-6 for the whole run, split by Bonferroni");
    expect(verdictsMarkdown(sampleReport(), { command: "npm run verify" })).toContain("- Regenerate: `npm run verify`");
  });

  it("summarises counts and names the unexpected verdicts", () => {
    expect(md).toContain(
      "**Summary:** 5 checks: 2 holds, 0 vacuous, 2 refuted, 1 inconclusive. 4 as expected, 1 not: `thm1-rho` (expected holds, got inconclusive).",
    );
    const ok = sampleReport();
    ok.records = ok.records.filter((r) => r.id !== "thm1-rho");
    expect(verdictsMarkdown(ok)).toContain("**Summary:** 4 checks: 2 holds, 0 vacuous, 2 refuted, 0 inconclusive. All as expected.");
  });

  it("has one table per kind with the columns asked for, and marks the unexpected row", () => {
    const statements = tableAfter(md, "## Statements of the paper");
    expect(statements[0]).toBe(
      "| statement | where in the paper | parameters | verdict | tightness | trivial bound | replicates | delta | epsilon | evidence |",
    );
    expect(statements).toHaveLength(4);
    expect(statements[2]).toBe(
      "| Theorem 1: expected sum of squares S_m (`thm1-sm`) | Theorem 1, Eq (6) | s = 600, n = 10, N = 100, p = (0.5, 0.3, 0.2) | holds | 0.998 | — | 20000 | 3.3e-8 | 0.0011 | m = 1: estimate 0.1261 vs predicted 0.1263 |",
    );
    expect(statements[3]).toContain("| ⚠ inconclusive (expected holds) | — | — | exact | 0 |");
    expect(statements[3]).toContain("rho \\| m = 3");
    expect(tableAfter(md, "## Errata")).toHaveLength(3);
    expect(tableAfter(md, "## Beyond the paper")).toHaveLength(3);
  });

  it("lists the planted bugs with the check that caught them", () => {
    const bugs = tableAfter(md, "## Planted bugs");
    expect(bugs[0]).toBe("| bug | caught by | verdict | evidence |");
    expect(bugs[2]).toBe("| n - 1 samples instead of n (`bug-n-minus-1`) | thm1-sm | refuted | off by 0.01 = 9 standard errors |");
  });

  it("links the figures relatively, PNG first, with unsafe characters encoded", () => {
    expect(md).toContain("- **fig1**: Fully Synthetic on the 2-simplex: [PNG](figures/fig1.png) · [SVG](figures/fig1.svg)");
    expect(md).toContain("[PNG](figures/fig%202%20%28n%29.png)");
    expect(md.endsWith(".png)\n")).toBe(true);
  });

  it("skips empty sections", () => {
    const only = sampleReport();
    only.records = only.records.filter((r) => r.kind === "statement");
    only.figures = [];
    const text = verdictsMarkdown(only);
    expect(text).not.toContain("## Errata");
    expect(text).not.toContain("## Planted bugs");
    expect(text).toContain("No figures in this run.");
  });
});
