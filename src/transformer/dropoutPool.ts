/**
 * Dropout masks that are the same on every backend and come from the run's generator. tfjs's own
 * `dropout` draws in JavaScript on each call (slow on a GPU for Table 1's sizes) with a
 * generator of its own. Here a pool of inverted-dropout factors (0 with probability `rate`,
 * 1/(1 - rate) otherwise) is drawn once and uploaded; each mask is a window of the pool at an
 * offset drawn from the generator. Entries of one mask are independent; two masks share entries
 * only shifted against each other.
 */
import * as tf from "@tensorflow/tfjs";
import type { Rng } from "../rng/index.ts";

export interface DropoutPool {
  /** An inverted-dropout mask of `shape` (multiply the activations by it). */
  mask(shape: number[]): tf.Tensor;
  /** Frees the pool's tensor. */
  dispose(): void;
}

/**
 * A pool of `size` factors for dropout `rate` (0 < rate < 1), drawn from `rng`.
 * @example dropoutPool(createRng(1), 0.2, 1024).mask([2, 8]); // entries 0 or 1.25
 */
export function dropoutPool(rng: Rng, rate: number, size: number): DropoutPool {
  const values = new Float32Array(size);
  const keep = 1 / (1 - rate);
  for (let i = 0; i < size; i++) values[i] = rng.uniform() < rate ? 0 : keep;
  const pool = tf.keep(tf.tensor1d(values));
  return {
    mask(shape: number[]): tf.Tensor {
      const count = shape.reduce((a, b) => a * b, 1);
      if (count > size) throw new RangeError(`shape needs ${count} dropout factors, the pool holds ${size}`);
      const offset = Math.floor(rng.uniform() * (size - count + 1));
      return tf.slice(pool, [offset], [count]).reshape(shape);
    },
    dispose(): void {
      pool.dispose();
    },
  };
}
