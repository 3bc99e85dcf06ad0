/**
 * Lumping of count states by token exchangeability. The Fully Synthetic kernel
 * Multinomial(n, y/n) commutes with every permutation of the tokens, so the chain of
 * "the first `fixed` counts, then the other counts sorted in decreasing order" is again a Markov
 * chain (strong lumpability) with kernel P(y -> class C) = sum_{x in C} Mult(n, y/n)(x), where y
 * is any member of its class. fixed = 0 gives partitions of n (enough for the law of T and S_m);
 * fixed = 1 keeps token 1 apart (enough for its absorption probability, and for h and g).
 */
import { createCompositionIndex, type CompositionIndex } from "./compositions.ts";

/** Classes of compositions of n into k parts under permutations of the positions >= fixed. */
export interface LumpedIndex {
  readonly n: number;
  readonly k: number;
  readonly fixed: number;
  /** When true, only compositions with every part >= 1 are indexed. */
  readonly positive: boolean;
  /** Number of classes. */
  readonly count: number;
  /** Canonical member of each class (leading `fixed` parts, then the rest non-increasing), flat. */
  readonly representatives: Int32Array;
  /** The composition index underneath (of n - k into k parts when `positive`, shifted by one). */
  readonly base: CompositionIndex;
  /** classOfBase[j]: class of the j-th composition of `base`. */
  readonly classOfBase: Int32Array;
  /** Class of composition x (read from x[offset..offset+k-1]); x must satisfy `positive`. */
  classOf(x: ArrayLike<number>, offset?: number): number;
}

/**
 * Builds the lumped index. Cost O(C(n+k-1, k-1) k log k) time, one Int32Array of that length.
 * @example createLumpedIndex(4, 3, 0, false).count; // => 4 (partitions 4, 3+1, 2+2, 2+1+1)
 */
export function createLumpedIndex(n: number, k: number, fixed: number, positive: boolean): LumpedIndex {
  const shift = positive ? 1 : 0;
  const base = createCompositionIndex(positive ? n - k : n, k);
  const classOfBase = new Int32Array(base.count).fill(-1);
  const canon = new Int32Array(k);
  const reps: number[] = [];
  let count = 0;
  for (let j = 0; j < base.count; j++) {
    canonicalInto(base.states, j * k, k, fixed, canon);
    const r = base.rank(canon);
    if (r === j) {
      classOfBase[j] = count++;
      for (let i = 0; i < k; i++) reps.push(canon[i] + shift);
    }
  }
  for (let j = 0; j < base.count; j++) {
    if (classOfBase[j] >= 0) continue;
    canonicalInto(base.states, j * k, k, fixed, canon);
    classOfBase[j] = classOfBase[base.rank(canon)];
  }
  const tmp = new Int32Array(k);
  const classOf = (x: ArrayLike<number>, offset = 0): number => {
    for (let i = 0; i < k; i++) tmp[i] = x[offset + i] - shift;
    return classOfBase[base.rank(tmp)];
  };
  return { n, k, fixed, positive, count, representatives: Int32Array.from(reps), base, classOfBase, classOf };
}

/** out = x[off..off+k-1] with positions >= fixed sorted in decreasing order. */
function canonicalInto(x: Int32Array, off: number, k: number, fixed: number, out: Int32Array): void {
  for (let i = 0; i < k; i++) out[i] = x[off + i];
  for (let i = fixed + 1; i < k; i++) {
    const v = out[i];
    let j = i - 1;
    while (j >= fixed && out[j] < v) {
      out[j + 1] = out[j];
      j--;
    }
    out[j + 1] = v;
  }
}
