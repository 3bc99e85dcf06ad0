/**
 * The project's only source of randomness: a seeded xoroshiro128+ generator (pure-rand) that
 * yields uniform doubles with 53 random bits. Every function that draws takes an `Rng` argument;
 * nothing in `src/` reads a global generator.
 */
import { xoroshiro128plus, xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";

type Xoroshiro = ReturnType<typeof xoroshiro128plus>;

/** A seeded stream of uniform random numbers. */
export interface Rng {
  /** Uniform double in [0, 1), a multiple of 2^-53. */
  uniform(): number;
  /** Uniform integer in [0, 2^32). */
  uint32(): number;
  /** An independent copy in the same state. */
  clone(): Rng;
  /** Advances the state by 2^64 draws: the standard way to make non-overlapping streams. */
  jump(): void;
  /** The internal state, for provenance and replay. */
  state(): readonly number[];
}

const SCALE_26 = 2 ** -26;
const SCALE_53 = 2 ** -53;

class XoroshiroRng implements Rng {
  constructor(private readonly g: Xoroshiro) {}
  uniform(): number {
    const hi = this.g.next() & 0x3ffffff;
    const lo = this.g.next() & 0x7ffffff;
    return hi * SCALE_26 + lo * SCALE_53;
  }
  uint32(): number {
    return this.g.next() >>> 0;
  }
  clone(): Rng {
    return new XoroshiroRng(this.g.clone() as Xoroshiro);
  }
  jump(): void {
    this.g.jump();
  }
  state(): readonly number[] {
    return this.g.getState();
  }
}

/** Checks that `seed` is an integer in [0, 2^32) (or a negative 32-bit integer) and returns it. */
export function checkSeed(seed: number, name = "seed"): number {
  if (typeof seed !== "number" || !Number.isInteger(seed)) {
    throw new TypeError(`${name} must be an integer, got ${String(seed)}`);
  }
  if (seed < -(2 ** 31) || seed >= 2 ** 32) {
    throw new RangeError(`${name} must lie in [-2^31, 2^32), got ${seed}`);
  }
  return seed | 0;
}

/**
 * A seeded xoroshiro128+ generator.
 * @example createRng(1).uniform(); // => same value on every machine
 */
export function createRng(seed: number): Rng {
  return new XoroshiroRng(xoroshiro128plus(checkSeed(seed)));
}

/** Rebuilds a generator from `rng.state()`. */
export function rngFromState(state: readonly number[]): Rng {
  return new XoroshiroRng(xoroshiro128plusFromState(state) as Xoroshiro);
}
