import type { Rng } from "../rng/index.ts";
import { logGammaVariateUnchecked } from "../sample/gamma.ts";
import { checkFinite } from "../validate.ts";
import { checkSupport } from "./withSupport.ts";

/**
 * A draw from the symmetric Dirichlet(a, ..., a) law on the first `support` of s tokens
 * (support defaults to s; the other tokens get 0): p_i = G_i / sum_j G_j with G_i iid Gamma(a, 1).
 * Computed from log G_i (max subtracted), so tiny a does not give 0/0; an entry far below the
 * largest (ratio < 1e-308, likely when a < 0.01) still rounds to 0. E p_i = 1/support,
 * E ||p||_2^2 = (a + 1) / (support a + 1).
 * @example dirichlet(createRng(1), 600, 1, 52); // => 600 entries, first 52 uniform on the simplex
 */
export function dirichlet(rng: Rng, s: number, a: number, support?: number): Float64Array {
  const k = checkSupport(s, support);
  checkFinite(a, "a");
  if (!(a > 0)) throw new RangeError(`a must be > 0, got ${a}`);
  const p = new Float64Array(s);
  let max = -Infinity;
  for (let i = 0; i < k; i++) {
    p[i] = logGammaVariateUnchecked(rng, a);
    if (p[i] > max) max = p[i];
  }
  let z = 0;
  for (let i = 0; i < k; i++) {
    p[i] = Math.exp(p[i] - max);
    z += p[i];
  }
  for (let i = 0; i < k; i++) p[i] /= z;
  return p;
}
