import type { SparseCounts } from "../measure/sparseCounts.ts";
import type { Rng } from "../rng/index.ts";
import type { CountAccumulator } from "./countAccumulator.ts";

/**
 * The real corpus {y_l^(0)} of Eq (5): a fixed sample from p^(0), given once ("we do not
 * generate samples from p = p^(0) but rather we are given a corpus", Sect. 2.2). Using all of it
 * adds its counts; using `count` < its size adds a uniformly random subset of its samples without
 * replacement (partial Fisher-Yates over the samples, O(count)), never new real data.
 */
export class RealCorpus {
  readonly counts: SparseCounts;
  private tokens: Int32Array | null = null;

  constructor(counts: SparseCounts) {
    this.counts = counts;
  }

  get size(): number {
    return this.counts.total;
  }

  /** Adds `count` <= size samples of the corpus to acc. */
  addTo(acc: CountAccumulator, count: number, rng: Rng): void {
    if (count === this.size) {
      acc.addModel(this.counts);
      return;
    }
    const tokens = this.sequence();
    const size = tokens.length;
    for (let i = 0; i < count; i++) {
      const j = i + Math.floor(rng.uniform() * (size - i));
      const y = tokens[j];
      tokens[j] = tokens[i];
      tokens[i] = y;
      acc.add(y, 1);
    }
  }

  /** The corpus as a list of samples, built on first use; its order is a permutation that only changes by swaps. */
  private sequence(): Int32Array {
    if (this.tokens === null) {
      const t = new Int32Array(this.size);
      let i = 0;
      for (let j = 0; j < this.counts.k; j++) {
        t.fill(this.counts.ids[j], i, i + this.counts.counts[j]);
        i += this.counts.counts[j];
      }
      this.tokens = t;
    }
    return this.tokens;
  }
}
