import { describe, expect, it } from "vitest";
import { sparseFromDense } from "../measure/index.ts";
import { createRng } from "../rng/index.ts";
import { CountAccumulator } from "./countAccumulator.ts";
import { RealCorpus } from "./realCorpus.ts";

describe("RealCorpus", () => {
  it("adds the whole corpus when asked for all of it, without drawing", () => {
    const corpus = new RealCorpus(sparseFromDense([0, 3, 5]));
    const acc = new CountAccumulator(3);
    const rng = createRng(1);
    const before = rng.clone().uniform();
    corpus.addTo(acc, 8, rng);
    expect(rng.uniform()).toBe(before);
    const m = acc.take();
    expect(Array.from(m.ids)).toEqual([1, 2]);
    expect(Array.from(m.counts)).toEqual([3, 5]);
  });

  it("a smaller draw is a subset of the corpus, uniform without replacement", () => {
    // Subsets of size 3 of a corpus {a, b, b, c, c, c, c} (7 samples): token c appears
    // Hypergeometric(7, 4, 3) times, mean 12/7, variance 3 (4/7)(3/7)(4/6) = 0.4898. Over 20000
    // draws the sd of the total is 99.0; tolerance 6 sd (false alarm < 1e-8).
    const corpus = new RealCorpus(sparseFromDense([1, 2, 4]));
    const acc = new CountAccumulator(3);
    const rng = createRng(7);
    let totalC = 0;
    let notSubsets = 0;
    for (let r = 0; r < 20000; r++) {
      corpus.addTo(acc, 3, rng);
      const m = acc.take();
      if (m.total !== 3) notSubsets++;
      for (let j = 0; j < m.k; j++) {
        if (m.counts[j] > [1, 2, 4][m.ids[j]]) notSubsets++;
        if (m.ids[j] === 2) totalC += m.counts[j];
      }
    }
    expect(notSubsets).toBe(0);
    expect(Math.abs(totalC - (20000 * 12) / 7)).toBeLessThan(6 * 99.0);
  });
});
