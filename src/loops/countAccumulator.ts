import type { SparseCounts } from "../measure/sparseCounts.ts";

/**
 * A dense count vector over s tokens that remembers which entries it touched, so that adding
 * samples and extracting the sparse model cost O(live tokens), never O(s). Internal to the engine.
 */
export class CountAccumulator {
  private readonly dense: Int32Array;
  private readonly touched: Int32Array;
  private size = 0;
  private sum = 0;

  constructor(s: number) {
    this.dense = new Int32Array(s);
    this.touched = new Int32Array(s);
  }

  /** Adds c >= 0 samples of token id. */
  add(id: number, c: number): void {
    if (c <= 0) return;
    if (this.dense[id] === 0) this.touched[this.size++] = id;
    this.dense[id] += c;
    this.sum += c;
  }

  /** Adds every entry of a sparse model. */
  addModel(model: SparseCounts): void {
    for (let j = 0; j < model.k; j++) this.add(model.ids[j], model.counts[j]);
  }

  /**
   * The accumulated counts as a sparse model (tokens in order of first touch), written into
   * `into` when its arrays can hold them (else into new arrays); resets to empty.
   */
  take(into?: SparseCounts): SparseCounts {
    const k = this.size;
    const fits = into !== undefined && into.ids.length >= k && into.counts.length >= k;
    const ids = fits ? into.ids : new Int32Array(k);
    const counts = fits ? into.counts : new Int32Array(k);
    for (let j = 0; j < k; j++) {
      const id = this.touched[j];
      ids[j] = id;
      counts[j] = this.dense[id];
      this.dense[id] = 0;
    }
    const total = this.sum;
    this.size = 0;
    this.sum = 0;
    if (fits) {
      into.k = k;
      into.total = total;
      return into;
    }
    return { ids, counts, k, total };
  }
}
