import type { Rng } from "../../src/rng/index.ts";
import { stirlingCorrection as fc } from "../../src/sample/stirlingCorrection.ts";
export function btrdInline(rng: Rng, n: number, p: number): number {
  const q = 1 - p;
  const np = n * p;
  const spq = Math.sqrt(np * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = np + 0.5;
  const vr = 0.92 - 4.2 / b;
  const urvr = 0.86 * vr;
  const m = Math.floor((n + 1) * p);
  for (;;) {
    let v = rng.uniform();
    let u: number;
    if (v <= urvr) {
      u = v / vr - 0.43;
      return Math.floor(((2 * a) / (0.5 - Math.abs(u)) + b) * u + c);
    }
    if (v >= vr) {
      u = rng.uniform() - 0.5;
    } else {
      u = v / vr - 0.93;
      u = (u < 0 ? -0.5 : 0.5) - u;
      v = rng.uniform() * vr;
    }
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    const npq = spq * spq;
    const alpha = (2.83 + 5.1 / b) * spq;
    v = (v * alpha) / (a / (us * us) + b);
    const km = k > m ? k - m : m - k;
    if (km <= 15) {
      const r = p / q;
      const nr = (n + 1) * r;
      let f = 1;
      if (m < k) {
        for (let i = m + 1; i <= k; i++) f *= nr / i - r;
      } else if (m > k) {
        for (let i = k + 1; i <= m; i++) v *= nr / i - r;
      }
      if (v <= f) return k;
      continue;
    }
    v = Math.log(v);
    const rho = (km / npq) * (((km / 3 + 0.625) * km + 1 / 6) / npq + 0.5);
    const t = (-km * km) / (2 * npq);
    if (v < t - rho) return k;
    if (v > t + rho) continue;
    const nm = n - m + 1;
    const nk = n - k + 1;
    const np2 = (n + 2) * p;
    const h =
      (m + 0.5) * Math.log1p((m + 1 - np2) / (p * nm)) +
      (n + 1) * Math.log1p((k - m) / nk) +
      (k + 0.5) * Math.log1p((np2 - (k + 1)) / ((k + 1) * q)) +
      fc(m) + fc(n - m) - fc(k) - fc(n - k);
    if (v <= h) return k;
  }
}
