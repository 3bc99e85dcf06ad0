/**
 * The recursive-training settings of the paper's Eq (5), by name, with one line each for help
 * texts and reports. "partially-synthetic-fresh" and "accumulate" are NOT in the paper.
 */
export const SETTINGS = [
  "fully-synthetic",
  "partially-synthetic",
  "partially-synthetic-fresh",
  "most-recent",
  "randomly-sampled",
  "accumulate",
] as const;

export type Setting = (typeof SETTINGS)[number];

/** What generation m >= 1 trains on, per setting (paper's wording where it has one). */
export const SETTING_DESCRIPTIONS: Record<Setting, string> = {
  "fully-synthetic":
    "n_t^(m) = n 1{t = m-1}: n samples from the previous model only; p^(1) is trained on n real samples (Sect. 2.2, Theorem 1).",
  "partially-synthetic":
    "n_0^(m) = N (the SAME N real samples every generation) plus n_{m-1}^(m) = n from the previous model for m >= 2; alpha = n/(N+n) (Sect. 2.2, Theorems 2-4).",
  "partially-synthetic-fresh":
    "NOT in the paper: as partially-synthetic, but N FRESH real samples drawn from p^(0) every generation.",
  "most-recent":
    "n_t^(m) = floor(n/K) 1{max(0, m-K) <= t <= m-1}: floor(n/K) from each of the K most recent models; for m <= K the window holds the real data t = 0 and n^(m) = m floor(n/K) < n (Sect. 4.2, taken literally; a window larger than the history simply covers t = 0..m-1). K = 1 is fully-synthetic.",
  "randomly-sampled":
    "each of the n samples comes from generation g ~ Uniform{0, ..., m-1}, so (n_0^(m), ..., n_{m-1}^(m)) ~ Multinomial(n; 1/m, ..., 1/m); t = 0 is the real corpus (Sect. 4.2).",
  accumulate:
    "NOT in the paper (Gerstgrasser et al. 2024, 'Is model collapse inevitable?'): all data kept; generation m trains on the N real samples plus the n samples each earlier model 1..m-1 generated when it was current.",
};
