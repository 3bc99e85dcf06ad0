/**
 * Parameter checks specific to the theory files (the generic ones live in src/validate.ts).
 * Errors are TypeError/RangeError whose message starts with the parameter name.
 */
import { checkIntegerAtLeast, checkProbability } from "../validate.ts";

/** Relative slack allowed on S0 >= 1/support, for S0 computed in float64 from a distribution. */
export const S0_SUPPORT_SLACK = 1e-12;

/**
 * A plain parameter object (not null, not an array).
 * @example checkParams({ n: 3 }); // => { n: 3 }
 */
export function checkParams(x: unknown, name = "params"): Record<string, unknown> {
  if (typeof x !== "object" || x === null || Array.isArray(x)) {
    throw new TypeError(`${name} must be an object of named parameters`);
  }
  return x as Record<string, unknown>;
}

/**
 * S0 in [0, 1] and, since S0 = ||p||^2 >= 1/|supp p|, also S0 >= 1/support (up to a relative
 * slack of 1e-12 for rounding). Returns [S0, support].
 * @example checkS0AndSupport(0.38, 3); // => [0.38, 3]
 */
export function checkS0AndSupport(S0: unknown, support: unknown, prefix = ""): [number, number] {
  const s0 = checkProbability(S0, `${prefix}S0`);
  const sup = checkIntegerAtLeast(support, `${prefix}support`, 1);
  if (s0 < (1 / sup) * (1 - S0_SUPPORT_SLACK)) {
    throw new RangeError(`${prefix}S0 must be >= 1/support = ${1 / sup} (S0 = ||p||^2 >= 1/|supp p|), got ${s0}`);
  }
  return [s0, sup];
}
