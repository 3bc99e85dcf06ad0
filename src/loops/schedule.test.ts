import { describe, expect, it } from "vitest";
import { createRng } from "../rng/index.ts";
import { scheduleFor, trainingCounts } from "./schedule.ts";

const rng = createRng(1);
const sizes = { n: 10, N: 100, K: 3, freshReal: false };

describe("schedules (Eq 5)", () => {
  it("fully-synthetic: n from the previous model only; p^(1) from n real samples", () => {
    const sch = scheduleFor("fully-synthetic", sizes);
    expect(sch.corpusSize).toBe(10);
    expect(sch.draws(1, rng)).toEqual([{ t: 0, count: 10 }]);
    expect(sch.draws(7, rng)).toEqual([{ t: 6, count: 10 }]);
    expect(trainingCounts(sch, 4, rng)).toEqual([0, 0, 0, 10]);
  });

  it("partially-synthetic: the same N real samples every generation plus n from m-1", () => {
    const sch = scheduleFor("partially-synthetic", sizes);
    expect(sch.corpusSize).toBe(100);
    expect(sch.freshReal).toBe(false);
    expect(sch.draws(1, rng)).toEqual([{ t: 0, count: 100 }]);
    expect(trainingCounts(sch, 2, rng)).toEqual([100, 10]);
    expect(trainingCounts(sch, 5, rng)).toEqual([100, 0, 0, 0, 10]);
    expect(scheduleFor("partially-synthetic-fresh", sizes).freshReal).toBe(true);
  });

  it("most-recent: floor(n/K) from each t in [max(0, m-K), m-1], real data included while m <= K", () => {
    const sch = scheduleFor("most-recent", sizes);
    expect(sch.corpusSize).toBe(3);
    expect(sch.historyDepth).toBe(3);
    expect(trainingCounts(sch, 1, rng)).toEqual([3]);
    expect(trainingCounts(sch, 2, rng)).toEqual([3, 3]);
    expect(trainingCounts(sch, 3, rng)).toEqual([3, 3, 3]);
    expect(trainingCounts(sch, 4, rng)).toEqual([0, 3, 3, 3]);
    expect(trainingCounts(sch, 6, rng)).toEqual([0, 0, 0, 3, 3, 3]);
    // n^(m) = m floor(n/K) < n for m < K, and K floor(n/K) = 9 after.
    for (let m = 1; m <= 8; m++) expect(trainingCounts(sch, m, rng).reduce((a, b) => a + b)).toBe(3 * Math.min(m, 3));
    const k1 = scheduleFor("most-recent", { ...sizes, K: 1 });
    const fs = scheduleFor("fully-synthetic", sizes);
    for (let m = 1; m <= 5; m++) expect(k1.draws(m, rng)).toEqual(fs.draws(m, rng));
  });

  it("most-recent: a window larger than the history covers t = 0..m-1", () => {
    const sch = scheduleFor("most-recent", { ...sizes, K: 10 });
    expect(trainingCounts(sch, 4, rng)).toEqual([1, 1, 1, 1]);
  });

  it("randomly-sampled: n samples over t = 0..m-1, all real at m = 1", () => {
    const sch = scheduleFor("randomly-sampled", sizes);
    expect(sch.corpusSize).toBe(10);
    expect(sch.draws(1, rng)).toEqual([{ t: 0, count: 10 }]);
    for (let m = 2; m < 40; m++) {
      const d = sch.draws(m, rng);
      expect(d.reduce((a, x) => a + x.count, 0)).toBe(10);
      for (const x of d) expect(x.t >= 0 && x.t < m && x.count >= 1).toBe(true);
      for (let i = 1; i < d.length; i++) expect(d[i].t).toBeGreaterThan(d[i - 1].t);
    }
  });

  it("randomly-sampled: each generation g_i is uniform on {0..m-1} (mean n/m per t)", () => {
    // 20000 draws of n = 10 at m = 4: each n_t^(4) ~ Binomial(10, 1/4); sum over draws has mean
    // 50000 and sd sqrt(20000 * 10 * 3/16) = 193.6. Tolerance 6 sd: false-alarm < 1e-8 per t.
    const sch = scheduleFor("randomly-sampled", sizes);
    const r = createRng(42);
    const sums = [0, 0, 0, 0];
    for (let i = 0; i < 20000; i++) for (const d of sch.draws(4, r)) sums[d.t] += d.count;
    for (const v of sums) expect(Math.abs(v - 50000)).toBeLessThan(6 * 193.6);
  });

  it("accumulate: the real sample plus n from each earlier model, all kept", () => {
    const sch = scheduleFor("accumulate", sizes);
    expect(sch.keepsPreviousData).toBe(true);
    expect(sch.draws(1, rng)).toEqual([{ t: 0, count: 100 }]);
    expect(sch.draws(4, rng)).toEqual([{ t: 3, count: 10 }]);
    expect(trainingCounts(sch, 4, rng)).toEqual([100, 10, 10, 10]);
  });
});
