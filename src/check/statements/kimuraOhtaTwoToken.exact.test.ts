// Exact checks (the s = 2 chain solved densely; no sampling error).
import { describe, expect, it } from "vitest";
import { kimuraOhtaTwoToken } from "../../theory/index.ts";
import { kimuraOhtaTwoTokenStatement } from "./kimuraOhtaTwoToken.ts";
import { expectStatementPoint, verdictAt } from "./statementCheck.testkit.ts";

describe("kimura-ohta-two-token", () => {
  it("is within 10% of the exact conditional times (n = 100, p = 0.2: within 3%)", () => {
    const st = kimuraOhtaTwoTokenStatement();
    expect(expectStatementPoint(st).estimate).toBeLessThan(0.03);
    st.points.forEach((_, i) => expectStatementPoint(st, i));
  });
  it("refutes the approximation with n in place of 2n", () => {
    const halved = kimuraOhtaTwoTokenStatement((q) => {
      const t = kimuraOhtaTwoToken(q);
      return { absorption: t.absorption / 2, lossGivenLoss: t.lossGivenLoss / 2, fixationGivenFixation: t.fixationGivenFixation / 2 };
    });
    expect(verdictAt(halved)).toBe("refuted");
  });
  it("refutes the loss and fixation times swapped (p = 0.2)", () => {
    const swapped = kimuraOhtaTwoTokenStatement((q) => {
      const t = kimuraOhtaTwoToken(q);
      return { ...t, lossGivenLoss: t.fixationGivenFixation, fixationGivenFixation: t.lossGivenLoss };
    });
    expect(verdictAt(swapped)).toBe("refuted");
  });
});
