/**
 * Planted bugs in the samplers that only the law checks can see (collapse-time-law,
 * sampler-*-law): each is right where the older checks look (the mean of a binomial, the bounds
 * of Theorem 1 on the default "chain" method) and wrong in the law.
 * @example samplerPlantedBugs().map((b) => b.id); // => ["fixing-token-unconditioned", "btrd-step-one-only", "corpus-subset-with-replacement"]
 */
import { collapseTimeSampler } from "../loops/collapseTime.ts";
import type { Rng } from "../rng/index.ts";
import { binomialUnchecked, categorical } from "../sample/index.ts";
import { INVERSION_MAX_MEAN } from "../sample/binomial.ts";
import { reference, type Implementation } from "./implementation.ts";
import type { PlantedBug } from "./plantedBugs.ts";

/**
 * "fixing-token" with the unconditioned Wright-Fisher step c <- Bin(n, c / n) in place of the step
 * conditioned on fixation, 1 + Bin(n - 1, c / n) (the Doob h-transform forgotten after generation
 * 1): the followed token can now be lost (c = 0), and T is then past the horizon.
 */
function fixingTokenUnconditioned(): Implementation["collapseTimeSampler"] {
  return (p0, n, horizon, method) => {
    if (method !== "fixing-token") return collapseTimeSampler(p0, n, horizon, method);
    const p = Float64Array.from(p0);
    return (rng: Rng) => {
      const i = categorical(rng, p);
      let c = 1 + binomialUnchecked(rng, n - 1, p[i]);
      for (let m = 1; ; m++) {
        if (c === n) return m;
        if (m === horizon) return null;
        c = binomialUnchecked(rng, n, c / n);
      }
    };
  };
}

/**
 * Binomial(n, p) whose BTRD (n min(p, 1 - p) >= 10) loops on step 1 instead of going on to steps
 * 2-3: only the "box" under the density is accepted, so the mean stays n p (the box is symmetric
 * about it) but the tails are cut and the variance is too small. Inversion is untouched.
 */
function btrdStepOneOnly(rng: Rng, n: number, p: number): number {
  const flip = p > 0.5;
  const q = flip ? 1 - p : p;
  if (n * q < INVERSION_MAX_MEAN) return binomialUnchecked(rng, n, p);
  const np = n * q;
  const spq = Math.sqrt(np * (1 - q));
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * q;
  const vr = 0.92 - 4.2 / b;
  for (;;) {
    const v = rng.uniform();
    if (v <= 0.86 * vr) {
      const u = v / vr - 0.43;
      const x = Math.floor(((2 * a) / (0.5 - Math.abs(u)) + b) * u + np + 0.5);
      return flip ? n - x : x;
    }
  }
}

/**
 * RealCorpus.addTo drawing its `count` < size samples with replacement (count independent picks of
 * the corpus's samples) instead of a random subset: same mean counts, variance too large by
 * (size - 1) / (size - count).
 */
const corpusWithReplacement: Implementation["realCorpusAddTo"] = (corpus, acc, count, rng) => {
  if (count === corpus.size) return corpus.addTo(acc, count, rng);
  const { ids, counts, k } = corpus.counts;
  for (let t = 0; t < count; t++) {
    let j = Math.floor(rng.uniform() * corpus.size);
    let i = 0;
    while (j >= counts[i] && i < k - 1) j -= counts[i++];
    acc.add(ids[i], 1);
  }
};

/** The sampler bugs, for the catalogue of plantedBugs.ts. */
export function samplerPlantedBugs(): PlantedBug[] {
  return [
    {
      id: "fixing-token-unconditioned",
      description: "the fixing-token collapse-time sampler steps c <- Bin(n, c/n) (unconditioned) instead of 1 + Bin(n - 1, c/n)",
      impl: { ...reference, collapseTimeSampler: fixingTokenUnconditioned() },
      caughtBy: [{ statement: "collapse-time-law", point: { p: [0.45, 0, 0.35, 0.2], n: 30, M: 150, runs: 10_000, method: "fixing-token" } }],
    },
    {
      id: "btrd-step-one-only",
      description: "BTRD accepts only in its step 1 (redraws instead of steps 2-3): right mean, too small a variance",
      impl: { ...reference, binomial: btrdStepOneOnly },
      caughtBy: [{ statement: "sampler-binomial-law", point: { n: 1000, p: 0.3, regime: "btrd", runs: 1_000_000 } }],
    },
    {
      id: "corpus-subset-with-replacement",
      description: "the real-corpus subset is drawn with replacement instead of as a random subset (variance too large)",
      impl: { ...reference, realCorpusAddTo: corpusWithReplacement },
      caughtBy: [{ statement: "sampler-real-corpus-law", point: { corpus: [0, 20, 12, 0, 8], count: 15, runs: 200_000 } }],
    },
  ];
}
