/**
 * Binomial(trials, c / w) for integers 0 <= c <= w <= 1024 and 0 <= trials <= 1024: the conditional
 * binomials X_j ~ Binomial(rest, c_j / (c_j + ... + c_{k-1})) of the collapse-time chain, whose
 * parameters are all counts. With a = min(c, w - c) and mean trials a / w:
 * - mean < 20: inversion from 0 (Devroye 1986, Sec. X.4), f(0) = ((w - a) / w)^trials and
 *   f(k) = f(k - 1) ((trials + 1) s / k - s), s = a / (w - a). f(0) = exp(trials (log(w - a) -
 *   log w)) with the logarithms of integers tabulated (`logSplit`) and an inline exp
 *   (`expNonPositive`): relative error < trials 2^-51 + 2 ulp (< 5e-13), no log1p or call into C++
 *   per draw (which the generic `binomialAt` pays) and no branch (repeated squaring for small
 *   trials, as `binomialAt` does, mispredicts a branch per bit: ~10% of the Figure 2 workload);
 * - mean >= 20 and variance < 100: inversion from the mode (`inversionFromMode`), ~1.6 sd + 1
 *   terms of the pmf from f(mode), which one exp of tabulated log factorials gives;
 * - else BTRD (Hormann 1993, `btrdDraw`) with p = a / w.
 * Then trials - X if a = w - c. A walk restarts if U falls in the rounding gap of the total, which
 * is exact given that event. Thresholds (`binomialAt` goes to BTRD at a mean of 10, the least it
 * accepts): BTRD rejects about half of its first uniforms at the small variances of the Figure 2
 * chains (npq ~ 4 to 70), and a mispredicted branch per rejection; on that workload the walk from
 * 0 is cheaper up to a mean of ~20, and the walk from the mode than BTRD above (~4% of the whole;
 * its variances are below 70, the bound 100 is not tuned).
 * @example countRatioBinomial(createRng(1), 300, 3, 300); // => an integer near 3
 */
import { logFactorials } from "../exact/logFactorials.ts";
import type { Rng } from "../rng/index.ts";
import { inversionWalk } from "../sample/binomialInversion.ts";
import { btrdDraw } from "../sample/btrd.ts";

/** [f(0), s] of the walk from 0 (scratch; not reentrant). */
const walk = new Float64Array(2);

/** The largest trials and w accepted. */
export const COUNT_RATIO_MAX = 1024;

/** Below this mean inversion from 0; at and above, inversion from the mode below MODE_MAX_VARIANCE, else BTRD. */
const INVERSION_MAX_MEAN = 20;
const MODE_MAX_VARIANCE = 100;

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;

/** log i = LOG_HI[i] + LOG_LO[i] (`logSplit`) and 1 / i, for 1 <= i <= COUNT_RATIO_MAX + 1. */
const LOG_HI = new Float64Array(COUNT_RATIO_MAX + 2);
const LOG_LO = new Float64Array(COUNT_RATIO_MAX + 2);
const RECIPROCAL = new Float64Array(COUNT_RATIO_MAX + 2);
for (let i = 1; i <= COUNT_RATIO_MAX + 1; i++) {
  const [hi, lo] = logSplit(i);
  LOG_HI[i] = hi;
  LOG_LO[i] = lo;
  RECIPROCAL[i] = 1 / i;
}

/** 2^(j / 128), j = 0..127, and 2^m, m = -1074..0 (at index m + 1074). */
const EXP2_FRACTION = new Float64Array(128);
for (let j = 0; j < 128; j++) EXP2_FRACTION[j] = 2 ** (j / 128);
const EXP2_INTEGER = new Float64Array(1075);
for (let m = -1074; m <= 0; m++) EXP2_INTEGER[m + 1074] = 2 ** m;
/** 128 / ln 2, and ln 2 / 128 = EXP_C1 + EXP_C2 (fdlibm's split of ln 2: k EXP_C1 is exact). */
const EXP_SCALE = 128 / Math.LN2;
const EXP_C1 = 6.9314718036912381649e-1 / 128;
const EXP_C2 = 1.90821492927058770002e-10 / 128;

/**
 * exp(x) for -700 <= x <= 0 (unchecked), inline: x = k ln2 / 128 + r, |r| <= ln2 / 256, so
 * exp(x) = 2^(k >> 7) 2^((k & 127) / 128) e^r, e^r by its Taylor polynomial of degree 5 (remainder
 * below r^6 / 720 < 1e-18). Within ~2 ulp of Math.exp, at about half its cost (no call into C++).
 * @example expNonPositive(-1); // => 0.36787944117144233 (to ~2 ulp)
 */
export function expNonPositive(x: number): number {
  const k = Math.floor(x * EXP_SCALE + 0.5);
  const r = x - k * EXP_C1 - k * EXP_C2;
  const p = 1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120)))));
  return EXP2_FRACTION[k & 127] * EXP2_INTEGER[(k >> 7) + 1074] * p;
}

/** log i! for i <= COUNT_RATIO_MAX (lgamma, to ~1 ulp). */
const LOG_FACTORIAL = logFactorials(COUNT_RATIO_MAX);

/** p for `btrdDraw` (an array: no double is boxed by the call). */
const slot = new Float64Array(1);

/**
 * One Binomial(trials, c / w) draw; integers 0 <= c <= w, 1 <= w <= 1024, 0 <= trials <= 1024 (unchecked).
 * @example countRatioBinomial(createRng(1), 10, 0, 7); // => 0
 */
export function countRatioBinomial(rng: Rng, trials: number, c: number, w: number): number {
  const flip = 2 * c > w;
  const a = flip ? w - c : c;
  if (a === 0 || trials === 0) return flip ? trials : 0;
  let x: number;
  if (trials * a < INVERSION_MAX_MEAN * w) {
    x = inversionFromZero(rng, trials, a, w);
  } else if (trials * a * (w - a) < MODE_MAX_VARIANCE * w * w) {
    x = inversionFromMode(rng, trials, a, w);
  } else {
    slot[0] = a / w;
    x = btrdDraw(rng, trials, slot, 0);
  }
  return flip ? trials - x : x;
}

/** Binomial(t, a / w) by inversion from 0 (binomialInversion.ts's walk); 1 <= a <= w / 2, t >= 1. */
function inversionFromZero(rng: Rng, t: number, a: number, w: number): number {
  const b = w - a;
  walk[0] = expNonPositive(t * (LOG_HI[b] - LOG_HI[w] + (LOG_LO[b] - LOG_LO[w])));
  walk[1] = a / b;
  return inversionWalk(rng, t, walk);
}

/**
 * Binomial(t, a / w) by inversion from the mode m = floor((t + 1) a / w): the outcomes in the order
 * m, m + 1, m - 1, m + 2, m - 2, ... (then the side that is left), about 1.6 sd + 1 of them per draw.
 * f(m) = exp(log t! - log m! - log (t - m)! + m log(a / w) + (t - m) log(b / w)) from tables
 * (relative error < 4e-12: the log factorials, up to ~5900, to 1 ulp), then
 * f(x + 1) = f(x) (t - x) / (x + 1) a / b and f(x - 1) = f(x) x / (t - x + 1) b / a.
 * Source: Devroye (1986), Sec. III.2 (inversion by search from the mode); Kemp (1986), chop-down.
 */
function inversionFromMode(rng: Rng, t: number, a: number, w: number): number {
  const b = w - a;
  const m = Math.floor(((t + 1) * a) / w);
  const s = a / b;
  const sInv = b / a;
  const logA = LOG_HI[a] - LOG_HI[w] + (LOG_LO[a] - LOG_LO[w]);
  const logB = LOG_HI[b] - LOG_HI[w] + (LOG_LO[b] - LOG_LO[w]);
  const fm = expNonPositive(LOG_FACTORIAL[t] - LOG_FACTORIAL[m] - LOG_FACTORIAL[t - m] + m * logA + (t - m) * logB);
  const pairs = m < t - m ? m : t - m;
  for (;;) {
    let u = rng.uniform() - fm;
    if (u < 0) return m;
    let fl = fm;
    let fh = fm;
    let i = 1;
    for (; i <= pairs; i++) {
      fh *= (t - m - i + 1) * RECIPROCAL[m + i] * s;
      fl *= (m - i + 1) * RECIPROCAL[t - m + i] * sInv;
      const v = u - fh;
      u = v - fl;
      if (u < 0) return v < 0 ? m + i : m - i;
    }
    if (m + i <= t) {
      for (let x = m + i; x <= t; x++) {
        fh *= (t - x + 1) * RECIPROCAL[x] * s;
        u -= fh;
        if (u < 0) return x;
      }
    } else {
      for (let x = m - i; x >= 0; x--) {
        fl *= (x + 1) * RECIPROCAL[t - x] * sInv;
        u -= fl;
        if (u < 0) return x;
      }
    }
    // U fell in the rounding gap of the total: draw again.
  }
}

/**
 * log i = k ln2 + log1p(i / 2^k - 1) for 2^k <= i < 2^(k+1), as [k LN2_HI, k LN2_LO + log1p(...)]:
 * the first part exact (LN2_HI has 32 significant bits; fdlibm's split of ln 2), the second within
 * about 1 ulp of 1, so log b - log w = (k_b - k_w) LN2_HI + (second parts) is within ~2^-52 of
 * the exact value (a table of Math.log(i) alone would be within ulp(log w) ~ 2^-50).
 */
function logSplit(i: number): [number, number] {
  let k = 0;
  while (2 ** (k + 1) <= i) k++;
  return [k * LN2_HI, k * LN2_LO + Math.log1p(i / 2 ** k - 1)];
}
