import { checkFinite } from "../validate.ts";
import { checkSupport } from "./withSupport.ts";
import { zipfUnchecked } from "./zipf.ts";

function sumSquares(p: Float64Array, k: number): number {
  let t = 0;
  for (let i = k - 1; i >= 0; i--) t += p[i] * p[i];
  return t;
}

/**
 * The Zipf exponent a >= 0 at which the Zipf law on k tokens has ||p||_2^2 = S0, by bisection
 * to the last bit of a. ||p_a||_2^2 is continuous and strictly increasing in a (p_i/p_j grows
 * with a for i < j, so p_a is majorised by p_b for a < b, and ||.||_2^2 is Schur-convex), from 1/k
 * at a = 0 (uniform) to 1 as a -> inf. Requires 1/k <= S0 < 1.
 * @example zipfExponentForS0(52, 1 / 52); // => 0
 */
export function zipfExponentForS0(k: number, S0: number): number {
  if (k === 1 || S0 <= 1 / k) return 0;
  const logs = new Float64Array(k);
  for (let i = 0; i < k; i++) logs[i] = Math.log(i + 1);
  // g(a) = ||p_a||^2 - S0 and g'(a), from z = sum w, z2 = sum w^2, w_i = (i+1)^-a.
  const g = (a: number): [number, number] => {
    let z = 0;
    let z2 = 0;
    let dz = 0;
    let dz2 = 0;
    for (let i = k - 1; i >= 0; i--) {
      const w = Math.exp(-a * logs[i]);
      z += w;
      z2 += w * w;
      dz -= logs[i] * w;
      dz2 -= 2 * logs[i] * w * w;
    }
    return [z2 / (z * z) - S0, (dz2 * z - 2 * z2 * dz) / (z * z * z)];
  };
  let lo = 0;
  let hi = 1;
  while (g(hi)[0] < 0 && hi < 1e6) {
    lo = hi;
    hi *= 2;
  }
  // Safeguarded Newton: a Newton step when it stays inside the bracket, else bisection.
  let a = 0.5 * (lo + hi);
  let best = a;
  let bestErr = Infinity;
  for (let it = 0; it < 200; it++) {
    const [v, dv] = g(a);
    if (Math.abs(v) < bestErr) {
      best = a;
      bestErr = Math.abs(v);
    }
    if (v === 0) break;
    if (v < 0) lo = a;
    else hi = a;
    let next = a - v / dv;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - a) <= 1e-15 * a || next === lo || next === hi) break;
    a = next;
  }
  return best;
}

/**
 * A deterministic p on the first `support` of s tokens with ||p||_2^2 = S0 (to 1e-12): the Zipf
 * law p_i = (i+1)^-a / sum_{j<support} (j+1)^-a for i < support (0 beyond), with the exponent a >= 0
 * solved by bisection so that sum p_i^2 = S0 (a = 0 is uniform, S0 = 1/support).
 * Why Zipf: token frequencies of natural text are Zipfian, the family is one-parameter and
 * monotone in S0, and its polynomial decay keeps all `support` entries positive in float64 even for
 * S0 very close to 1 (an exponential family underflows: support = 600, S0 = 0.9 already needs
 * e^-1750). Needs 1/support <= S0 < 1 (the paper's assumption S_0 < 1, Sect. 3). The paper's
 * Figures 3, 4, 6 use s = 600, support = 52, S0 = 0.1 (a ≈ 1.1008 there).
 * @example targetS0(600, 52, 0.1); // => Float64Array of 600, 52 positive entries, sum p_i^2 = 0.1
 */
export function targetS0(s: number, support: number, S0: number): Float64Array {
  const k = checkSupport(s, support);
  checkFinite(S0, "S0");
  if (!(S0 >= 1 / k && S0 < 1)) {
    throw new RangeError(`S0 must lie in [1/support, 1) = [${1 / k}, 1) for support = ${k}, got ${S0}`);
  }
  const p = zipfUnchecked(s, k, zipfExponentForS0(k, S0));
  if (!(p[k - 1] > 0) || !(Math.abs(sumSquares(p, k) - S0) <= 1e-12)) {
    throw new RangeError(`S0 = ${S0} is too close to 1 for support = ${k}: no float64 Zipf law reaches it with all entries positive`);
  }
  return p;
}
