/**
 * Independent streams from one seed: stream r is the seed's generator jumped r + 1 times
 * (2^64 draws apart), so run r of a Monte Carlo study sees the same numbers whatever the other
 * runs consumed and however the runs are spread over workers.
 */
import { createRng, type Rng } from "./rng.ts";

/**
 * Streams `first .. first + count - 1` of `seed`, one at a time: O(first) jumps before the first
 * and one per stream after, and O(1) memory, so a study of `count` runs holds one generator at a
 * time, not `count` (`rngStreams` is this, collected).
 * @example for (const rng of eachRngStream(1, 3)) rng.uniform(); // the values of rngStreams(1, 3)
 */
export function eachRngStream(seed: number, count: number, first = 0): Generator<Rng, void, undefined> {
  checkStreamRange(count, first);
  return jumpedClones(createRng(seed), count, first);
}

/** Clones of `base` after jumps first + 1, ..., first + count (the generator behind `eachRngStream`). */
function* jumpedClones(base: Rng, count: number, first: number): Generator<Rng, void, undefined> {
  for (let i = 0; i < first; i++) base.jump();
  for (let i = 0; i < count; i++) {
    base.jump();
    yield base.clone();
  }
}

/**
 * Streams `first .. first + count - 1` of `seed`, in O(first + count) jumps, as an array (memory
 * O(count): for many runs iterate `eachRngStream` instead).
 * @example rngStreams(1, 3).map((r) => r.uniform()); // three independent values
 */
export function rngStreams(seed: number, count: number, first = 0): Rng[] {
  return Array.from(eachRngStream(seed, count, first));
}

/** The checks of `eachRngStream`, made when it is called (a generator runs none until iterated). */
function checkStreamRange(count: number, first: number): void {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  if (!Number.isInteger(first) || first < 0) throw new RangeError(`first must be a non-negative integer, got ${first}`);
}

/** Stream `index` of `seed` (equal to `rngStreams(seed, 1, index)[0]`). */
export function rngStream(seed: number, index: number): Rng {
  return rngStreams(seed, 1, index)[0];
}

/**
 * A 32-bit seed derived from a seed and a label (FNV-1a over the label, mixed with the seed), so
 * that each named check or figure has its own reproducible stream family.
 * @example deriveSeed(1, "thm1-collapse-time"); // => a fixed 32-bit integer
 */
export function deriveSeed(seed: number, label: string): number {
  let h = 0x811c9dc5 ^ (seed | 0);
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
