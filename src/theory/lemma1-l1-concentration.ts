/**
 * Lemma 1 (Mardia, Jiao, Tanczos, Nowak, Weissman 2020), as quoted by the paper: for the empirical
 * distribution p_hat of n samples from p on [s] and eps > 0,
 *   P(||p_hat - p||_1 >= eps) <= G_n(s) exp(-n phi(pi_p) eps^2/4),
 * with pi_p = max_A min{p(A), 1 - p(A)}, phi(x) = log((1 - x)/x)/(1 - 2x) (phi(1/2) = 2) and
 * G_n(s) of Eq (13). G_n(s) overflows float64 (it is e^{0.588 n} for s >= C0 n/e + 2), so it is
 * computed and returned in log space.
 *
 * Against its source. The source's text could not be read here: the stored copies of arXiv
 * 1809.06522 (v3, 19 Oct 2019) give only its abstract and contents (Sect. 1.3 "Tightening L1
 * deviation inequalities", p. 12), so its theorem number and its exact case split are NOT checked.
 * What the paper (Seddik et al.) prints, and the spec transcribes verbatim: the three expressions
 * C1 s (C0 n/s)^(s/2), C1 s e^(C0 n/(2e)) and 2^s - 2 with C0 = e^3/(2 pi), C1 = 6e/pi^(3/2); the
 * assignment of expressions to ranges of s is the spec author's reading (implemented as is).
 * What the harness establishes by exact enumeration of the multinomial tail (src/exact/
 * multinomialL1Tail.ts; verify: lemma1-l1-concentration, lemma1-large-case):
 *   - 2^s - 2 (Weissman et al. 2003; valid for all s and n) holds at every point checked;
 *   - the middle case holds at every point checked (largest P/bound 0.04, at s = 4, n = 2), which does
 *     not prove it; as implemented it exceeds 2^s - 2 near its lower edge (n = 10, s = 10: 9,778
 *     against 1,022), because the split at C0 n/4 + 2 compares (C0 n/s)^(s/2) with 2^s and ignores
 *     the factor C1 s;
 *   - the large case is FALSE as printed: for p uniform on s > n tokens, ||p_hat - p||_1 =
 *     2(1 - occupied/s) >= 2(1 - n/s), so any valid G needs G >= exp(n phi eps^2/4) at eps = 2(1 - n/s),
 *     i.e. G >= e^(2n(1 - n/s)^2), which grows like e^(2n) while C1 s e^(0.588 n) does not. At the
 *     paper's own s = 600, n = 10: P(||p_hat - p||_1 >= 1.95) = 1 against G e^(-19.0) = 3.5e-3. No
 *     reassignment of the two improved expressions to the large range repairs it (the middle one is
 *     smaller there still), so the printed large-case expression, not the case reading, is at fault;
 *     the source presumably states a different expression there (unverified).
 * Theorems 3 and 4 and Eq (11) integrate this tail with G_n(s); in the large range their bounds are
 * vacuous anyway (>= G sqrt(pi/(8n)) times the trivial 2 alpha).
 */
import { checkChoice, checkDistribution, checkFinite, checkInInterval, checkIntegerAtLeast, checkIntegerInRange } from "../validate.ts";
import { checkParams } from "./params.ts";

export const id = "lemma1-l1-concentration";

/** log C0 = log(e^3/(2 pi)) = 3 - log(2 pi); C0 ~ 3.1967. */
export const LOG_C0 = 3 - Math.log(2 * Math.PI);
/** C0 = e^3/(2 pi). */
export const C0 = Math.exp(LOG_C0);
/** log C1 = log(6e/pi^(3/2)); C1 ~ 2.9290. */
export const LOG_C1 = Math.log(6) + 1 - 1.5 * Math.log(Math.PI);
/** C1 = 6e/pi^(3/2). */
export const C1 = Math.exp(LOG_C1);
/** C0/(2e) = e^2/(4 pi) ~ 0.5880: the exponent rate of G_n(s) for large s. */
export const C0_OVER_2E = Math.exp(2) / (4 * Math.PI);

/**
 * phi without checks; x in [0, 1/2].
 * @example phiUnchecked(0.25); // => 2.197224577336219
 */
export function phiUnchecked(x: number): number {
  if (x === 0) return Infinity;
  if (x < 0.25) return (Math.log1p(-x) - Math.log(x)) / (1 - 2 * x);
  const t = 1 - 2 * x;
  return t === 0 ? 2 : (2 * Math.atanh(t)) / t;
}

/**
 * phi(x) = log((1 - x)/x)/(1 - 2x) on [0, 1/2], phi(1/2) = 2, phi(0) = Infinity; strictly
 * decreasing. Near 1/2 it is evaluated as 2 atanh(t)/t with t = 1 - 2x (exact there).
 * Source: Lemma 1.
 * @example phi({ x: 0.25 }); // => 2.197224577336219 (= 2 log 3)
 */
export function phi(params: { x: number }): number {
  const o = checkParams(params);
  return phiUnchecked(checkInInterval(o.x, "x", 0, 0.5));
}

/** How pi_p was found. */
export type PiMethod = "exact-mitm" | "exact-dominant" | "greedy";

/** pi_p with an upper bound: equal to `value` for the exact methods. */
export interface PiResult {
  /** Attained by a subset: value <= pi_p. */
  value: number;
  /** pi_p <= upper. Use this (phi is decreasing) when a valid tail bound is needed. */
  upper: number;
  method: PiMethod;
}

/** Default largest support handled exactly by meet-in-the-middle (2^18 sums per half, ~0.15 s). */
export const MAX_EXACT_SUPPORT = 36;

function subsetSums(items: readonly number[]): Float64Array {
  const sums = new Float64Array(2 ** items.length);
  for (let i = 0; i < items.length; i++) {
    const half = 2 ** i;
    for (let mask = 0; mask < half; mask++) sums[half + mask] = sums[mask] + items[i];
  }
  return sums;
}

/**
 * pi_p without checks (positive entries only are used).
 * @example piUnchecked([0.4, 0.35, 0.25]).value; // => 0.4
 */
export function piUnchecked(p: ArrayLike<number>, maxExactSupport = MAX_EXACT_SUPPORT): PiResult {
  const items: number[] = [];
  let max = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] > 0) items.push(p[i]);
    if (p[i] > max) max = p[i];
  }
  if (max >= 0.5) {
    const v = Math.min(max, 1 - max);
    return { value: v, upper: v, method: "exact-dominant" };
  }
  if (items.length <= maxExactSupport) {
    const h = Math.floor(items.length / 2);
    const left = subsetSums(items.slice(0, h));
    const right = subsetSums(items.slice(h)).sort();
    let best = 0;
    for (const a of left) {
      const t = 0.5 - a;
      let lo = 0;
      let hi = right.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (right[mid] <= t) lo = mid + 1;
        else hi = mid;
      }
      for (const k of [lo - 1, lo]) {
        if (k < 0 || k >= right.length) continue;
        const x = a + right[k];
        const v = Math.min(x, 1 - x);
        if (v > best) best = v;
      }
    }
    return { value: best, upper: best, method: "exact-mitm" };
  }
  items.sort((a, b) => b - a);
  let sum = 0;
  let minRejected = Infinity;
  for (const x of items) {
    if (sum + x <= 0.5) sum += x;
    else if (x < minRejected) minRejected = x;
  }
  return { value: sum, upper: Math.min(0.5, sum + minRejected), method: "greedy" };
}

/**
 * pi_p = max_{A subset [s]} min{p(A), 1 - p(A)}, i.e. the subset sum closest to 1/2 from below
 * (a subset-sum problem). Methods: if max_i p_i >= 1/2 then pi_p = 1 - max_i p_i exactly;
 * else for a support of at most `maxExactSupport` (default 36) tokens, exact by meet-in-the-middle
 * (all 2^(k/2) sums of each half, sorted, one binary search per left sum; O(2^(k/2) k) time; exact
 * choice of subset, the sums themselves rounded in float64); else greedy (largest first, add while
 * the sum stays <= 1/2), whose value g satisfies g <= pi_p < g + min(rejected p_i), since each
 * rejected p_j arrived when the running sum t had t + p_j > 1/2 and g >= t. Source: Lemma 1.
 * @example piP({ p: [0.5, 0.3, 0.2] }); // => { value: 0.5, upper: 0.5, method: "exact-dominant" }
 * @example piP({ p: [0.4, 0.35, 0.25] }).value; // => 0.4
 */
export function piP(params: { p: readonly number[]; maxExactSupport?: number }): PiResult {
  const o = checkParams(params);
  const p = checkDistribution(o.p, "p");
  const maxExact = o.maxExactSupport === undefined ? MAX_EXACT_SUPPORT : checkIntegerInRange(o.maxExactSupport, "maxExactSupport", 0, 44);
  return piUnchecked(p, maxExact);
}

/** The three cases of Eq (13). */
export type GnRegime = "weissman" | "middle" | "large";

/**
 * Which case of Eq (13) applies: s <= C0 n/4 + 2, C0 n/4 + 2 < s < C0 n/e + 2, or s >= C0 n/e + 2.
 * @example gnRegimeUnchecked(10, 600); // => "large"
 */
export function gnRegimeUnchecked(n: number, s: number): GnRegime {
  if (s <= (C0 * n) / 4 + 2) return "weissman";
  if (s < (C0 * n) / Math.E + 2) return "middle";
  return "large";
}

/**
 * log(2^s - 2) = s log 2 + log1p(-2^(1-s)); -Infinity at s = 1.
 * @example logWeissmanUnchecked(3); // => 1.791759469228055 (= log 6)
 */
export function logWeissmanUnchecked(s: number): number {
  return s * Math.LN2 + Math.log1p(-(2 ** (1 - s)));
}

/**
 * log G_n(s) without checks.
 * @example logGnUnchecked(10, 600); // => 13.351618310310752
 */
export function logGnUnchecked(n: number, s: number): number {
  switch (gnRegimeUnchecked(n, s)) {
    case "weissman":
      return logWeissmanUnchecked(s);
    case "middle":
      return LOG_C1 + Math.log(s) + (s / 2) * (LOG_C0 + Math.log(n) - Math.log(s));
    case "large":
      return LOG_C1 + Math.log(s) + C0_OVER_2E * n;
  }
}

/**
 * log of the smallest factor G not refuted: 2^s - 2 where Eq (13)'s large case applies (that case is
 * refuted, see the file comment), else the smaller of Eq (13)'s G_n(s) and 2^s - 2.
 * @example logBestGUnchecked(10, 600) === logWeissmanUnchecked(600); // => true
 */
export function logBestGUnchecked(n: number, s: number): number {
  if (gnRegimeUnchecked(n, s) === "large") return logWeissmanUnchecked(s);
  return Math.min(logGnUnchecked(n, s), logWeissmanUnchecked(s));
}

/** G_n(s) in log space, its value (Infinity once it overflows) and the case used. */
export interface GnResult {
  log: number;
  value: number;
  regime: GnRegime;
}

/**
 * G_n(s) of Eq (13): C1 s (C0 n/s)^(s/2) if C0 n/4 + 2 <= s <= C0 n/e + 2; C1 s e^(C0 n/(2e)) if
 * s >= C0 n/e + 2; 2^s - 2 if s <= C0 n/4 + 2 (C0 = e^3/(2 pi), C1 = 6e/pi^(3/2)). The boundaries
 * are never hit exactly by integers since C0 is irrational. Source: Lemma 1, Eq (13) = Eq (10).
 * @example gn({ n: 10, s: 600 }); // => { log: 13.3516..., value: 628831.3..., regime: "large" }
 */
export function gn(params: { n: number; s: number }): GnResult {
  const o = checkParams(params);
  const n = checkIntegerAtLeast(o.n, "n", 1);
  const s = checkIntegerAtLeast(o.s, "s", 1);
  const log = logGnUnchecked(n, s);
  return { log, value: Math.exp(log), regime: gnRegimeUnchecked(n, s) };
}

/**
 * The older factor 2^s - 2 (Weissman et al. 2003), valid for all s and n, in log space.
 * Source: Lemma 1 (quoted form).
 * @example weissmanFactor({ s: 3 }); // => { log: 1.791759469228055, value: 6 }
 */
export function weissmanFactor(params: { s: number }): { log: number; value: number } {
  const o = checkParams(params);
  const log = logWeissmanUnchecked(checkIntegerAtLeast(o.s, "s", 1));
  return { log, value: Math.exp(log) };
}

/**
 * Which G to use in the tail bound: G_n(s) of Eq (13) as printed ("lemma1"; its large case is
 * refuted, see the file comment), 2^s - 2 ("weissman", valid for all s and n), or "best": the
 * smaller of 2^s - 2 and Eq (13)'s G where Eq (13)'s case is not refuted (s < C0 n/e + 2), else
 * 2^s - 2. Eq (13)'s middle case exceeds 2^s - 2 near its lower end (n = 10, s = 10: 9.8e3
 * against 1022), so "best" can be smaller than "lemma1" there.
 */
export type TailForm = "lemma1" | "weissman" | "best";
const FORMS: readonly TailForm[] = ["lemma1", "weissman", "best"];

/** A probability bound with its log (log may exceed 0: the bound is then trivial, value 1). */
export interface LogBound {
  value: number;
  log: number;
}

/**
 * Tail bound without checks: log = log G - n phi(pi) eps^2/4, value = min(1, exp(log)).
 * @example l1TailBoundUnchecked(1000, 3, 0.5, 0.2, "lemma1").value; // => 1.2366921734631341e-8
 */
export function l1TailBoundUnchecked(n: number, s: number, pi: number, eps: number, form: TailForm): LogBound {
  const logG = form === "lemma1" ? logGnUnchecked(n, s) : form === "weissman" ? logWeissmanUnchecked(s) : logBestGUnchecked(n, s);
  const log = logG - (n * phiUnchecked(pi) * eps * eps) / 4;
  return { log, value: Math.min(1, Math.exp(log)) };
}

/**
 * P(||p_hat - p||_1 >= eps) <= min(1, G exp(-n phi(pi) eps^2/4)), G = G_n(s) ("lemma1", default, as
 * printed: its large case s >= C0 n/e + 2 is refuted, not a valid bound), 2^s - 2 ("weissman") or
 * "best" (see TailForm). `pi` must be pi_p or an upper bound on it (phi decreases, so a smaller
 * pi would not give a valid bound). Source: Lemma 1.
 * @example l1TailBound({ n: 1000, s: 3, pi: 0.5, eps: 0.2 }); // => value 6 e^-20 = 1.24e-8 (approx)
 */
export function l1TailBound(params: { n: number; s: number; pi: number; eps: number; form?: TailForm }): LogBound {
  const o = checkParams(params);
  const n = checkIntegerAtLeast(o.n, "n", 1);
  const s = checkIntegerAtLeast(o.s, "s", 1);
  const pi = checkInInterval(o.pi, "pi", 0, 0.5);
  const eps = checkFinite(o.eps, "eps");
  if (!(eps > 0)) throw new RangeError(`eps must be > 0, got ${eps}`);
  const form = o.form === undefined ? "lemma1" : checkChoice(o.form, "form", FORMS);
  return l1TailBoundUnchecked(n, s, pi, eps, form);
}

/**
 * Lemma 1's tail bound for a given distribution p: s = p.length and pi = the upper end of piP(p)
 * (exact for small supports). Source: Lemma 1.
 * @example l1TailBoundForDistribution({ n: 1000, p: [0.5, 0.3, 0.2], eps: 0.2 }).value; // => 1.24e-8 (approx)
 */
export function l1TailBoundForDistribution(params: { n: number; p: readonly number[]; eps: number; form?: TailForm }): LogBound {
  const o = checkParams(params);
  const p = checkDistribution(o.p, "p");
  const pi = piUnchecked(p).upper;
  return l1TailBound({ n: o.n as number, s: p.length, pi, eps: o.eps as number, form: o.form as TailForm | undefined });
}
