/**
 * A cache of samples per implementation: two checks that read the same sample (the two sides of a
 * bound, the two forms of a statement) draw it once. Keyed weakly by the implementation (a planted
 * bug gets its own samples) and by a string naming the point, seed and sizes.
 */
import type { Implementation } from "./implementation.ts";

/** get(impl, key, draw): the value cached under (impl, key), drawn by `draw` the first time. */
export type ImplementationMemo<T> = (impl: Implementation, key: string, draw: () => T) => T;

/**
 * A new, empty cache.
 * @example const memo = implementationMemo<number[]>(); memo(impl, "k", () => [1]) === memo(impl, "k", () => [2]); // => true
 */
export function implementationMemo<T>(): ImplementationMemo<T> {
  const byImpl = new WeakMap<Implementation, Map<string, T>>();
  return (impl, key, draw) => {
    let cache = byImpl.get(impl);
    if (!cache) byImpl.set(impl, (cache = new Map()));
    if (cache.has(key)) return cache.get(key)!;
    const value = draw();
    cache.set(key, value);
    return value;
  };
}
