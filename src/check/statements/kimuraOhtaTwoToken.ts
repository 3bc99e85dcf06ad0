/**
 * kimura-ohta-two-token: the conditional two-token diffusion times (spec 4.4)
 *   E[T | token 1 lost]  ~ -2n p ln p / (1 - p),   E[T | token 1 fixed] ~ -2n (1 - p) ln(1 - p) / p,
 * against the exact conditional expectations of the s = 2 Fully Synthetic chain (the check's own
 * dense solve, twoTokenConditionalTimes). The claim checked is an accuracy: the larger of the two
 * relative errors is at most `tolerance` (0.1) at moderate n. The exact values carry only rounding
 * error, so the interval is the computed error itself, widened by 1e-9 in the claim's favour.
 */
import { kimuraOhtaTwoToken, type TwoTokenTimes } from "../../theory/index.ts";
import { formatEvidenceNumber } from "../evidence.ts";
import { EXACT_TOLERANCE } from "../exactMeasurement.ts";
import type { Statement } from "../statement.ts";
import { twoTokenConditionalTimes } from "./twoTokenConditionalTimes.ts";

/** The approximation under test (a parameter, so a test can plant a wrong one). */
export type TwoTokenApproximation = (params: { n: number; pk: number }) => TwoTokenTimes;

export function kimuraOhtaTwoTokenStatement(approximation: TwoTokenApproximation = kimuraOhtaTwoToken): Statement {
  return {
    id: "kimura-ohta-two-token",
    title: "Kimura-Ohta, two tokens: E[T | lost] ~ -2n p ln p/(1 - p) and E[T | fixed] ~ -2n (1 - p) ln(1 - p)/p within 10% (relative)",
    where: "Spec 4.4 (conditional two-token diffusion times)",
    kind: "extension",
    expected: "holds",
    method: "exact",
    description: "max over {lost, fixed} of |E[T | .]_exact - KO| / E[T | .]_exact vs 0.1 (upper), exact values from the s = 2 chain's linear solve",
    points: [
      { pk: 0.2, n: 100, tolerance: 0.1 },
      { pk: 0.5, n: 100, tolerance: 0.1 },
      { pk: 0.05, n: 200, tolerance: 0.1 },
    ],
    measure(point) {
      const n = Number(point.n);
      const pk = Number(point.pk);
      const exact = twoTokenConditionalTimes(n, pk);
      const ko = approximation({ n, pk });
      const lostErr = Math.abs(exact.lossGivenLoss - ko.lossGivenLoss) / exact.lossGivenLoss;
      const fixedErr = Math.abs(exact.fixationGivenFixation - ko.fixationGivenFixation) / exact.fixationGivenFixation;
      const err = Math.max(lostErr, fixedErr);
      const lo = err - EXACT_TOLERANCE;
      const f = formatEvidenceNumber;
      return {
        relation: "atMost",
        predicted: Number(point.tolerance),
        estimate: err,
        interval: [lo, lo],
        replicates: 0,
        epsilon: EXACT_TOLERANCE,
        evidence:
          `E[T | lost] exact ${f(exact.lossGivenLoss)} vs KO ${f(ko.lossGivenLoss)} (relative error ${f(lostErr)}); ` +
          `E[T | fixed] exact ${f(exact.fixationGivenFixation)} vs KO ${f(ko.fixationGivenFixation)} (relative error ${f(fixedErr)})`,
        details: { exact: { ...exact }, kimuraOhta: { ...ko }, relativeErrorLost: lostErr, relativeErrorFixed: fixedErr },
        range: [0, Number.POSITIVE_INFINITY],
      };
    },
  };
}
