/**
 * Training text as a list of documents (the corpus is one; each generated stream or real chunk is
 * one), and seeded batches of windows drawn uniformly among all windows of length t + 1 that lie
 * inside one document.
 */
import type { Rng } from "../rng/index.ts";

/** A batch: inputs and next-token targets, both [batch, t] row-major. */
export interface WindowBatch {
  inputs: Int32Array;
  targets: Int32Array;
}

/** Draws batches of windows; `next(rng)` is O(batch * (t + log documents)). */
export interface WindowSampler {
  /** Number of distinct windows. */
  windows: number;
  next(rng: Rng): WindowBatch;
}

/**
 * A sampler of `batch` windows of `t` input tokens (plus the next token as target) from `documents`.
 * Window w of document d starts at w; documents shorter than t + 1 hold no window.
 * @example windowSampler([Int32Array.from([0, 1, 2, 3])], 2, 1).next(createRng(1)).targets.length; // => 2
 */
export function windowSampler(documents: Int32Array[], t: number, batch: number): WindowSampler {
  const docs = documents.filter((d) => d.length > t);
  const cumulative = new Float64Array(docs.length);
  let total = 0;
  docs.forEach((d, i) => {
    total += d.length - t;
    cumulative[i] = total;
  });
  if (total === 0) throw new RangeError(`documents must hold at least one window of ${t + 1} tokens`);
  return {
    windows: total,
    next(rng: Rng): WindowBatch {
      const inputs = new Int32Array(batch * t);
      const targets = new Int32Array(batch * t);
      for (let b = 0; b < batch; b++) {
        const w = Math.floor(rng.uniform() * total);
        let lo = 0;
        let hi = docs.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cumulative[mid] > w) hi = mid;
          else lo = mid + 1;
        }
        const doc = docs[lo];
        const start = w - (lo === 0 ? 0 : cumulative[lo - 1]);
        inputs.set(doc.subarray(start, start + t), b * t);
        targets.set(doc.subarray(start + 1, start + t + 1), b * t);
      }
      return { inputs, targets };
    },
  };
}
