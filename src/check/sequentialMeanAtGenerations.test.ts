import { describe, expect, it } from "vitest";
import { deriveSeed } from "../rng/index.ts";
import { reference } from "./implementation.ts";
import { plantedBugs } from "./plantedBugs.ts";
import { statementsFor } from "./registry.ts";
import { runCheck } from "./runCheck.ts";
import type { CheckContext } from "./statement.ts";

const DELTA = 3.6e-9; // about the default run's per-check share of 1e-6
const statement = (id: string, impl = reference) => {
  const st = statementsFor(impl).find((s) => s.id === id);
  if (!st) throw new Error(`no statement ${id}`);
  return st;
};
const ctx = (label: string, sequential?: boolean): CheckContext => ({ seed: deriveSeed(1, label), delta: DELTA, extended: false, ...(sequential === undefined ? {} : { sequential }) });

describe("ctx.sequential: meanAtGenerations and token-lost-first-generation stop once decided", () => {
  it("leaves the fixed-sample record unchanged when off (absent or false)", () => {
    const st = statement("fs-second-moments");
    const a = runCheck(st, st.points[1], ctx("a"));
    const b = runCheck(st, st.points[1], ctx("a", false));
    expect(b.hash).toBe(a.hash);
    expect(a.evidence).not.toMatch(/sequential/);
  });

  it("thm1-sm (p = [0.5, 0.3, 0.2], n = 20) holds with fewer runs than the fixed-sample check's main sample", () => {
    const st = statement("thm1-sm");
    const fixed = runCheck(st, st.points[1], ctx("thm1"));
    const seq = runCheck(st, st.points[1], ctx("thm1", true));
    expect(seq.verdict).toBe("holds");
    expect(seq.evidence).toMatch(/sequential betting CS, decided after \d+ runs/);
    expect(seq.replicates).toBeLessThan(fixed.replicates);
  });

  it("token-lost-first-generation (the probability path) holds sequentially", () => {
    const st = statement("token-lost-first-generation");
    const seq = runCheck(st, st.points[0], ctx("tok", true));
    expect(seq.verdict).toBe("holds");
    expect(seq.evidence).toMatch(/sequential betting CS, decided/);
  });

  it("catches a planted bug (resample-original) after a handful of runs", () => {
    const bug = plantedBugs().find((b) => b.id === "resample-original");
    if (!bug) throw new Error("no planted bug resample-original");
    const st = statement("thm1-sm", bug.impl);
    const seq = runCheck(st, st.points[1], ctx("bug", true));
    expect(seq.verdict).toBe("refuted");
    expect(seq.replicates).toBeLessThan(1000);
  });
});
