import { checkSupport } from "./withSupport.ts";

/**
 * The uniform distribution on the first `support` of s tokens (support defaults to s).
 * Formula: p_i = 1/support for i < support, else 0; ||p||_2^2 = 1/support.
 * @example uniform(4, 2); // => Float64Array [0.5, 0.5, 0, 0]
 */
export function uniform(s: number, support?: number): Float64Array {
  const k = checkSupport(s, support);
  const p = new Float64Array(s);
  p.fill(1 / k, 0, k);
  return p;
}
