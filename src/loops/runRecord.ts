/**
 * What one simulated run records: per generation m = 0..M (index m; entry 0 is p^(0) itself)
 * the measures of p^(m), and the collapse time T. Plain JSON-serialisable data.
 */
export interface RunRecord {
  /** First m >= 1 with ||p^(m)||_inf = 1, null if none within the horizon (Sect. 3). */
  T: number | null;
  /** Token i of the Dirac mass delta_i reached at T (Proposition 1), null if not collapsed. */
  collapsedTo: number | null;
  /** Last generation simulated (the horizon, or T when stopping at collapse). */
  generations: number;
  /** n^(m), the training-set size of generation m (0 for m = 0). */
  trainingSize: number[];
  /** sigma_m = ||p^(m)||_2^2. */
  sigma: number[];
  /** ||p^(m)||_inf. */
  supNorm: number[];
  /** ||p^(m) - p^(0)||_1. */
  l1ToP0: number[];
  /** ||p^(m) - p^(1)||_1. */
  l1ToP1: number[];
  /** ||p^(m) - p^(0)||_2. */
  l2ToP0: number[];
  /** ||p^(m) - p^(1)||_2. */
  l2ToP1: number[];
  /** ||p^(m) - p^(0)||_2^2 (E of it is S_m - S_0 in fully-synthetic). */
  l2SquaredToP0: number[];
  /** ||p^(m) - p^(1)||_2^2 (E of it is S_m - S_1 in partially-synthetic). */
  l2SquaredToP1: number[];
  /** Entropy of p^(m) in nats. */
  entropy: number[];
  /** |supp(p^(m))|. */
  supportSize: number[];
}

/** The per-generation series of a RunRecord (index m = 0..generations), by field name. */
export const RUN_SERIES = [
  "trainingSize",
  "sigma",
  "supNorm",
  "l1ToP0",
  "l1ToP1",
  "l2ToP0",
  "l2ToP1",
  "l2SquaredToP0",
  "l2SquaredToP1",
  "entropy",
  "supportSize",
] as const satisfies ReadonlyArray<keyof RunRecord>;
