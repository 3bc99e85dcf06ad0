/**
 * The collapse time of a trajectory: T = inf{m >= 1 : ||p^(m)||_inf = 1}, from the sup norms
 * supNorms[m] for m = 0..M; null if no m in 1..M has supNorm 1 (not collapsed within the horizon).
 * Entry 0 (p^(0)) is ignored: T >= 1 by definition. Source: Sect. 3, T and rho_m = P(T <= m).
 * @example collapseTimeOf([0.5, 0.8, 1, 1]); // => 2
 */
export function collapseTimeOf(supNorms: ArrayLike<number>): number | null {
  for (let m = 1; m < supNorms.length; m++) if (supNorms[m] === 1) return m;
  return null;
}
