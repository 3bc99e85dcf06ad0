import { describe, expect, it } from "vitest";
import { createRng } from "../rng/index.ts";
import { decideVerdict } from "./decide.ts";
import { sequentialMeans, type SequentialMeansOptions } from "./sequentialMeans.ts";
import type { Relation } from "./types.ts";

/** Draws Bernoulli(p) scaled to [0, scale], run r from stream-like seed r (so batches are reproducible). */
function bernoulliDraw(ps: number[], scale = 1): SequentialMeansOptions["draw"] {
  return (count, first) =>
    ps.map((p, j) => Float64Array.from({ length: count }, (_, i) => (createRng(1000 * j + first + i).uniform() < p ? scale : 0)));
}

function run(relation: Relation, predicted: number[], ps: number[], extra: Partial<SequentialMeansOptions> = {}) {
  return sequentialMeans({ relation, predicted, support: [0, 1], epsilon: 0.02, delta: 1e-8, maxReplicates: 200_000, draw: bernoulliDraw(ps), ...extra });
}

describe("sequentialMeans: stop once the verdict is decided at delta", () => {
  it("equality that holds: every CS ends within epsilon of its prediction, before the cap", () => {
    const r = run("equals", [0.3, 0.6], [0.3, 0.6]);
    expect(r.decided).toBe(true);
    expect(r.replicates).toBeLessThan(200_000);
    for (const row of r.rows) {
      expect(decideVerdict("equals", row.predicted, [row.lo, row.hi])).toBe("holds");
      expect(row.predicted - row.lo).toBeLessThan(0.02);
      expect(row.hi - row.predicted).toBeLessThan(0.02);
    }
  });

  it("equality off by 3 epsilon is refuted early, and the interval says so", () => {
    const r = run("equals", [0.3, 0.6], [0.3, 0.66]);
    expect(r.decided).toBe(true);
    expect(r.replicates).toBeLessThan(20_000);
    expect(decideVerdict("equals", r.rows[1].predicted, [r.rows[1].lo, r.rows[1].hi])).toBe("refuted");
  });

  it("bounds: holds once the CS is on the right side, refuted once on the wrong side", () => {
    const holds = run("atMost", [0.5], [0.4]);
    expect(holds.decided && decideVerdict("atMost", 0.5, [holds.rows[0].lo, holds.rows[0].hi])).toBe("holds");
    const refuted = run("atMost", [0.5], [0.6]);
    expect(refuted.decided && decideVerdict("atMost", 0.5, [refuted.rows[0].lo, refuted.rows[0].hi])).toBe("refuted");
    const lower = run("atLeast", [0.5], [0.6]);
    expect(lower.decided && decideVerdict("atLeast", 0.5, [lower.rows[0].lo, lower.rows[0].hi])).toBe("holds");
  });

  it("keeps sampling up to the cap when the bound is at the mean, then the interval decides (inconclusive)", () => {
    const r = run("atMost", [0.5], [0.5], { maxReplicates: 3000 });
    expect(r).toMatchObject({ decided: false, replicates: 3000 });
    expect(decideVerdict("atMost", 0.5, [r.rows[0].lo, r.rows[0].hi])).toBe("inconclusive");
  });

  it("maps a support [0, 2] to [0, 1] and back, and throws on a value outside it", () => {
    const r = sequentialMeans({ relation: "equals", predicted: [0.6], support: [0, 2], epsilon: 0.04, delta: 1e-8, maxReplicates: 100_000, draw: bernoulliDraw([0.3], 2) });
    expect(r.decided).toBe(true);
    expect(r.rows[0].lo).toBeLessThan(0.6);
    expect(r.rows[0].hi).toBeGreaterThan(0.6);
    expect(() => sequentialMeans({ relation: "equals", predicted: [0.5], support: [0, 1], epsilon: 0.1, delta: 0.1, maxReplicates: 10, draw: () => [[2]] })).toThrow(RangeError);
  });
});
