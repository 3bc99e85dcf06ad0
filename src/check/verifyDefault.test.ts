/**
 * The default `verify` run, as a user runs it (seed 1, the statements and the planted-bug
 * catalogue, no figures): every verdict must be the expected one, which includes every planted bug
 * refuted and every paper point known to be vacuous reported "vacuous". Its false-alarm rate is
 * the suite's budget, 1e-6.
 */
import { describe, expect, it } from "vitest";
import { isVacuous } from "./decide.ts";
import { unexpectedVerdicts } from "./verify.ts";
import { verifyParallel } from "./verifyParallel.ts";

describe("verify, default run", () => {
  it("gives every check its expected verdict, and no bound at or beyond its trivial range holds", async () => {
    const records = await verifyParallel({ seed: 1, workers: 2 });
    expect(unexpectedVerdicts(records).map((r) => `${r.id} ${JSON.stringify(r.parameters)}: ${r.verdict} (${r.evidence})`)).toEqual([]);
    for (const r of records) {
      if (r.relation !== "equals" && r.kind !== "planted-bug") expect(r.range, `${r.id} declares its a priori range`).toBeDefined();
      if (r.verdict === "holds" && r.range) expect(isVacuous(r.relation, r.predicted, r.range), r.id).toBe(false);
    }
    expect(records.filter((r) => r.verdict === "vacuous").length).toBeGreaterThan(0);
  }, 600_000);
});
