/**
 * lemma1-l1-concentration: P(||p_hat - p||_1 >= eps) <= G exp(-n phi(pi_p) eps^2/4) for the
 * empirical distribution p_hat of n samples (Lemma 1), with G = G_n(s) of Eq (13) as printed and
 * with the older G = 2^s - 2 (Weissman et al. 2003), against the EXACT multinomial tail: p = w/W
 * with integer weights w, and the law of ||p_hat - p||_1 is enumerated (count vectors up to the
 * symmetry of equal weights, in BigInt; src/exact/multinomialL1Tail.ts). Points are where the
 * bounds are below 1 (informative), for each case of Eq (13):
 *   - s <= C0 n/4 + 2 (G = 2^s - 2): s = 2, 3, 6; nearly tight at s = 2 (Hoeffding's exponent);
 *   - C0 n/4 + 2 < s < C0 n/e + 2 (G = C1 s (C0 n/s)^(s/2)): s = 4, n = 2 (P/bound 0.04, the largest
 *     found) and s = 16, n = 12 uniform, where this G is below 2^s - 2 (P/bound 4e-3);
 *   - s >= C0 n/e + 2 (G = C1 s e^(C0 n/(2e))): REFUTED (lemma1-large-case, an erratum): e.g. at the
 *     paper's own s = 600, n = 10 with p uniform, ||p_hat - p||_1 >= 2(1 - n/s) always, so
 *     P(... >= 1.95) = 1 against a bound of 3.5e-3.
 * Eps is read as the decimal it is written as; a deviation on the 1/(nW) grid equal to it counts.
 */
import { type L1DeviationLaw, l1TailFromLaw, multinomialL1DeviationLaw } from "../../exact/multinomialL1Tail.ts";
import { gnRegimeUnchecked, piP, type TailForm } from "../../theory/index.ts";
import { formatEvidenceNumber } from "../evidence.ts";
import { EXACT_TOLERANCE, exactMeasurement } from "../exactMeasurement.ts";
import type { Implementation } from "../implementation.ts";
import type { Statement } from "../statement.ts";
import type { Measurement, Parameters } from "../types.ts";

const WHERE = "Lemma 1 (Mardia et al. 2020; Weissman et al. 2003), Eq (13)";

const uniform = (s: number): number[] => new Array<number>(s).fill(1);

/**
 * Points where the bounds are informative (< 1), for the first two cases of Eq (13); the first is
 * where Lemma 1 is nearly tight (s = 2), the one the planted bug lemma1-exponent-halved fails at.
 */
const POINTS: Parameters[] = [
  { weights: [1, 1], n: 100, eps: 0.2 },
  { weights: [5, 3, 2], n: 200, eps: 0.25 },
  { weights: uniform(6), n: 12, eps: 1 },
  { weights: [27, 1, 1, 1], n: 2, eps: 1.85 },
  { weights: uniform(16), n: 12, eps: 1.375 },
  // The tightest cells of the tightness search (src/tightness/lemma1Map.ts): s = 2, n = 2, eps = 1 (0.68); s = 3, n = 16, eps = 0.7 (0.12).
  { weights: [1, 1], n: 2, eps: 1 },
  { weights: uniform(3), n: 16, eps: 0.7 },
];

/**
 * Large case (s >= C0 n/e + 2): the paper's own (s, n) = (600, 10) with p uniform; the largest
 * P/bound found (s = 45, n = 12: 5.4); and the smallest s/n found refuted (s = 45, n = 20).
 */
const LARGE_CASE_POINTS: Parameters[] = [
  { weights: uniform(600), n: 10, eps: 1.95 },
  { weights: uniform(45), n: 12, eps: 1.555 },
  { weights: uniform(45), n: 20, eps: 1.3777 },
];

function weightsOf(point: Parameters): number[] {
  const w = point.weights;
  if (!Array.isArray(w)) throw new RangeError(`point must give integer weights, got ${JSON.stringify(point)}`);
  return w.map(Number);
}

/** The exact laws of the points (both forms read the same ones). */
const laws = new Map<string, L1DeviationLaw>();

function lawOf(weights: number[], n: number): L1DeviationLaw {
  const key = JSON.stringify([weights, n]);
  let law = laws.get(key);
  if (!law) laws.set(key, (law = multinomialL1DeviationLaw({ weights, n })));
  return law;
}

/** The exact tail vs impl's bound at one point (range [0, 1]: a bound >= 1 is vacuous). */
function measureExact(impl: Implementation, point: Parameters, form: TailForm): Measurement {
  const w = weightsOf(point);
  const n = Number(point.n);
  const eps = Number(point.eps);
  const W = w.reduce((a, b) => a + b, 0);
  const s = w.length;
  const pi = piP({ p: w.map((x) => x / W) }).upper;
  const bound = impl.l1TailBound({ n, s, pi, eps, form });
  const law = lawOf(w, n);
  const tail = l1TailFromLaw(law, eps);
  const regime = gnRegimeUnchecked(n, s);
  const fraction = `${tail.numerator} / ${law.W}^${n}`;
  const m = exactMeasurement("atMost", [{ label: `s = ${s}, n = ${n}, eps = ${eps} (case ${regime})`, predicted: bound, exact: tail.value }], EXACT_TOLERANCE, [0, 1]);
  return {
    ...m,
    evidence:
      `exact P(||p_hat - p||_1 >= ${eps}) = ${formatEvidenceNumber(tail.value)} (${fraction.length <= 60 ? `= ${fraction}; ` : ""}${law.configurations} count classes enumerated) ` +
      `vs bound ${formatEvidenceNumber(bound)} (G: ${form === "lemma1" ? `Eq (13), case ${regime}` : "2^s - 2"}; s = ${s}, n = ${n}, pi_p = ${pi.toPrecision(4)}; ` +
      `largest attainable deviation ${formatEvidenceNumber(tail.maxDeviation)})`,
    details: { bound, exact: tail.value, pi, form, regime, weights: w, configurations: law.configurations },
  };
}

function statement(impl: Implementation, id: string, form: TailForm, title: string): Statement {
  return {
    id,
    title,
    where: WHERE,
    kind: "statement",
    expected: "holds",
    method: "exact",
    description: "exact P(||p_hat - p||_1 >= eps) (multinomial law enumerated, p = w/W) vs the bound (upper), at points where the bound is below 1",
    points: POINTS,
    measure: (point) => measureExact(impl, point, form),
  };
}

export function lemma1Statements(impl: Implementation): Statement[] {
  return [
    statement(
      impl,
      "lemma1-l1-concentration",
      "lemma1",
      "Lemma 1, Eq (13) cases s < C0 n/e + 2: P(||p_hat - p||_1 >= eps) <= G_n(s) exp(-n phi(pi_p) eps^2/4) (exact tails)",
    ),
    statement(
      impl,
      "lemma1-l1-concentration-weissman",
      "weissman",
      "Lemma 1 (older form): P(||p_hat - p||_1 >= eps) <= (2^s - 2) exp(-n phi(pi_p) eps^2/4) (exact tails)",
    ),
    {
      id: "lemma1-large-case",
      title:
        "Lemma 1 as printed, large case s >= C0 n/e + 2: G_n(s) = C1 s e^(C0 n/(2e)) is refuted by exact multinomial tails " +
        "(e.g. the paper's s = 600, n = 10: P = 1 against 3.5e-3; no restriction on eps is printed); the other two cases are not refuted. " +
        "Refuted: the expression as printed in Seddik et al. with the case assignment read from its layout; not checked: the source (Mardia et al. 2020), which could not be obtained",
      where: WHERE,
      kind: "erratum",
      expected: "refuted",
      method: "exact",
      description:
        "exact P(||p_hat - p||_1 >= eps) for p uniform on s tokens, where ||p_hat - p||_1 = 2(1 - occupied/s) >= 2(1 - n/s), vs Eq (13)'s large case. " +
        "Refutes that case only: the middle case and 2^s - 2 hold at every point checked (largest P/bound 0.04 in the middle case), which does not prove the middle case",
      points: LARGE_CASE_POINTS,
      measure: (point) => measureExact(impl, point, "lemma1"),
    },
  ];
}
