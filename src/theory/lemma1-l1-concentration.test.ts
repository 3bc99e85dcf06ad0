import { describe, expect, it } from "vitest";
import { createRng } from "../rng/index.ts";
import {
  C0,
  C0_OVER_2E,
  C1,
  gn,
  id,
  l1TailBound,
  l1TailBoundForDistribution,
  phi,
  piP,
  weissmanFactor,
} from "./lemma1-l1-concentration.ts";
import { compositions, D, D_C0, D_C1, dec, decLogGn, decPhi, Mismatches, multinomialPmf } from "./oracle-kit.ts";

const dC0 = D_C0;
const dC1 = D_C1;

/** phi(x) at 60 digits. */
function phiOracle(x: number): number {
  return decPhi(dec(x)).toNumber();
}

/** log G_n(s) at 60 digits. */
function logGOracle(n: number, s: number): { log: number; regime: string } {
  const r = decLogGn(n, s);
  return { log: r.log.toNumber(), regime: r.regime };
}

/** Brute force pi_p over all 2^s subsets (float sums). */
function piBrute(p: readonly number[]): number {
  let best = 0;
  for (let mask = 0; mask < 2 ** p.length; mask++) {
    let x = 0;
    for (let i = 0; i < p.length; i++) if (mask & (1 << i)) x += p[i];
    best = Math.max(best, Math.min(x, 1 - x));
  }
  return best;
}

function randomDistribution(rng: ReturnType<typeof createRng>, s: number, skew: number): number[] {
  const w = Array.from({ length: s }, () => rng.uniform() ** skew);
  const z = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / z);
}

describe(id, () => {
  it("has the constants C0 = e^3/(2 pi) ~ 3.1967, C1 = 6e/pi^1.5 ~ 2.9290, C0/(2e) ~ 0.5880", () => {
    const mm = new Mismatches();
    mm.ulps("C0", C0, dC0.toNumber(), 2);
    mm.ulps("C1", C1, dC1.toNumber(), 2);
    mm.ulps("C0/2e", C0_OVER_2E, dC0.div(new D(2).times(new D(1).exp())).toNumber(), 2);
    expect(mm.failures).toEqual([]);
    expect(C0).toBeCloseTo(3.1967, 4);
    expect(C1).toBeCloseTo(2.929, 4);
  });

  it("computes phi to a few ulps on [0, 1/2], with phi(0) = Infinity, phi(1/2) = 2, decreasing", () => {
    const mm = new Mismatches();
    for (const x of [1e-300, 1e-30, 1e-10, 1e-3, 0.1, 0.2, 0.2499999, 0.25, 0.25000001, 0.3, 0.4, 0.49, 0.5 - 1e-9, 0.5 - 2 ** -40]) {
      mm.ulps(`phi(${x})`, phi({ x }), phiOracle(x), 4);
    }
    expect(mm.failures).toEqual([]);
    expect(phi({ x: 0 })).toBe(Infinity);
    expect(phi({ x: 0.5 })).toBe(2);
    expect(phi({ x: 0.25 })).toBeCloseTo(2 * Math.log(3), 14);
    const mono = new Mismatches();
    let prev = Infinity;
    for (let x = 0.001; x <= 0.5; x += 0.001) {
      const v = phi({ x });
      mono.that(`phi decreasing at ${x}`, v < prev && v >= 2);
      prev = v;
    }
    expect(mono.failures).toEqual([]);
    expect(() => phi({ x: 0.6 })).toThrow(/^x must lie in \[0, 0.5\]/);
  });

  it("finds pi_p exactly by meet-in-the-middle (checked against all subsets) and brackets it greedily", () => {
    const rng = createRng(20240501);
    for (let trial = 0; trial < 60; trial++) {
      const s = 2 + (trial % 13);
      const p = randomDistribution(rng, s, 1 + (trial % 4));
      const exact = piP({ p });
      const brute = piBrute(p);
      expect(Math.abs(exact.value - brute), `trial ${trial}`).toBeLessThanOrEqual(1e-15);
      expect(exact.upper).toBe(exact.value);
      const greedy = piP({ p, maxExactSupport: 0 });
      expect(greedy.value).toBeLessThanOrEqual(brute + 1e-15);
      expect(brute).toBeLessThanOrEqual(greedy.upper + 1e-15);
    }
    expect(piP({ p: [0.5, 0.3, 0.2] })).toEqual({ value: 0.5, upper: 0.5, method: "exact-dominant" });
    expect(piP({ p: [0.9, 0.05, 0.05] }).value).toBeCloseTo(0.1, 15);
    expect(piP({ p: [0.4, 0.35, 0.25] }).value).toBeCloseTo(0.4, 15);
    expect(piP({ p: [1] }).value).toBe(0);
    // A large support (s = 600) uses the greedy value with its documented upper end.
    const big = randomDistribution(rng, 600, 3);
    const g = piP({ p: big });
    expect(g.method).toBe("greedy");
    expect(g.value).toBeLessThanOrEqual(g.upper);
    expect(g.upper).toBeLessThanOrEqual(0.5);
    expect(0.5 - g.value).toBeLessThan(0.01);
  });

  it("computes log G_n(s) in all three cases of Eq (13) against a 60-digit oracle", () => {
    const mm = new Mismatches();
    // n = 10: C0 n/4 + 2 = 9.99, C0 n/e + 2 = 13.76.
    const cases: [number, number][] = [
      [10, 1], [10, 2], [10, 9], [10, 10], [10, 13], [10, 14], [10, 600],
      [1, 2], [1, 3], [1, 4], [1000, 800], [1000, 801], [1000, 1177], [1000, 1178], [1000, 1e6],
      [1e9, 3], [1e9, 1e6], [2000, 1e6],
    ];
    for (const [n, s] of cases) {
      const o = logGOracle(n, s);
      const g = gn({ n, s });
      mm.that(`regime n=${n} s=${s}: ${g.regime} vs ${o.regime}`, g.regime === o.regime);
      if (Number.isFinite(o.log)) mm.abs(`logG n=${n} s=${s}`, g.log, o.log, 8 * Number.EPSILON * (1 + Math.abs(o.log) + Math.log(s) * s));
      else mm.that(`logG n=${n} s=${s} = -Infinity`, g.log === -Infinity);
    }
    expect(mm.failures).toEqual([]);
    const ex = gn({ n: 10, s: 600 });
    expect(ex.regime).toBe("large");
    expect(ex.value).toBeGreaterThan(6.285e5);
    expect(ex.value).toBeLessThan(6.295e5);
    expect(gn({ n: 2000, s: 1e6 }).value).toBe(Infinity);
    expect(Number.isFinite(gn({ n: 2000, s: 1e6 }).log)).toBe(true);
  });

  it("computes the Weissman factor 2^s - 2 in log space", () => {
    const mm = new Mismatches();
    for (const s of [2, 3, 10, 60, 2000]) mm.ulps(`s=${s}`, weissmanFactor({ s }).log, new D(2).pow(s).minus(2).ln().toNumber(), 4);
    expect(mm.failures).toEqual([]);
    expect(weissmanFactor({ s: 1 }).log).toBe(-Infinity);
    expect(weissmanFactor({ s: 3 }).value).toBeCloseTo(6, 13);
  });

  it("evaluates the tail bound min(1, G exp(-n phi eps^2/4)) against the oracle", () => {
    const mm = new Mismatches();
    for (const [n, s, pi, eps] of [
      [1000, 3, 0.5, 0.2],
      [100, 600, 0.3, 1.5],
      [10, 600, 0.01, 1.9],
      [1e6, 2, 0.1, 0.01],
    ]) {
      const b = l1TailBound({ n, s, pi, eps });
      const o = logGOracle(n, s).log - (n * phiOracle(pi) * eps * eps) / 4;
      mm.abs(`log n=${n} s=${s}`, b.log, o, 16 * Number.EPSILON * (Math.abs(o) + n * eps * eps * phiOracle(pi)));
      mm.that(`value n=${n}`, b.value === Math.min(1, Math.exp(b.log)));
    }
    expect(mm.failures).toEqual([]);
    expect(l1TailBound({ n: 1000, s: 3, pi: 0.5, eps: 0.2 }).value).toBeCloseTo(6 * Math.exp(-20), 20);
    expect(l1TailBound({ n: 5, s: 600, pi: 0.5, eps: 0.1 }).value).toBe(1);
    expect(l1TailBound({ n: 1000, s: 3, pi: 0.5, eps: 0.2, form: "weissman" }).log).toBeCloseTo(Math.log(6) - 20, 13);
    // Eq (13)'s middle case exceeds 2^s - 2 near its lower end (n = 10, s = 10): "best" takes the smaller.
    const mid = l1TailBound({ n: 10, s: 10, pi: 0.5, eps: 1 });
    const best = l1TailBound({ n: 10, s: 10, pi: 0.5, eps: 1, form: "best" });
    expect(gn({ n: 10, s: 10 }).regime).toBe("middle");
    expect(gn({ n: 10, s: 10 }).value).toBeGreaterThan(9000);
    expect(best.log).toBeCloseTo(Math.log(1022) - 5, 12);
    expect(best.log).toBeLessThan(mid.log);
    // in the large case (refuted as printed) "best" falls back on 2^s - 2
    expect(gn({ n: 10, s: 45 }).regime).toBe("large");
    expect(l1TailBound({ n: 10, s: 45, pi: 0.5, eps: 1.9, form: "best" }).log).toBe(l1TailBound({ n: 10, s: 45, pi: 0.5, eps: 1.9, form: "weissman" }).log);
    expect(l1TailBound({ n: 10, s: 45, pi: 0.5, eps: 1.9, form: "lemma1" }).log).toBeLessThan(l1TailBound({ n: 10, s: 45, pi: 0.5, eps: 1.9, form: "weissman" }).log);
    expect(() => l1TailBound({ n: 10, s: 3, pi: 0.5, eps: 0 })).toThrow(/^eps must be > 0/);
    expect(() => l1TailBound({ n: 10, s: 3, pi: 0.5, eps: 1, form: "x" as never })).toThrow(/^form/);
  });

  it("bounds the exact tail P(||p_hat - p||_1 >= eps) of the multinomial (s = 2 and s = 3)", () => {
    const mm = new Mismatches();
    for (const p of [
      [0.5, 0.5],
      [0.1, 0.9],
      [0.3, 0.7],
      [0.5, 0.3, 0.2],
      [0.8, 0.1, 0.1],
    ]) {
      for (const n of [10, 40, 100]) {
        const law = compositions(n, p.length).map((c) => ({
          l1: c.reduce((a, k, i) => a + Math.abs(k / n - p[i]), 0),
          pr: multinomialPmf(p, c),
        }));
        for (const eps of [0.05, 0.1, 0.2, 0.4]) {
          const tail = law.reduce((a, x) => a + (x.l1 >= eps - 1e-12 ? x.pr : 0), 0);
          const b = l1TailBoundForDistribution({ n, p, eps });
          mm.that(`p=${p} n=${n} eps=${eps}: exact ${tail} <= bound ${b.value}`, tail <= b.value * (1 + 1e-12));
        }
      }
    }
    expect(mm.failures).toEqual([]);
  });

  it("rejects bad parameters naming them", () => {
    expect(() => gn({ n: 0, s: 3 })).toThrow(/^n/);
    expect(() => gn({ n: 3, s: 0 })).toThrow(/^s/);
    expect(() => piP({ p: [0.5, 0.4] })).toThrow(/^p must sum to 1/);
    expect(() => piP({ p: [0.5, 0.5], maxExactSupport: 60 })).toThrow(/^maxExactSupport/);
    expect(() => l1TailBound({ n: 10, s: 3, pi: 0.7, eps: 1 })).toThrow(/^pi/);
  });
});
