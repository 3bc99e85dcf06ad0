import { describe, expect, it } from "vitest";
import { id, multiContextCollapseProbabilityBounds, multiContextMaxCollapseTimeBounds } from "./multi-context-bounds.ts";
import { D, dec, fsChainFloat, Mismatches } from "./oracle-kit.ts";
import { collapseProbabilityBounds } from "./thm1-rho-bounds.ts";
import { collapseTimeBounds } from "./thm1-collapse-time-bounds.ts";

const CTX = [
  { n: 20, S0: 0.38, support: 3 },
  { n: 50, S0: 0.815, support: 3 },
  { n: 7, S0: 0.5, support: 2 },
];

/**
 * 1 + sum_{k=1}^{K} g(k) in decimal.js, where g combines per-context terms c_j f_j^k (powers kept
 * by multiplication) with `combine` (a capped sum or a max). The rest beyond K is below 1e-15.
 */
function sumOracle(K: number, coef: InstanceType<typeof D>[], n: number[], combine: (t: InstanceType<typeof D>[]) => InstanceType<typeof D>): number {
  const f = n.map((nj) => new D(1).minus(new D(1).div(nj)));
  let terms = coef.slice();
  let s = new D(1);
  for (let k = 1; k <= K; k++) {
    terms = terms.map((t, j) => t.times(f[j]));
    s = s.plus(combine(terms));
  }
  return s.toNumber();
}

describe(id, () => {
  it("reduces to Eq (7) and Eq (8) for one context", () => {
    for (const m of [0, 1, 10, 100, 1000]) {
      const one = multiContextCollapseProbabilityBounds({ contexts: [CTX[0]], m });
      const t1 = collapseProbabilityBounds({ ...CTX[0], m });
      expect(one.upper).toBe(t1.upper);
      expect(one.lower).toBe(Math.max(0, t1.lower));
      expect(one.upperIndependent).toBeCloseTo(t1.upper, 15);
    }
    const e = multiContextMaxCollapseTimeBounds({ contexts: [CTX[0]] });
    const t = collapseTimeBounds(CTX[0]);
    expect(e.lower).toBe(t.lower);
    expect(e.upper).toBe(t.upperTight);
    expect(e.lowerEnvelope).toBeCloseTo(t.lower, 12);
  });

  it("sums the E[max T] bounds exactly (decimal.js term by term)", () => {
    const mm = new Mismatches();
    for (const cs of [CTX, [CTX[1], CTX[2]], [CTX[0], { n: 20, S0: 0.5, support: 2 }], [{ n: 3, S0: 0.9, support: 5 }, { n: 400, S0: 0.99, support: 2 }]]) {
      const b = multiContextMaxCollapseTimeBounds({ contexts: cs });
      const K = 45 * Math.max(...cs.map((c) => c.n)) + 200;
      const ns = cs.map((c) => c.n);
      const up = sumOracle(K, cs.map((c) => new D(c.n).times(new D(1).minus(dec(c.S0)))), ns, (t) => D.min(1, D.sum(...t)));
      const env = sumOracle(K, cs.map((c) => new D(1).minus(dec(c.S0)).div(new D(1).minus(new D(1).div(c.support)))), ns, (t) => D.max(...t));
      mm.ulps(`upper ${JSON.stringify(cs)}`, b.upper, up, 64);
      mm.ulps(`envelope ${JSON.stringify(cs)}`, b.lowerEnvelope, env, 64);
      mm.that(`order ${JSON.stringify(cs)}`, b.lower <= b.lowerEnvelope && b.lowerEnvelope <= b.upper);
    }
    expect(mm.failures).toEqual([]);
  });

  it("brackets P(all collapsed by m) and E[max T] of independent exact chains", () => {
    // Two independent contexts: p = (.5, .3, .2) with n = 8 and p = (.7, .3) with n = 5.
    const a = fsChainFloat([0.5, 0.3, 0.2], 8, 400).tail;
    const b = fsChainFloat([0.7, 0.3], 5, 400).tail;
    const cs = [
      { n: 8, S0: 0.38, support: 3 },
      { n: 5, S0: 0.58, support: 2 },
    ];
    const mm = new Mismatches();
    let eMax = 0;
    for (let k = 0; k <= 400; k++) eMax += 1 - (1 - a[k]) * (1 - b[k]);
    for (let m = 0; m <= 60; m++) {
      const all = (1 - a[m]) * (1 - b[m]);
      const r = multiContextCollapseProbabilityBounds({ contexts: cs, m });
      const tol = 1e-13;
      mm.that(`m=${m}: ${r.lower} <= ${r.lowerIndependent} <= P ${all} <= ${r.upperIndependent} <= ${r.upper}`,
        r.lower <= r.lowerIndependent + tol && r.lowerIndependent <= all + tol && all <= r.upperIndependent + tol && r.upperIndependent <= r.upper + tol);
    }
    const e = multiContextMaxCollapseTimeBounds({ contexts: cs });
    mm.that(`E[max T] ${e.lowerEnvelope} <= ${eMax} <= ${e.upper}`, e.lower <= e.lowerEnvelope && e.lowerEnvelope <= eMax && eMax <= e.upper);
    expect(mm.failures).toEqual([]);
  });

  it("handles huge n and many contexts quickly, and collapsed contexts", () => {
    const many = Array.from({ length: 500 }, (_, j) => ({ n: 10 + j, S0: 0.2 + (j % 7) / 10, support: 5 }));
    const b = multiContextMaxCollapseTimeBounds({ contexts: many });
    expect(b.lower).toBeLessThanOrEqual(b.lowerEnvelope);
    expect(b.lowerEnvelope).toBeLessThanOrEqual(b.upper);
    const huge = multiContextMaxCollapseTimeBounds({ contexts: [{ n: 1e9, S0: 0.5, support: 2 }] });
    expect(huge.upper).toBeGreaterThan(1e9);
    expect(Number.isFinite(huge.upper)).toBe(true);
    expect(multiContextMaxCollapseTimeBounds({ contexts: [{ n: 5, S0: 1, support: 1 }] })).toEqual({ lower: 1, lowerEnvelope: 1, upper: 1 });
    expect(multiContextCollapseProbabilityBounds({ contexts: [{ n: 5, S0: 1, support: 1 }], m: 0 }).lower).toBe(1);
  });

  it("rejects bad parameters naming them", () => {
    expect(() => multiContextCollapseProbabilityBounds({ contexts: [], m: 1 })).toThrow(/^contexts must have at least one entry/);
    expect(() => multiContextCollapseProbabilityBounds({ contexts: [CTX[0], { n: 5, S0: 0.1, support: 3 }], m: 1 })).toThrow(/^contexts\[1\]\.S0/);
    expect(() => multiContextMaxCollapseTimeBounds({ contexts: [{ n: 0, S0: 0.5, support: 2 }] })).toThrow(/^contexts\[0\]\.n/);
    expect(() => multiContextCollapseProbabilityBounds({ contexts: "x" as never, m: 1 })).toThrow(TypeError);
  });
});
