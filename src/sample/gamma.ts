/**
 * Gamma(shape, 1) variates: density x^(shape-1) e^-x / Gamma(shape) on x > 0.
 * shape >= 1: Marsaglia & Tsang (2000), ACM TOMS 26(3) 363-372: with d = shape - 1/3,
 * c = 1/sqrt(9d), Z ~ N(0,1), V = (1 + cZ)^3, accept dV when V > 0 and
 * log U < Z^2/2 + d - dV + d log V (squeeze: U < 1 - 0.0331 Z^4).
 * shape < 1: the boost G_shape = G_{shape+1} U^(1/shape) (same paper, Sect. 6).
 * `logGammaVariate` returns log G directly (log G_{shape+1} + log(U)/shape), which stays finite
 * for tiny shapes where G itself underflows to 0 (shape = 0.01 gives G < 1e-300 with probability
 * about 0.001).
 * @example gamma(createRng(1), 2); // => a positive number, mean 2, variance 2
 */
import type { Rng } from "../rng/index.ts";
import { checkFinite } from "../validate.ts";

function checkShape(shape: number): number {
  checkFinite(shape, "shape");
  if (!(shape > 0)) throw new RangeError(`shape must be > 0, got ${shape}`);
  return shape;
}

/** N(0,1) by Marsaglia's polar method (one of each pair is used; the draws stay exact). */
function standardNormal(rng: Rng): number {
  for (;;) {
    const u = 2 * rng.uniform() - 1;
    const v = 2 * rng.uniform() - 1;
    const r = u * u + v * v;
    if (r > 0 && r < 1) return u * Math.sqrt((-2 * Math.log(r)) / r);
  }
}

/** log of a Gamma(shape, 1) draw for shape >= 1 (Marsaglia-Tsang), unchecked. */
function logGammaAtLeastOne(rng: Rng, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let z: number;
    let v: number;
    do {
      z = standardNormal(rng);
      v = 1 + c * z;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.uniform();
    const z2 = z * z;
    if (u < 1 - 0.0331 * z2 * z2 || Math.log(u) < 0.5 * z2 + d * (1 - v + Math.log(v))) {
      return Math.log(d) + Math.log(v);
    }
  }
}

/** log of a Gamma(shape, 1) draw, unchecked (shape > 0). */
export function logGammaVariateUnchecked(rng: Rng, shape: number): number {
  if (shape >= 1) return logGammaAtLeastOne(rng, shape);
  const g = logGammaAtLeastOne(rng, shape + 1);
  return g + Math.log(1 - rng.uniform()) / shape;
}

/** A Gamma(shape, 1) draw, unchecked (shape > 0). */
export function gammaUnchecked(rng: Rng, shape: number): number {
  return Math.exp(logGammaVariateUnchecked(rng, shape));
}

/**
 * One Gamma(shape, 1) draw (shape > 0). Mean shape, variance shape.
 * @example gamma(createRng(1), 0.5); // => a positive number (may underflow to 0 for tiny shape)
 */
export function gamma(rng: Rng, shape: number): number {
  return gammaUnchecked(rng, checkShape(shape));
}

/**
 * log of one Gamma(shape, 1) draw (shape > 0); finite even when the draw underflows.
 * E[log G] = digamma(shape).
 * @example logGammaVariate(createRng(1), 1e-3); // => typically about -1000
 */
export function logGammaVariate(rng: Rng, shape: number): number {
  return logGammaVariateUnchecked(rng, checkShape(shape));
}

/**
 * A Gamma(shape, 1) sampler, shape validated once.
 * @example const draw = gammaSampler(3); draw(createRng(1)); // => a positive number, mean 3
 */
export function gammaSampler(shape: number): (rng: Rng) => number {
  const a = checkShape(shape);
  return (rng) => gammaUnchecked(rng, a);
}
