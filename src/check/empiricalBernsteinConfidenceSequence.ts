/**
 * The predictable plug-in empirical Bernstein confidence sequence (PrPl-EB) for the mean of
 * observations in [0, 1] (Waudby-Smith & Ramdas, JRSS-B 2024, arXiv 2010.09686, Theorem 2; the
 * supermartingale is Howard, Ramdas, McAuliffe & Sekhon, Ann. Statist. 2021, with Fan et al.'s
 * inequality exp(lambda xi - xi^2 (-ln(1 - lambda) - lambda)) <= 1 + lambda xi for xi >= -1):
 *   C_t = ( sum lambda_i X_i / sum lambda_i  +-  (ln(2/alpha) + sum v_i psi_E(lambda_i)) / sum lambda_i ) cap [0, 1],
 *   v_i = 4 (X_i - muHat_{i-1})^2,  psi_E(lambda) = (-ln(1 - lambda) - lambda) / 4,
 *   lambda_t = min(sqrt(2 ln(2/alpha) / (sigmaHat^2_{t-1} t ln(1 + t))), c),  c = 1/2,
 *   muHat_t = (1/2 + sum_{i<=t} X_i) / (t + 1),  sigmaHat^2_t = (1/4 + sum_{i<=t} (X_i - muHat_i)^2) / (t + 1).
 * P(exists t: mu not in C_t) <= alpha. Closed form, O(1) per observation; the betting CS
 * (bettingConfidenceSequence.ts) is never much wider and usually narrower.
 * @example
 * const cs = empiricalBernsteinConfidenceSequence(0.05);
 * for (let i = 0; i < 1000; i++) cs.push(i % 2);
 * cs.interval(); // => about { lo: 0.42, hi: 0.58 }
 */

export interface EmpiricalBernsteinConfidenceSequence {
  push(x: number): void;
  readonly t: number;
  /** C_t at the current time (not intersected with earlier ones). */
  interval(): { estimate: number; lo: number; hi: number };
}

/** psi_E(lambda) = (-ln(1 - lambda) - lambda) / 4, computed without cancellation for small lambda. */
export function psiE(lambda: number): number {
  return (-Math.log1p(-lambda) - lambda) / 4;
}

export function empiricalBernsteinConfidenceSequence(alpha: number, c = 0.5): EmpiricalBernsteinConfidenceSequence {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must lie in (0, 1), got ${alpha}`);
  if (!(c > 0 && c < 1)) throw new RangeError(`c must lie in (0, 1), got ${c}`);
  const logTerm = Math.log(2 / alpha);
  let t = 0;
  let sum = 0;
  let muHat = 0.5;
  let sumSq = 0;
  let variance = 0.25;
  let sumLambda = 0;
  let sumLambdaX = 0;
  let sumPenalty = 0;
  return {
    push(x: number): void {
      if (!(x >= 0 && x <= 1)) throw new RangeError(`observations must lie in [0, 1], got ${x}`);
      const n = t + 1;
      const lambda = Math.min(Math.sqrt((2 * logTerm) / (variance * n * Math.log1p(n))), c);
      sumLambda += lambda;
      sumLambdaX += lambda * x;
      sumPenalty += 4 * (x - muHat) * (x - muHat) * psiE(lambda);
      t = n;
      sum += x;
      muHat = (0.5 + sum) / (t + 1);
      sumSq += (x - muHat) * (x - muHat);
      variance = (0.25 + sumSq) / (t + 1);
    },
    get t() {
      return t;
    },
    interval() {
      if (t === 0) return { estimate: Number.NaN, lo: 0, hi: 1 };
      const centre = sumLambdaX / sumLambda;
      const margin = (logTerm + sumPenalty) / sumLambda;
      return { estimate: sum / t, lo: Math.max(0, centre - margin), hi: Math.min(1, centre + margin) };
    },
  };
}
