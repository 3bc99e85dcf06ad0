/**
 * What one multi-context run records: per generation m = 0..M (index m) aggregates over the c
 * contexts, and the per-context collapse times T_j. Plain JSON-serialisable data.
 */
export interface MultiContextRecord {
  /** c, the number of contexts (with a next-token distribution). */
  contexts: number;
  /** First m >= 1 at which every context's model is a Dirac mass (footnote 1's "all contexts"), else null. */
  T: number | null;
  /** T_j per context: first m >= 1 with ||p_j^(m)||_inf = 1, null if not within the horizon. */
  contextT: (number | null)[];
  /** Last generation simulated. */
  generations: number;
  /** Contexts that received at least one training sample in generation m (0 at m = 0). */
  contextsVisited: number[];
  /** Mean of sigma_{j,m} = ||p_j^(m)||_2^2 over all contexts. */
  meanSigma: number[];
  /** Fraction of contexts whose model is a Dirac mass. */
  fractionCollapsed: number[];
  /** Mean n_j^(m) over the contexts visited in generation m (0 at m = 0). */
  meanCount: number[];
  /** Only with the config's `recordContexts`: sigma_j^(m) = ||p_j^(m)||_2^2, [j][m] for m = 0..generations. */
  contextSigma?: number[][];
  /** Only with the config's `recordContexts`: n_j^(m), the pairs context j was trained on in generation m, [j][m] (0 at m = 0). */
  contextCount?: number[][];
}
