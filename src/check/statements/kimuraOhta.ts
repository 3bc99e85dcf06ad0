/**
 * kimura-ohta: the diffusion approximation E[T] ~ -2n sum_i (1 - p_i) ln(1 - p_i) (Kimura-Ohta /
 * Littler; spec 4.4, not in the paper) against the exact E[T] of the Fully Synthetic chain (linear
 * solve, src/exact). The claim checked is an accuracy: relative error |E[T] - KO| / E[T] <= 0.1 at
 * moderate n. The exact value carries only rounding error (~1e-12 relative), so the interval is
 * the computed error itself, widened by 1e-9 in the claim's favour.
 */
import { expectedCollapseTime } from "../../exact/index.ts";
import { formatEvidenceNumber } from "../evidence.ts";
import { EXACT_TOLERANCE } from "../exactMeasurement.ts";
import type { Implementation } from "../implementation.ts";
import { distributionOf } from "../points.ts";
import type { Statement } from "../statement.ts";

export function kimuraOhtaStatement(impl: Implementation): Statement {
  return {
    id: "kimura-ohta",
    title: "Kimura-Ohta: E[T] ~ -2n sum_i (1 - p_i) ln(1 - p_i) within 10% (relative) at moderate n",
    where: "Spec 4.4 (diffusion approximation; compare the paper's remark that E[T] is close to O(n))",
    kind: "extension",
    expected: "holds",
    method: "exact",
    description: "|E[T]_exact - KO| / E[T]_exact vs 0.1 (upper), E[T] from the exact chain",
    points: [
      { p: [0.5, 0.5], n: 200, tolerance: 0.1 },
      { p: [0.5, 0.3, 0.2], n: 40, tolerance: 0.1 },
      { p: [0.9, 0.1], n: 200, tolerance: 0.1 },
      { p: [0.4, 0.3, 0.2, 0.1], n: 20, tolerance: 0.1 },
    ],
    measure(point) {
      const p0 = distributionOf(point);
      const n = Number(point.n);
      const exact = expectedCollapseTime(p0, n);
      const ko = impl.kimuraOhtaCollapseTime({ n, p: Array.from(p0) });
      const err = Math.abs(exact - ko) / exact;
      const lo = err - EXACT_TOLERANCE;
      return {
        relation: "atMost",
        predicted: Number(point.tolerance),
        estimate: err,
        interval: [lo, lo],
        replicates: 0,
        epsilon: EXACT_TOLERANCE,
        evidence: `E[T] exact ${formatEvidenceNumber(exact)} vs Kimura-Ohta ${formatEvidenceNumber(ko)}: relative error ${formatEvidenceNumber(err)} (KO ${ko > exact ? "high" : "low"})`,
        details: { exact, kimuraOhta: ko },
        range: [0, Number.POSITIVE_INFINITY],
      };
    },
  };
}
