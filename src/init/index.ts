/**
 * Initial distributions p = p^(0) for the recursive-training loops, and a dispatcher that builds
 * one from a plain JSON-serialisable spec (what the CLI's --init, --s, --support, --S0 give).
 */
import type { Rng } from "../rng/index.ts";
import { checkChoice } from "../validate.ts";
import { dirichlet } from "./dirichlet.ts";
import { fromCorpus, readCorpus } from "./fromCorpus.ts";
import { fromJson } from "./fromJson.ts";
import { targetS0 } from "./targetS0.ts";
import { uniform } from "./uniform.ts";
import { withSupport } from "./withSupport.ts";
import { zipf } from "./zipf.ts";

export { uniform } from "./uniform.ts";
export { targetS0, zipfExponentForS0 } from "./targetS0.ts";
export { zipf } from "./zipf.ts";
export { withSupport, checkSupport, accurateSum } from "./withSupport.ts";
export { dirichlet } from "./dirichlet.ts";
export { fromJson, parseDistribution } from "./fromJson.ts";
export { fromCorpus, readCorpus, characterTokens, CORPUS_PATH, type CorpusModel } from "./fromCorpus.ts";

/** The kinds of initial distribution `initialDistribution` can build. */
export const INIT_KINDS = ["uniform", "zipf", "dirichlet", "target", "json", "corpus"] as const;
export type InitKind = (typeof INIT_KINDS)[number];

/** A plain description of p^(0). Fields a kind does not use are ignored. */
export interface InitSpec {
  kind: InitKind;
  /** Vocabulary size s ("json": at least the file's length; "corpus": the alphabet size, 65). */
  s: number;
  /** s~: number of tokens with positive probability (the first `support` tokens); default s. */
  support?: number;
  /** Target ||p||_2^2 for kind "target". */
  S0?: number;
  /** Zipf exponent or Dirichlet concentration. */
  a?: number;
  /** JSON file for kind "json"; corpus file for kind "corpus" (default data/tinyshakespeare.txt). */
  file?: string;
}

/**
 * Builds p^(0) from a spec. Kinds: "uniform" (1/support on the first support tokens); "target"
 * (the Zipf law with ||p||_2^2 = S0 on the support, see targetS0; needs S0); "zipf" (p_i ∝ (i+1)^-a,
 * needs a); "dirichlet" (a symmetric Dirichlet(a) draw, needs a and rng); "json" (the file's
 * vector, zero-padded to s when shorter; support is ignored); "corpus" (the unigram character
 * distribution of tiny Shakespeare, data/tinyshakespeare.txt, or of `file` when given; s must equal
 * the alphabet size, 65). Fields a kind does not use are ignored.
 * @example initialDistribution({ kind: "target", s: 600, support: 52, S0: 0.1 }); // => 600 entries, 52 positive, sum p_i^2 = 0.1
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
    case "zipf":
      if (spec.a === undefined) throw new TypeError("a must be given for init = zipf");
      return zipf(spec.s, spec.a, spec.support);
    case "dirichlet":
      if (spec.a === undefined) throw new TypeError("a must be given for init = dirichlet");
      if (rng === undefined) throw new TypeError("rng must be given for init = dirichlet");
      return dirichlet(rng, spec.s, spec.a, spec.support);
    case "json": {
      if (spec.file === undefined) throw new TypeError("file must be given for init = json");
      const p = fromJson(spec.file);
      if (spec.s !== undefined && spec.s !== p.length) {
        if (!(Number.isInteger(spec.s) && spec.s > p.length)) {
          throw new RangeError(`s must be >= the length of the vector in ${spec.file} (${p.length}), got ${spec.s}`);
        }
        return withSupport(p, spec.s);
      }
      return p;
    }
    case "corpus": {
      const p = fromCorpus(readCorpus(spec.file), 0).model.tables[0];
      if (spec.s !== undefined && spec.s !== p.length) {
        throw new RangeError(`s must equal the corpus alphabet size ${p.length} for init = corpus, got ${spec.s}`);
      }
      return p;
    }
  }
}
