/**
 * Binomial(n, p) by BTRD, transformed rejection with decomposition (Hormann 1993, "The generation
 * of binomial random variates", J. Statist. Comput. Simul. 46, Algorithm BTRD), for p <= 1/2 and
 * n p >= 10. About 1.15 uniforms per draw and O(1) time whatever n is; exact: the acceptance
 * test compares with the exact pmf ratio f(k) / f(m) (as a product for |k - m| <= 30, else by
 * Stirling's series with its remainder terms fc, after a squeeze).
 *
 * Setup (step 0): spq = sqrt(n p q), b = 1.15 + 2.53 spq, a = -0.0873 + 0.0248 b + 0.01 p,
 * c = n p + 1/2, v_r = 0.92 - 4.2 / b, u_r v_r = 0.86 v_r, m = floor((n + 1) p).
 * Step 1 (taken ~80% of the time) is computed here with one division: with D = v_r b,
 * t = v b - 0.43 D (= u D) and s = D / 2 - |t| (= (1/2 - |u|) D),
 * k = floor((2a/(1/2 - |u|) + b) u + c) = floor((2 a D + b s) t / (s D) + c).
 * @example btrdDraw(createRng(1), 1000, Float64Array.of(0.3), 0); // => an integer near 300
 */
import type { Rng } from "../rng/index.ts";
import { stirlingCorrection as fc } from "./stirlingCorrection.ts";

/**
 * Step 3.1 (the exact ratio by a product) is used for |k - m| <= RECURSION_MAX, steps 3.2-3.4
 * (squeeze, then Stirling) above. The paper uses 15; any cutoff is exact. 30 is cheaper here and
 * safe: each product has at most 30 factors below 2^31, so it stays below 2^930.
 */
const RECURSION_MAX = 30;

/** The arguments of `btrdRest`, [p, v0, sqrt(n p q), b], read at its start (not reentrant). */
export const restArgs = new Float64Array(4);

/** One Binomial(n, ps[j]) draw; 0 < ps[j] <= 1/2 and n ps[j] >= 10 (unchecked). Step 1 inline. */
export function btrdDraw(rng: Rng, n: number, ps: Float64Array, j: number): number {
  const p = ps[j];
  const np = n * p;
  const spq = Math.sqrt(np - np * p);
  const b = 1.15 + 2.53 * spq;
  const d = 0.92 * b - 4.2;
  const vb = rng.uniform() * b;
  if (vb <= 0.86 * d) {
    const a = -0.0873 + 0.0248 * b + 0.01 * p;
    const t = vb - 0.43 * d;
    const s = 0.5 * d - Math.abs(t);
    return Math.floor(((2 * a * d + b * s) * t) / (s * d) + np + 0.5);
  }
  restArgs[0] = p;
  restArgs[1] = vb / b;
  restArgs[2] = spq;
  restArgs[3] = b;
  return btrdRest(rng, n, restArgs);
}

/**
 * A BTRD sampler with the setup done once (the same algorithm as `btrdDraw`).
 * @example btrdSampler(1000, 0.3)(createRng(1)); // => an integer near 300
 */
export function btrdSampler(n: number, p: number): (rng: Rng) => number {
  const np = n * p;
  const spq = Math.sqrt(np - np * p);
  const b = 1.15 + 2.53 * spq;
  const d = 0.92 * b - 4.2;
  const limit = 0.86 * d;
  const a2d = 2 * (-0.0873 + 0.0248 * b + 0.01 * p) * d;
  const c = np + 0.5;
  return (rng) => {
    const vb = rng.uniform() * b;
    if (vb <= limit) {
      const t = vb - 0.43 * d;
      const s = 0.5 * d - Math.abs(t);
      return Math.floor(((a2d + b * s) * t) / (s * d) + c);
    }
    restArgs[0] = p;
    restArgs[1] = vb / b;
    restArgs[2] = spq;
    restArgs[3] = b;
    return btrdRest(rng, n, restArgs);
  };
}

/**
 * Steps 2-3 of BTRD after a first uniform v0 > u_r v_r, then the full loop (steps 1-3) until a
 * value is accepted; args = [p, v0, sqrt(n p q), b] (a Float64Array: no double is boxed by the call).
 */
export function btrdRest(rng: Rng, n: number, args: Float64Array): number {
  const p = args[0];
  const q = 1 - p;
  const np = n * p;
  const spq = args[2];
  const npq = spq * spq;
  const b = args[3];
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = np + 0.5;
  const ib = 1 / b;
  const vr = 0.92 - 4.2 * ib;
  const urvr = 0.86 * vr;
  const alpha = (2.83 + 5.1 * ib) * spq;
  const m = Math.floor((n + 1) * p);
  let v = args[1];
  for (;;) {
    let u: number;
    if (v <= urvr) {
      u = v / vr - 0.43;
      return Math.floor(((2 * a) / (0.5 - Math.abs(u)) + b) * u + c);
    }
    // Step 2: a point (u, v) under the hat, outside the box of step 1.
    if (v >= vr) {
      u = rng.uniform() - 0.5;
    } else {
      u = v / vr - 0.93;
      u = (u < 0 ? -0.5 : 0.5) - u;
      v = rng.uniform() * vr;
    }
    // Step 3.0
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k >= 0 && k <= n) {
      v = (v * alpha) / (a / (us * us) + b);
      const km = k > m ? k - m : m - k;
      if (km <= RECURSION_MAX) {
        // Step 3.1: f(k)/f(m) = prod_{i=m+1..k} (n + 1 - i) p / (i q) (k > m; the inverse for
        // k < m), as one quotient of two products.
        let num = 1;
        let den = 1;
        if (m < k) {
          for (let i = m + 1; i <= k; i++) {
            num *= (n + 1 - i) * p;
            den *= i * q;
          }
          if (v * den <= num) return k;
        } else {
          for (let i = k + 1; i <= m; i++) {
            num *= (n + 1 - i) * p;
            den *= i * q;
          }
          if (v * num <= den) return k;
        }
      } else {
        // Step 3.2: squeeze on log f(k) / f(m).
        const inpq = 1 / npq;
        const rho = km * inpq * (((km / 3 + 0.625) * km + 1 / 6) * inpq + 0.5);
        const t = -0.5 * km * km * inpq;
        // Bounds first: for 0 < v <= 1, (v^2 - 1) / (2v) <= log v <= 2 (v - 1) / (v + 1).
        if (v <= 1) {
          if ((2 * (v - 1)) / (v + 1) < t - rho) return k;
          if ((v * v - 1) / (2 * v) > t + rho) {
            v = rng.uniform();
            continue;
          }
        }
        v = Math.log(v);
        if (v < t - rho) return k;
        // Steps 3.3-3.4: the exact log ratio.
        if (v <= t + rho && v <= btrdLogRatio(n, p, m, k)) return k;
      }
    }
    v = rng.uniform();
  }
}

/**
 * log f(k) / f(m) for Binomial(n, p) (steps 3.3-3.4 of BTRD): Stirling's formula with the
 * remainders fc, written with log1p so that it stays accurate for n up to 2^31:
 * (m+1/2) log((m+1) q / (p (n-m+1))) + (n+1) log((n-m+1)/(n-k+1))
 *   + (k+1/2) log((n-k+1) p / ((k+1) q)) + fc(m) + fc(n-m) - fc(k) - fc(n-k).
 * @example btrdLogRatio(1000, 0.3, 300, 300); // => 0 (up to rounding)
 */
export function btrdLogRatio(n: number, p: number, m: number, k: number): number {
  const q = 1 - p;
  const nm = n - m + 1;
  const nk = n - k + 1;
  const np2 = (n + 2) * p;
  return (
    (m + 0.5) * Math.log1p((m + 1 - np2) / (p * nm)) +
    (n + 1) * Math.log1p((k - m) / nk) +
    (k + 0.5) * Math.log1p((np2 - (k + 1)) / ((k + 1) * q)) +
    fc(m) +
    fc(n - m) -
    fc(k) -
    fc(n - k)
  );
}
