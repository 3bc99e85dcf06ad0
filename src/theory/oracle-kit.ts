/**
 * Test support for the theory files (not part of the public API, not re-exported): exact
 * conversions of float64 inputs into big.js / decimal.js, high-precision powers, ulp distances,
 * and exact enumerations of the resampling chains for tiny s, n, m (big.js rationals, or float64
 * with log-pmfs from lgamma) that give an independent route to every second-moment formula.
 */
import gammaln from "@stdlib/math-base-special-gammaln";
import Big from "big.js";
import { Decimal } from "decimal.js";

/** A big.js constructor with 60 decimal places for divisions (other helpers' settings untouched). */
export const B = Big();
B.DP = 60;

/** A decimal.js constructor with 60 significant digits. */
export const D = Decimal.clone({ precision: 60 });

/** pi to 60 digits. */
export const D_PI = D.acos(-1);

/** The exact decimal expansion of a float64 (every double is a finite decimal). */
export function exactDecimalString(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`not finite: ${x}`);
  if (x === 0) return "0";
  if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return String(x);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? "-" : "";
  const expBits = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  const mant = expBits === 0 ? frac : frac | (1n << 52n);
  const e2 = (expBits === 0 ? 1 : expBits) - 1075;
  if (e2 >= 0) return sign + (mant << BigInt(e2)).toString();
  const k = -e2;
  return `${sign}${(mant * 5n ** BigInt(k)).toString()}e-${k}`;
}

const bigMemo = new Map<number, Big.Big>();

/** The float64 x as an exact big.js number (memoized; big.js values are immutable). */
export function big(x: number): Big.Big {
  let v = bigMemo.get(x);
  if (v === undefined) {
    v = new B(exactDecimalString(x));
    bigMemo.set(x, v);
  }
  return v;
}

/** The float64 x as an exact decimal.js number. */
export function dec(x: number): Decimal {
  return new D(exactDecimalString(x));
}

const powMemo = new Map<string, Big.Big>();

/** b^k for an integer k >= 0 by repeated squaring, rounding to `sd` significant digits each step (memoized). */
export function bigPow(b: Big.Big, k: number, sd = 40): Big.Big {
  const key = `${b.toString()}^${k}/${sd}`;
  const hit = powMemo.get(key);
  if (hit !== undefined) return hit;
  const r = bigPowUncached(b, k, sd);
  powMemo.set(key, r);
  return r;
}

function bigPowUncached(b: Big.Big, k: number, sd: number): Big.Big {
  let r = new B(1);
  let x = b;
  let e = k;
  while (e > 0) {
    if (e % 2 === 1) r = r.times(x).prec(sd);
    e = Math.floor(e / 2);
    if (e > 0) x = x.times(x).prec(sd);
  }
  return r;
}

/**
 * a - b rounded to 150 significant digits around a: big.js subtracts exactly, which for a gap of
 * 1e8 decimal exponents would build a 1e8-digit array, so a negligible operand is dropped first.
 */
export function bigMinus(a: Big.Big, b: Big.Big): Big.Big {
  if (b.eq(0)) return a;
  if (a.eq(0)) return b.times(-1);
  if (b.e < a.e - 150) return a;
  if (a.e < b.e - 150) return b.times(-1);
  return a.minus(b);
}

/** a + b, dropping a negligible operand (see bigMinus). */
export function bigPlus(a: Big.Big, b: Big.Big): Big.Big {
  return bigMinus(a, b.times(-1));
}

/** Correctly rounded float64 of a big.js or decimal.js value. */
export function toNum(x: Big.Big | Decimal): number {
  return Number(x.toString());
}

/**
 * |actual - expected| in units of eps * |expected| (0 if both are 0 or both underflow below 1e-300;
 * Infinity if exactly one is 0).
 */
export function ulpsOff(actual: number, expected: number): number {
  if (actual === expected) return 0;
  if (Math.abs(expected) < 1e-300 && Math.abs(actual) < 1e-300) return 0;
  if (expected === 0) return Infinity;
  return Math.abs(actual - expected) / (Number.EPSILON * Math.abs(expected));
}

/** All count vectors of s non-negative integers summing to n. */
export function compositions(n: number, s: number): number[][] {
  if (s === 1) return [[n]];
  const out: number[][] = [];
  for (let k = n; k >= 0; k--) for (const rest of compositions(n - k, s - 1)) out.push([k, ...rest]);
  return out;
}

function factorialBig(n: number): bigint {
  let r = 1n;
  for (let i = 2n; i <= BigInt(n); i++) r *= i;
  return r;
}

/** Exact multinomial pmf n!/prod k_i! prod q_i^k_i with q as big.js numbers (rounded to 100 digits). */
export function multinomialPmfBig(q: readonly Big.Big[], counts: readonly number[]): Big.Big {
  const n = counts.reduce((a, b) => a + b, 0);
  let coef = factorialBig(n);
  for (const k of counts) coef /= factorialBig(k);
  let r = new B(coef.toString());
  counts.forEach((k, i) => {
    if (k > 0) r = r.times(bigPow(q[i], k)).prec(60);
  });
  return r;
}

/** float64 multinomial pmf via lgamma. */
export function multinomialPmf(q: readonly number[], counts: readonly number[]): number {
  const n = counts.reduce((a, b) => a + b, 0);
  let lp = gammaln(n + 1);
  for (let i = 0; i < counts.length; i++) {
    const k = counts[i];
    if (k === 0) continue;
    if (q[i] === 0) return 0;
    lp += k * Math.log(q[i]) - gammaln(k + 1);
  }
  return Math.exp(lp);
}

/** A state of an enumerated chain: its distribution p^(m), the first model p^(1), and probability. */
export interface BigState {
  pm: Big.Big[];
  p1: Big.Big[];
  prob: Big.Big;
}

function merge(states: Map<string, BigState>, key: string, s: BigState): void {
  const old = states.get(key);
  if (old) old.prob = old.prob.plus(s.prob);
  else states.set(key, s);
}

/** Fully Synthetic chain, exactly: the law of p^(m) (m >= 1) as a list of states (p1 = p^(1)). */
export function fsChainBig(p: readonly number[], n: number, m: number): BigState[] {
  const comps = compositions(n, p.length);
  const nB = new B(n);
  let states = new Map<string, BigState>();
  const p0 = p.map(big);
  for (const c of comps) {
    const pm = c.map((k) => new B(k).div(nB));
    merge(states, c.join(","), { pm, p1: pm, prob: multinomialPmfBig(p0, c) });
  }
  for (let g = 2; g <= m; g++) {
    const next = new Map<string, BigState>();
    for (const st of states.values()) {
      for (const c of comps) {
        const pr = multinomialPmfBig(st.pm, c);
        if (pr.eq(0)) continue;
        merge(next, c.join(","), { pm: c.map((k) => new B(k).div(nB)), p1: st.p1, prob: st.prob.times(pr).prec(60) });
      }
    }
    states = next;
  }
  return [...states.values()];
}

/**
 * Partially Synthetic chain (same N real samples every generation), exactly: p^(1) = c/N,
 * p^(k+1) = (c + d)/(N + n), d ~ Mult(n, p^(k)). With `fresh`, the real counts are redrawn each
 * generation (the variant not in the paper); p1 then records generation 1 only.
 */
export function psChainBig(p: readonly number[], N: number, n: number, m: number, fresh = false): BigState[] {
  const s = p.length;
  const compsN = compositions(N, s);
  const compsn = compositions(n, s);
  const p0 = p.map(big);
  const NB = new B(N);
  const tot = new B(N + n);
  let states = new Map<string, BigState & { c: number[] }>();
  for (const c of compsN) {
    const pm = c.map((k) => new B(k).div(NB));
    const st = { pm, p1: pm, prob: multinomialPmfBig(p0, c), c };
    states.set(c.join(","), st);
  }
  for (let g = 2; g <= m; g++) {
    const next = new Map<string, BigState & { c: number[] }>();
    for (const st of states.values()) {
      const realDraws = fresh ? compsN.map((c) => ({ c, pr: multinomialPmfBig(p0, c) })) : [{ c: st.c, pr: new B(1) }];
      for (const d of compsn) {
        const pd = multinomialPmfBig(st.pm, d);
        if (pd.eq(0)) continue;
        for (const r of realDraws) {
          const pm = d.map((k, i) => new B(k + r.c[i]).div(tot));
          const key = fresh ? pm.map((x) => x.toString()).join(",") : `${st.c.join(",")}|${d.join(",")}`;
          const prob = st.prob.times(pd).times(r.pr).prec(60);
          const old = next.get(key);
          if (old) old.prob = old.prob.plus(prob);
          else next.set(key, { pm, p1: st.p1, prob, c: fresh ? [] : st.c });
        }
      }
    }
    states = next;
  }
  return [...states.values()];
}

/** E[f(state)] over an enumerated law. */
export function expectBig(states: readonly BigState[], f: (st: BigState) => Big.Big): Big.Big {
  let r = new B(0);
  for (const st of states) r = r.plus(st.prob.times(f(st)));
  return r;
}

/** sum_i x_i^2 of a big.js vector. */
export function sumSquaresBig(x: readonly Big.Big[]): Big.Big {
  return x.reduce((acc, v) => acc.plus(v.times(v)), new B(0));
}

/**
 * Fully Synthetic chain in float64 on the count simplex: returns P(T > k) for k = 0..K (T = first
 * generation at a vertex) and P(absorbed at vertex i) after K steps. Transition probabilities via
 * lgamma. For s <= 3 and n <= 25.
 */
export function fsChainFloat(p: readonly number[], n: number, K: number): { tail: number[]; atVertex: number[] } {
  const s = p.length;
  const comps = compositions(n, s);
  const index = new Map(comps.map((c, i) => [c.join(","), i]));
  const isVertex = comps.map((c) => c.some((k) => k === n));
  const S = comps.length;
  const trans = new Float64Array(S * S);
  comps.forEach((c, i) => comps.forEach((d, j) => (trans[i * S + j] = multinomialPmf(c.map((k) => k / n), d))));
  let dist = Float64Array.from(comps, (c) => multinomialPmf(p, c));
  const alive = (v: Float64Array): number => v.reduce((acc, x, i) => acc + (isVertex[i] ? 0 : x), 0);
  const tail = [p.some((x) => x === 1) ? 0 : 1, alive(dist)];
  for (let k = 2; k <= K; k++) {
    const next = new Float64Array(S);
    for (let i = 0; i < S; i++) {
      const w = dist[i];
      if (w === 0) continue;
      const off = i * S;
      for (let j = 0; j < S; j++) next[j] += w * trans[off + j];
    }
    dist = next;
    tail.push(alive(dist));
  }
  const atVertex = p.map((_, i) => {
    const key = p.map((_, j) => (j === i ? n : 0)).join(",");
    return dist[index.get(key) as number];
  });
  return { tail, atVertex };
}

/**
 * Collects comparisons against an oracle and reports only the failures, so a regime sweep costs
 * one `expect` (vitest's expect is ~0.1 ms per call).
 */
export class Mismatches {
  readonly failures: string[] = [];
  /** Records a failure when actual is more than `tolUlps` ulps (relative) from expected. */
  ulps(tag: string, actual: number, expected: number, tolUlps: number): void {
    const u = ulpsOff(actual, expected);
    if (!(u <= tolUlps)) this.failures.push(`${tag}: got ${actual}, oracle ${expected} (${u.toPrecision(3)} ulps > ${tolUlps})`);
  }
  /**
   * Like `ulps` for an oracle given as a fraction num/den (no big.js division, which is slow):
   * the relative error is |actual den - num|/|num|.
   */
  ulpsFraction(tag: string, actual: number, num: Big.Big, den: Big.Big, tolUlps: number): void {
    const n = toNum(num);
    const err = toNum(bigMinus(big(actual).times(den), num).abs());
    const u = n === 0 ? (actual === 0 ? 0 : Infinity) : err / Math.abs(n) / Number.EPSILON;
    if (!(u <= tolUlps)) this.failures.push(`${tag}: got ${actual}, oracle ${n / toNum(den)} (${u.toPrecision(3)} ulps > ${tolUlps})`);
  }
  /** Records a failure when |actual - expected| > tol. */
  abs(tag: string, actual: number, expected: number, tol: number): void {
    const d = Math.abs(actual - expected);
    if (!(d <= tol)) this.failures.push(`${tag}: got ${actual}, oracle ${expected} (|diff| ${d.toPrecision(3)} > ${tol.toPrecision(3)})`);
  }
  /** Records a failure when the condition is false. */
  that(tag: string, ok: boolean): void {
    if (!ok) this.failures.push(tag);
  }
}

/** C0 = e^3/(2 pi) and C1 = 6e/pi^(3/2) at 60 digits. */
export const D_C0 = new D(3).exp().div(D_PI.times(2));
export const D_C1 = new D(6).times(new D(1).exp()).div(D_PI.pow(1.5));

/** log G_n(s) of Eq (13) at 60 digits, with the case decided in decimal. */
export function decLogGn(n: number, s: number): { log: Decimal; regime: "weissman" | "middle" | "large" } {
  const ds = new D(s);
  const t1 = D_C0.times(n).div(4).plus(2);
  const t2 = D_C0.times(n).div(new D(1).exp()).plus(2);
  if (ds.lte(t1)) return { log: new D(2).pow(s).minus(2).ln(), regime: "weissman" };
  if (ds.lt(t2)) return { log: D_C1.times(s).times(D_C0.times(n).div(s).pow(ds.div(2))).ln(), regime: "middle" };
  return { log: D_C1.ln().plus(ds.ln()).plus(D_C0.times(n).div(new D(2).times(new D(1).exp()))), regime: "large" };
}

/** phi(x) = log((1 - x)/x)/(1 - 2x) at 60 digits for x given in decimal (phi(1/2) = 2). */
export function decPhi(x: Decimal): Decimal {
  if (x.eq(0.5)) return new D(2);
  return new D(1).minus(x).div(x).ln().div(new D(1).minus(x.times(2)));
}
