import { describe, expect, it } from "vitest";
import { createRng } from "../rng/index.ts";
import { simulateContexts } from "./simulateContexts.ts";
import { simulateRun } from "./simulateRun.ts";

describe("simulateContexts (fixed n_j)", () => {
  const p0 = [
    [0.5, 0.5, 0],
    [0.9, 0.05, 0.05],
    [0.2, 0.3, 0.5],
  ];

  it("runs one chain per context on the shared stream and aggregates them", () => {
    const rec = simulateContexts(createRng(3), { setting: "fully-synthetic", p0, n: [4, 6, 8], generations: 1000, stopAtCollapse: true });
    const rng = createRng(3);
    const runs = p0.map((p, j) => simulateRun(rng, { setting: "fully-synthetic", p0: p, n: [4, 6, 8][j], generations: 1000, stopAtCollapse: true }));
    expect(rec.contextT).toEqual(runs.map((r) => r.T));
    expect(rec.T).toBe(Math.max(...runs.map((r) => r.T!)));
    expect(rec.generations).toBe(rec.T);
    expect(rec.contexts).toBe(3);
    expect(rec.fractionCollapsed[rec.T!]).toBe(1);
    expect(rec.meanSigma[rec.T!]).toBe(1);
    expect(rec.meanSigma[0]).toBeCloseTo((0.5 + 0.815 + 0.38) / 3, 14);
    expect(rec.meanCount.slice(1).every((x) => x === 6)).toBe(true);
    expect(rec.contextsVisited[0]).toBe(0);
    expect(rec.contextsVisited[1]).toBe(3);
    for (let m = 1; m <= rec.T!; m++) {
      expect(rec.fractionCollapsed[m]).toBe(runs.filter((r) => r.T! <= m).length / 3);
    }
  });

  it("records sigma_j^(m) and n_j^(m) per context on request, a stopped chain keeping its last state", () => {
    const cfg = { setting: "fully-synthetic" as const, p0, n: [4, 6, 8], generations: 1000, stopAtCollapse: true };
    expect(simulateContexts(createRng(3), cfg).contextSigma).toBeUndefined();
    const rec = simulateContexts(createRng(3), { ...cfg, recordContexts: true });
    const rng = createRng(3);
    const runs = p0.map((p, j) => simulateRun(rng, { setting: "fully-synthetic", p0: p, n: [4, 6, 8][j], generations: 1000, stopAtCollapse: true }));
    runs.forEach((r, j) => {
      expect(rec.contextSigma![j]).toHaveLength(rec.generations + 1);
      expect(rec.contextSigma![j].slice(0, r.generations + 1)).toEqual(r.sigma);
      expect(rec.contextSigma![j].slice(r.generations + 1).every((v) => v === 1)).toBe(true);
      expect(rec.contextCount![j].slice(0, r.generations + 1)).toEqual(r.trainingSize);
      expect(rec.contextCount![j].slice(r.generations + 1).every((v) => v === 0)).toBe(true);
    });
    expect(() => simulateContexts(createRng(3), { ...cfg, recordContexts: "yes" as unknown as boolean })).toThrow(/^recordContexts/);
  });

  it("T is null when some context has not collapsed within the horizon", () => {
    const rec = simulateContexts(createRng(1), { setting: "partially-synthetic", N: 50, p0, n: 10, generations: 5 });
    expect(rec.T).toBeNull();
    expect(rec.meanCount[3]).toBe(60);
  });

  it("names the context of a bad parameter", () => {
    expect(() => simulateContexts(createRng(1), { setting: "fully-synthetic", p0: [[0.5, 0.5], [0.5, 0.6]], n: 3, generations: 5 })).toThrow(/^p0\[1\]/);
    expect(() => simulateContexts(createRng(1), { setting: "fully-synthetic", p0: [[1], [1]], n: [3, 0], generations: 5 })).toThrow(/^n\[1\]/);
    expect(() => simulateContexts(createRng(1), { setting: "fully-synthetic", p0: [[1], [1]], n: [3], generations: 5 })).toThrow(/^n must have/);
  });
});
