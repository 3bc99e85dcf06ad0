/**
 * Initial distributions p = p^(0) for the recursive-training loops, and a dispatcher that builds
 * one from a plain JSON-serialisable spec (what the CLI's --init, --s, --support, --S0 give).
 */
import type { Rng } from "../rng/index.ts";
import { checkChoice } from "../validate.ts";
import { targetS0 } from "./targetS0.ts";
import { uniform } from "./uniform.ts";

export { uniform } from "./uniform.ts";
export { targetS0, geometricRateForS0, geometricSquaredNorm } from "./targetS0.ts";
export { withSupport, checkSupport } from "./withSupport.ts";

/** The kinds of initial distribution `initialDistribution` can build. */
export const INIT_KINDS = ["uniform", "zipf", "dirichlet", "target", "json", "corpus"] as const;
export type InitKind = (typeof INIT_KINDS)[number];

/** A plain description of p^(0). Fields a kind does not use are ignored. */
export interface InitSpec {
  kind: InitKind;
  /** Vocabulary size. */
  s: number;
  /** s~: number of tokens with positive probability (the first `support` tokens); default s. */
  support?: number;
  /** Target ||p||_2^2 for kind "target". */
  S0?: number;
  /** Zipf exponent or Dirichlet concentration. */
  a?: number;
  /** JSON file for kind "json". */
  file?: string;
}

/**
 * Builds p^(0) from a spec: "uniform" (uniform on support), "target" (geometric p with
 * ||p||_2^2 = S0 on support, see targetS0), "zipf" (p_i ∝ (i+1)^-a), "dirichlet" (symmetric
 * Dirichlet(a) draw, needs rng), "json" (a file), "corpus" (tiny Shakespeare character unigram, s = 65).
 * @example initialDistribution({ kind: "target", s: 600, support: 52, S0: 0.1 }); // => 600 entries, 52 positive
 */
export function initialDistribution(spec: InitSpec, rng?: Rng): Float64Array {
  if (spec === null || typeof spec !== "object") throw new TypeError("spec must be an object");
  const kind = checkChoice(spec.kind, "init", INIT_KINDS);
  switch (kind) {
    case "uniform":
      return uniform(spec.s, spec.support);
    case "target":
      if (spec.S0 === undefined) throw new TypeError("S0 must be given for init = target");
      return targetS0(spec.s, spec.support ?? spec.s, spec.S0);
    default:
      throw new RangeError(`init = ${kind} is not available yet`);
  }
}
