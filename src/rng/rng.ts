/**
 * The project's only source of randomness: a seeded xoroshiro128+ generator (pure-rand) that
 * yields uniform doubles with 53 random bits. Every function that draws takes an `Rng` argument;
 * nothing in `src/` reads a global generator.
 */
import { xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";

type Xoroshiro = ReturnType<typeof xoroshiro128plusFromState>;

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
 * The 128-bit xoroshiro state of a 32-bit seed: four words of the splitmix32 sequence started at
 * the seed. xoroshiro128+ seeded with a low-entropy state (pure-rand's `xoroshiro128plus(seed)`
 * puts the seed in one word and constants in the others) gives first draws close to 1 for small
 * seeds; splitmix spreads every seed bit over the whole state, so seed 0, 1, 2, ... start well.
 * @example seedState(1).length; // => 4
 */
export function seedState(seed: number): number[] {
  let x = checkSeed(seed);
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    words.push((z ^ (z >>> 15)) | 0);
  }
  if (!words.some((w) => w !== 0)) words[0] = 1;
  return words;
}

/**
 * A seeded xoroshiro128+ generator (pure-rand), its state spread from the seed by splitmix32.
 * @example createRng(1).uniform(); // => same value on every machine
 */
export function createRng(seed: number): Rng {
  return new XoroshiroRng(xoroshiro128plusFromState(seedState(seed)) as Xoroshiro);
}

/** Rebuilds a generator from `rng.state()`. */
export function rngFromState(state: readonly number[]): Rng {
  return new XoroshiroRng(xoroshiro128plusFromState(state) as Xoroshiro);
}
