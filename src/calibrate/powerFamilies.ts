/**
 * The graded perturbations `calibrate` measures power against, one family per check, each built
 * through the Implementation hooks the planted bugs use (src/check/plantedBugs.ts): a closed form
 * scaled by (1 + t), a sampler's success probability off by a factor (1 + t), a simulator's
 * recorded measure off by a factor (1 + t), p^(0) mixed toward uniform by a fraction t, the
 * collapse time shifted by one generation with probability t, a bound scaled toward failing by t.
 * Size 0 is the reference implementation. Each family states its discrepancy in the units of the
 * epsilon its check states (read the check's doc comment): the absolute shift of the measured mean
 * (largest over the compared rows), the violation of a bound, or the sup distance of two cdfs.
 * @example powerFamilies().map((f) => f.id).includes("thm1-sm"); // => true
 */
import { collapseLaw } from "../exact/collapseLaw.ts";
import type { RunRecord } from "../loops/index.ts";
import { reference, type Implementation } from "../check/implementation.ts";
import { statementsFor } from "../check/registry.ts";
import { distributionOf } from "../check/points.ts";
import type { VerdictRecord } from "../check/types.ts";
import { binomialUnchecked } from "../sample/index.ts";
import { tokenLostAtFirstGeneration } from "../theory/index.ts";
import type { PowerFamily, ReferenceRow } from "./types.ts";

/** t times the largest |predicted| over the rows: the shift a prediction (or true mean) scaled by (1 + t) makes. */
function relativeShift(t: number, rows: readonly ReferenceRow[]): number {
  return t * Math.max(...rows.map((r) => Math.abs(r.predicted)));
}

/** A run record with the listed measures multiplied by (1 + t) at every generation. */
function scaleRecord(rec: RunRecord, keys: readonly (keyof RunRecord)[], t: number): RunRecord {
  const out = { ...rec } as Record<string, unknown>;
  for (const k of keys) out[k] = (rec[k] as number[]).map((v) => v * (1 + t));
  return Object.assign(rec, out);
}

/** An implementation whose simulator records `keys` off by a factor (1 + t). */
function simulatorScaling(keys: readonly (keyof RunRecord)[]) {
  return (t: number): Implementation => (t === 0 ? reference : { ...reference, simulateRun: (rng, config, observe) => scaleRecord(reference.simulateRun(rng, config, observe), keys, t) });
}

/** The point of a statement of the reference registry. */
function pointOf(statement: string, point: number): Record<string, unknown> {
  const st = statementsFor(reference).find((s) => s.id === statement);
  if (!st || !st.points[point]) throw new RangeError(`unknown check ${statement}#${point}`);
  return st.points[point];
}

/** The epsilon of the DKW test of a law fit (collapse-time-law): 2 h, h the DKW half-width, in units of sup |F - F'|. */
function dkwEpsilon(record: VerdictRecord): number {
  const tests = (record.details?.tests ?? []) as Array<{ label: string; epsilon: number }>;
  const dkw = tests.find((x) => x.label.includes("DKW"));
  return dkw ? dkw.epsilon : Number.NaN;
}

/** Every family, in the order of the report. */
export function powerFamilies(): PowerFamily[] {
  const ctl = pointOf("collapse-time-law", 2);
  const ctlLaw = collapseLaw(distributionOf(ctl as never), Number(ctl.n), Number(ctl.M));
  let ctlMaxPmf = 0;
  for (let m = 1; m < ctlLaw.rho.length; m++) ctlMaxPmf = Math.max(ctlMaxPmf, ctlLaw.rho[m] - ctlLaw.rho[m - 1]);
  const tok = pointOf("token-lost-first-generation", 1);
  const tokP = distributionOf(tok as never);
  const tokN = Number(tok.n);
  const mixToUniform = (t: number): Float64Array => {
    let support = 0;
    for (const v of tokP) if (v > 0) support++;
    return Float64Array.from(tokP, (v) => (v > 0 ? (1 - t) * v + t / support : 0));
  };
  return [
    {
      id: "sampler-binomial-mean",
      statement: "sampler-binomial-mean",
      point: 1,
      perturbation: "Bin(n, p) drawn as Bin(n, p (1 + t))",
      sizes: [0, 0.001, 0.002, 0.003, 0.004, 0.005, 0.0065],
      impl: (t) => (t === 0 ? reference : { ...reference, binomial: (rng, n, p) => binomialUnchecked(rng, n, Math.min(1, p * (1 + t))) }),
      discrepancy: relativeShift,
      units: "absolute shift of the mean of X/n",
    },
    {
      id: "thm1-sm",
      statement: "thm1-sm",
      point: 1,
      perturbation: "Eq (6) S_m scaled by (1 + t)",
      sizes: [0, 0.004, 0.008, 0.012, 0.016, 0.02, 0.03],
      impl: (t) => (t === 0 ? reference : { ...reference, fullySyntheticSm: (q) => reference.fullySyntheticSm(q) * (1 + t) }),
      discrepancy: relativeShift,
      units: "absolute shift of S_m, largest over m",
    },
    {
      id: "thm2-sm-partial",
      statement: "thm2-sm-partial",
      point: 1,
      perturbation: "Eq (9) S_{m+1} scaled by (1 + t)",
      sizes: [0, 0.002, 0.004, 0.006, 0.008, 0.01, 0.014],
      impl: (t) => (t === 0 ? reference : { ...reference, partiallySyntheticNextSm: (q) => reference.partiallySyntheticNextSm(q) * (1 + t) }),
      discrepancy: relativeShift,
      units: "absolute shift of S_{m+1}, largest over m",
    },
    {
      id: "fs-second-moments",
      statement: "fs-second-moments",
      point: 1,
      perturbation: "the simulator's ||p^(m) - p^(0)||_2^2 off by a factor (1 + t)",
      sizes: [0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.13],
      impl: simulatorScaling(["l2SquaredToP0"]),
      discrepancy: relativeShift,
      units: "absolute shift of E||p^(m) - p^(0)||_2^2, largest over m",
    },
    {
      id: "ps-drift",
      statement: "ps-drift",
      point: 1,
      perturbation: "D_m (spec 4.3) scaled by (1 + t)",
      sizes: [0, 0.04, 0.08, 0.12, 0.16, 0.2, 0.26],
      impl: (t) => (t === 0 ? reference : { ...reference, psDrift: (q) => reference.psDrift(q) * (1 + t) }),
      discrepancy: relativeShift,
      units: "absolute shift of D_m, largest over m",
    },
    {
      id: "setting-second-moments",
      statement: "setting-second-moments",
      point: 1,
      perturbation: "the simulator's sigma_m and squared distances to p^(0), p^(1) off by a factor (1 + t)",
      sizes: [0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.07],
      impl: simulatorScaling(["sigma", "l2SquaredToP0", "l2SquaredToP1"]),
      discrepancy: relativeShift,
      units: "absolute shift of the mean, largest over (measure, m)",
    },
    {
      id: "collapse-time-law",
      statement: "collapse-time-law",
      point: 2,
      perturbation: "T drawn one generation late with probability t",
      sizes: [0, 0.01, 0.02, 0.04, 0.06, 0.08, 0.12, 0.16],
      impl: (t) =>
        t === 0
          ? reference
          : {
              ...reference,
              collapseTimeSampler: (p0, n, horizon, method) => {
                const draw = reference.collapseTimeSampler(p0, n, horizon, method);
                return (rng) => {
                  const T = draw(rng);
                  if (T === null || !(rng.uniform() < t)) return T;
                  return T + 1 > horizon ? null : T + 1;
                };
              },
            },
      // F'(m) = F(m) - t P(T = m): the sup distance of the cdfs is t max_m P(T = m).
      discrepancy: (t) => t * ctlMaxPmf,
      units: "sup |F - F'| of the cdf of T (the DKW test's epsilon; VERDICTS.md prints the worst-scoring test's)",
      epsilonOf: dkwEpsilon,
    },
    {
      id: "token-lost-first-generation",
      statement: "token-lost-first-generation",
      point: 1,
      perturbation: "the simulator samples from p^(0) mixed toward uniform on its support by a fraction t",
      sizes: [0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.07],
      impl: (t) => (t === 0 ? reference : { ...reference, simulateRun: (rng, config, observe) => reference.simulateRun(rng, { ...config, p0: mixToUniform(t) }, observe) }),
      discrepancy: (t) => {
        const q = mixToUniform(t);
        let d = 0;
        tokP.forEach((pk, k) => pk > 0 && (d = Math.max(d, Math.abs(tokenLostAtFirstGeneration({ n: tokN, pk: q[k] }) - tokenLostAtFirstGeneration({ n: tokN, pk })))));
        return d;
      },
      units: "absolute shift of P(token k lost at m = 1), largest over tokens",
    },
    {
      id: "thm1-rho-upper",
      statement: "thm1-rho-upper",
      point: 1,
      perturbation: "Eq (7) upper bound scaled by (1 - t)",
      sizes: [0, 0.01, 0.015, 0.02, 0.025, 0.03, 0.04, 0.05],
      impl: (t) => (t === 0 ? reference : { ...reference, collapseProbabilityBounds: (q) => { const b = reference.collapseProbabilityBounds(q); return { lower: b.lower, upper: b.upper * (1 - t) }; } }),
      discrepancy: (t, rows) => Math.max(...rows.map((r) => r.estimate - (1 - t) * r.predicted)),
      units: "violation rho_m - bound, largest over m (negative: slack)",
    },
    {
      id: "thm1-rho-lower",
      statement: "thm1-rho-lower",
      point: 1,
      perturbation: "Eq (7) lower bound scaled by (1 + t)",
      sizes: [0, 0.15, 0.2, 0.22, 0.24, 0.26, 0.3],
      impl: (t) => (t === 0 ? reference : { ...reference, collapseProbabilityBounds: (q) => { const b = reference.collapseProbabilityBounds(q); return { lower: b.lower * (1 + t), upper: b.upper }; } }),
      discrepancy: (t, rows) => Math.max(...rows.map((r) => (1 + t) * r.predicted - r.estimate)),
      units: "violation bound - rho_m, largest over m (negative: slack)",
    },
  ];
}
