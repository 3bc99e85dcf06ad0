/**
 * The hedged betting confidence sequence for the mean of observations in [0, 1] (Waudby-Smith &
 * Ramdas, "Estimating means of bounded random variables by betting", JRSS-B 2024, arXiv 2010.09686:
 * the hedged capital process with predictable plug-in bets, Section 4), valid at every sample size
 * at once: P(exists t: mu not in C_t) <= alpha, so a check may look after every observation and stop
 * whenever it likes.
 *
 * For a candidate mean m, two gamblers bet on the sign of X_i - m with predictable bets:
 *   K_t^+(m) = prod_{i<=t} (1 + lambda_i^+(m) (X_i - m)),   lambda_i^+(m) = min(lambdaDot_i, c / m),
 *   K_t^-(m) = prod_{i<=t} (1 - lambda_i^-(m) (X_i - m)),   lambda_i^-(m) = min(lambdaDot_i, c / (1 - m)),
 *   K_t^{+-}(m) = max(theta K_t^+(m), (1 - theta) K_t^-(m)),  C_t = { m in [0, 1] : K_t^{+-}(m) < 1 / alpha },
 * with theta = 1/2 and c = 1/2 (the paper's defaults). The predictable plug-in (PrPl) bet is
 *   lambdaDot_t = sqrt(2 ln(2/alpha) / (sigmaHat^2_{t-1} t ln(1 + t))),
 *   muHat_t = (1/2 + sum_{i<=t} X_i) / (t + 1),  sigmaHat^2_t = (1/4 + sum_{i<=t} (X_i - muHat_i)^2) / (t + 1).
 * Under the null mean m each K^{+-} is a nonnegative martingale started at 1 and K^{+-} <= theta K^+ +
 * (1 - theta) K^-, itself one, so Ville's inequality gives P(exists t: K_t^{+-}(mu) >= 1/alpha) <= alpha.
 * Each factor of K^+ is positive (>= 1 - c) and nonincreasing in m, each factor of K^- nondecreasing, so
 * C_t = (l_t, u_t) is an interval: l_t solves theta K_t^+(m) = 1/alpha and u_t solves (1 - theta) K_t^-(m) = 1/alpha.
 * That monotonicity is what lets a sequential check decide from the capital at a few fixed m (the
 * prediction, prediction +- epsilon), O(1) per observation, and compute the endpoints only once, at the end.
 * Outside [0, 1] the capital is +Infinity (no mean of [0, 1]-valued data lies there).
 *
 * Formulas checked against the authors' reference implementation (confseq: betting.py `betting_mart`,
 * `hedged_cs`; betting_strategies.py `lambda_predmix_eb`), which uses ln(1/alpha) in the bet where the
 * paper's PrPl-+- bet has ln(2/alpha); the bet only changes power, never validity.
 *
 * Cost: push O(number of tracked candidates); interval() O(t) per bisection step (about 60 steps).
 * @example
 * const cs = bettingConfidenceSequence({ alpha: 0.05, track: [0.5] });
 * for (let i = 0; i < 1000; i++) cs.push(i % 2);
 * cs.interval(); // => about { lo: 0.44, hi: 0.56 }, and cs.excluded(0) === false
 */

/** Options of a betting confidence sequence. */
export interface BettingConfidenceSequenceOptions {
  /** Error rate: the CS misses the mean at some time with probability at most alpha. */
  alpha: number;
  /** Candidate means whose capital is kept up to date at every push (O(1) each). */
  track?: readonly number[];
  /** Weight of the upward gambler (paper: 1/2). */
  theta?: number;
  /** Truncation of the bets, lambda <= c / m (paper: 1/2 or 3/4; default 1/2). */
  c?: number;
}

/** A streaming betting confidence sequence (observations must lie in [0, 1]). */
export interface BettingConfidenceSequence {
  /** Adds one observation in [0, 1]. */
  push(x: number): void;
  /** Number of observations so far. */
  readonly t: number;
  /** Sample mean so far (NaN before the first observation). */
  mean(): number;
  /** ln K_t^+ and ln K_t^- of tracked candidate k. */
  logCapital(k: number): { plus: number; minus: number };
  /** Whether tracked candidate k lies outside C_t (K_t^{+-} >= 1/alpha). */
  excluded(k: number): boolean;
  /** Whether tracked candidate k is excluded by the upward gambler (then C_t lies above it: l_t >= m). */
  excludedFromAbove(k: number): boolean;
  /** Whether tracked candidate k is excluded by the downward gambler (then C_t lies below it: u_t <= m). */
  excludedFromBelow(k: number): boolean;
  /** ln K_t^+(m) and ln K_t^-(m) of any m, recomputed from the stored observations (O(t)). */
  logCapitalAt(m: number): { plus: number; minus: number };
  /**
   * C_t by bisection on the stored observations: lo (hi) is the smallest (largest) point found inside
   * C_t, within 1e-14 of the true end, so an excluded candidate is always strictly outside [lo, hi].
   */
  interval(): { estimate: number; lo: number; hi: number };
}

/**
 * The predictable plug-in bet lambdaDot_t = sqrt(2 ln(2/alpha) / (sigmaHat^2_{t-1} t ln(1 + t))).
 * @example predictablePluginBet(1, 0.25, 0.05); // => sqrt(8 ln 40 / ln 2) = 6.5...
 */
export function predictablePluginBet(t: number, previousVariance: number, alpha: number): number {
  return Math.sqrt((2 * Math.log(2 / alpha)) / (previousVariance * t * Math.log1p(t)));
}

/** One factor's log: ln(1 + lambda (x - m)) with lambda = min(bet, c / m) (m = 0: bet). */
function logFactorPlus(x: number, m: number, bet: number, c: number): number {
  const lambda = m > 0 ? Math.min(bet, c / m) : bet;
  return Math.log1p(lambda * (x - m));
}

function logFactorMinus(x: number, m: number, bet: number, c: number): number {
  const lambda = m < 1 ? Math.min(bet, c / (1 - m)) : bet;
  return Math.log1p(-lambda * (x - m));
}

/** Creates an empty betting confidence sequence; see the module comment for the formulas. */
export function bettingConfidenceSequence(options: BettingConfidenceSequenceOptions): BettingConfidenceSequence {
  const { alpha } = options;
  const theta = options.theta ?? 0.5;
  const c = options.c ?? 0.5;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must lie in (0, 1), got ${alpha}`);
  if (!(theta > 0 && theta < 1)) throw new RangeError(`theta must lie in (0, 1), got ${theta}`);
  if (!(c > 0 && c < 1)) throw new RangeError(`c must lie in (0, 1), got ${c}`);
  const track = Array.from(options.track ?? []);
  const logThreshold = Math.log(1 / alpha);
  const logThetaPlus = Math.log(theta);
  const logThetaMinus = Math.log(1 - theta);
  const plus = track.map((m) => (m >= 0 && m <= 1 ? 0 : Infinity));
  const minus = track.map((m) => (m >= 0 && m <= 1 ? 0 : Infinity));
  let xs = new Float64Array(1024);
  let bets = new Float64Array(1024);
  let t = 0;
  let sum = 0;
  let muHat = 0.5; // muHat_0
  let sumSq = 0; // sum_{i<=t} (X_i - muHat_i)^2
  let variance = 0.25; // sigmaHat^2_0

  const outside = (m: number) => !(m >= 0 && m <= 1);
  const logPlusAt = (m: number): number => {
    if (outside(m)) return Infinity;
    let s = 0;
    for (let i = 0; i < t; i++) s += logFactorPlus(xs[i], m, bets[i], c);
    return s;
  };
  const logMinusAt = (m: number): number => {
    if (outside(m)) return Infinity;
    let s = 0;
    for (let i = 0; i < t; i++) s += logFactorMinus(xs[i], m, bets[i], c);
    return s;
  };
  const upExcludes = (logPlus: number) => logThetaPlus + logPlus >= logThreshold;
  const downExcludes = (logMinus: number) => logThetaMinus + logMinus >= logThreshold;

  return {
    push(x: number): void {
      if (!(x >= 0 && x <= 1)) throw new RangeError(`observations must lie in [0, 1], got ${x}`);
      if (t === xs.length) {
        const grow = (a: Float64Array) => {
          const b = new Float64Array(a.length * 2);
          b.set(a);
          return b;
        };
        xs = grow(xs);
        bets = grow(bets);
      }
      const bet = predictablePluginBet(t + 1, variance, alpha);
      for (let k = 0; k < track.length; k++) {
        const m = track[k];
        if (outside(m)) continue;
        plus[k] += logFactorPlus(x, m, bet, c);
        minus[k] += logFactorMinus(x, m, bet, c);
      }
      xs[t] = x;
      bets[t] = bet;
      t++;
      sum += x;
      muHat = (0.5 + sum) / (t + 1);
      sumSq += (x - muHat) * (x - muHat);
      variance = (0.25 + sumSq) / (t + 1);
    },
    get t() {
      return t;
    },
    mean: () => (t > 0 ? sum / t : Number.NaN),
    logCapital: (k) => ({ plus: plus[k], minus: minus[k] }),
    excluded: (k) => upExcludes(plus[k]) || downExcludes(minus[k]),
    excludedFromAbove: (k) => upExcludes(plus[k]),
    excludedFromBelow: (k) => downExcludes(minus[k]),
    logCapitalAt: (m) => ({ plus: logPlusAt(m), minus: logMinusAt(m) }),
    interval() {
      const estimate = t > 0 ? sum / t : Number.NaN;
      // l_t: upExcludes is true at and below it (K^+ nonincreasing in m); K^+(1) <= 1 so 1 is never excluded by it.
      let lo: number;
      if (!upExcludes(logPlusAt(0))) lo = 0;
      else {
        let a = 0;
        let b = 1;
        while (b - a > 1e-14) {
          const mid = 0.5 * (a + b);
          if (upExcludes(logPlusAt(mid))) a = mid;
          else b = mid;
        }
        lo = b;
      }
      let hi: number;
      if (!downExcludes(logMinusAt(1))) hi = 1;
      else {
        let a = 0;
        let b = 1;
        while (b - a > 1e-14) {
          const mid = 0.5 * (a + b);
          if (downExcludes(logMinusAt(mid))) b = mid;
          else a = mid;
        }
        hi = a;
      }
      return { estimate, lo, hi };
    },
  };
}
