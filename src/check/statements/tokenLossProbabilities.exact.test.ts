// Exact checks (the chain's linear solve; no sampling error), compared to 1e-9 relative.
import { describe, expect, it } from "vitest";
import { absorptionProbabilities } from "../../exact/index.ts";
import { decideVerdict } from "../decide.ts";
import { exactMeasurement } from "../exactMeasurement.ts";
import { expectStatementPoint } from "./statementCheck.testkit.ts";
import { tokenEventualLossStatement } from "./tokenLossProbabilities.ts";

describe("token-eventual-loss", () => {
  it("holds at every point", () => {
    const st = tokenEventualLossStatement();
    st.points.forEach((_, i) => expectStatementPoint(st, i));
  });
  it("would refute P(lost) = p_k (loss confused with fixation) at p = (0.02, 0.98)", () => {
    const exact = absorptionProbabilities([0.02, 0.98], 60);
    const meas = exactMeasurement("equals", [0.02, 0.98].map((pk, k) => ({ label: `token ${k}`, predicted: pk, exact: 1 - exact[k] })));
    expect(decideVerdict("equals", meas.predicted, meas.interval)).toBe("refuted");
  });
});
