/**
 * Exact second moments of every recursive-training setting (Eq 5), at any s, n, N, K and M:
 *   S_m = E||p^(m)||_2^2,  E||p^(m) - p^(0)||_2^2,  E||p^(m) - p^(1)||_2^2   (m = 0..M).
 * Derivation (docs/second-moments.md): write u_0 for the source of real samples (the corpus's
 * empirical distribution q, or p itself when real data is drawn fresh) and u_m = p^(m), and let
 * C(a, b) = E<u_a, u_b>. Given the history, k draws from u_t have an empirical e with
 * E[e] = u_t and E<e, e> = 1/k + (1 - 1/k) <u_t, u_t>; two blocks of one generation are
 * independent given the history. So a generation p^(m) = sum_b w_b e_b (w_b = k_b / n^(m)) gives
 *   C(m, a) = sum_b w_b C(t_b, a)  (a < m),
 *   C(m, m) = sum_{b != b'} w_b w_b' C(t_b, t_b') + sum_b w_b^2 self_b,
 * with self_b = 1/k + (1 - 1/k) C(t, t) for k draws from u_t, C(t, t) for a block that is u_t
 * itself (the whole corpus; accumulate's kept data, p^(m-1)), and C(0, 0) + (1 - C(0, 0))(c - k)/(k(c - 1))
 * for k of the c corpus samples taken without replacement. Randomly Sampled averages over its
 * Multinomial(n; 1/m, ..., 1/m) counts (E[k_t k_t'] = n(n - 1)/m^2, E[k_t] = n/m). Every p^(m) is
 * unbiased (E p^(m) = p, Sect. 2.2), so E<p^(m), p> = S_0 and
 *   E||p^(m) - p||^2 = C(m, m) - S_0,  E||p^(m) - p^(1)||^2 = C(m, m) - 2 C(m, 1) + C(1, 1).
 * The corpus: C(0, 0) = 1/c + (1 - 1/c) S_0 for c real samples drawn once, S_0 when fresh.
 * Cost O(M^2) (Randomly Sampled O(M^3)), independent of s.
 * Source: the schedules of Sect. 2.2 and 4.2 (src/loops/settings.ts); reduces to Eq (6) for Fully
 * Synthetic and to Theorem 2 / spec 4.3 for Partially Synthetic (checked in the tests).
 */
import { checkChoice, checkIntegerAtLeast, checkProbability } from "../validate.ts";
import { checkParams } from "./params.ts";

export const id = "setting-second-moments";

/** The settings of src/loops/settings.ts (repeated here so that this file stays independent of the simulator). */
export type SecondMomentSetting =
  | "fully-synthetic"
  | "partially-synthetic"
  | "partially-synthetic-fresh"
  | "most-recent"
  | "randomly-sampled"
  | "accumulate";

const SETTINGS: readonly SecondMomentSetting[] = [
  "fully-synthetic",
  "partially-synthetic",
  "partially-synthetic-fresh",
  "most-recent",
  "randomly-sampled",
  "accumulate",
];

export interface SecondMomentParams {
  setting: SecondMomentSetting;
  /** Synthetic samples per generation. */
  n: number;
  /** Real samples (partially-synthetic, accumulate). */
  N?: number;
  /** Window (most-recent). */
  K?: number;
  /** S_0 = ||p||_2^2. */
  S0: number;
  /** Horizon: values for m = 0..M. */
  M: number;
  /** Real samples drawn afresh at every use instead of one fixed corpus (default false). */
  freshReal?: boolean;
}

export interface SecondMoments {
  /** S_m = E||p^(m)||_2^2, m = 0..M. */
  S: number[];
  /** E||p^(m) - p^(0)||_2^2, m = 0..M. */
  l2SquaredToP0: number[];
  /** E||p^(m) - p^(1)||_2^2, m = 0..M (m = 0: E||p - p^(1)||^2). */
  l2SquaredToP1: number[];
}

/** One block of a generation's training data: k samples of source t, drawn or taken whole. */
interface Block {
  t: number;
  k: number;
  /** "draw": k i.i.d. draws from u_t; "whole": u_t itself; "subset": k of the c corpus samples without replacement. */
  how: "draw" | "whole" | "subset";
}

/**
 * Exact S_m and expected squared L2 distances to p^(0) and p^(1) for m = 0..M.
 * @example settingSecondMoments({ setting: "fully-synthetic", n: 10, S0: 0.5, M: 1 }).S; // => [0.5, 0.55]
 */
export function settingSecondMoments(params: SecondMomentParams): SecondMoments {
  const o = checkParams(params);
  const setting = checkChoice(o.setting, "setting", SETTINGS);
  const n = checkIntegerAtLeast(o.n, "n", 1);
  const S0 = checkProbability(o.S0, "S0");
  const M = checkIntegerAtLeast(o.M, "M", 1);
  const fresh = o.freshReal === undefined ? setting === "partially-synthetic-fresh" : Boolean(o.freshReal) || setting === "partially-synthetic-fresh";
  const usesN = setting === "partially-synthetic" || setting === "partially-synthetic-fresh" || setting === "accumulate";
  const N = usesN ? checkIntegerAtLeast(o.N ?? (setting === "accumulate" ? n : undefined), "N", 1) : 0;
  const K = setting === "most-recent" ? checkIntegerAtLeast(o.K, "K", 1) : 1;
  if (setting === "most-recent" && K > n) throw new RangeError(`K must be <= n (floor(n/K) samples per model), got K = ${K}, n = ${n}`);
  const corpus = setting === "most-recent" ? Math.floor(n / K) : usesN ? N : n;

  // C[a][b] = E<u_a, u_b>, u_0 the real source, u_m = p^(m).
  const C: number[][] = Array.from({ length: M + 1 }, () => new Array<number>(M + 1).fill(0));
  C[0][0] = fresh ? S0 : 1 / corpus + (1 - 1 / corpus) * S0;
  const realBlock = (k: number): Block => ({ t: 0, k, how: fresh ? "draw" : k === corpus ? "whole" : "subset" });
  const self = (b: Block): number => {
    const c = C[b.t][b.t];
    if (b.how === "whole") return c;
    if (b.how === "draw") return 1 / b.k + (1 - 1 / b.k) * c;
    return c + ((1 - c) * (corpus - b.k)) / (b.k * (corpus - 1));
  };
  const setFromBlocks = (m: number, blocks: Block[]): void => {
    const total = blocks.reduce((acc, b) => acc + b.k, 0);
    const w = blocks.map((b) => b.k / total);
    for (let a = 0; a < m; a++) {
      let v = 0;
      blocks.forEach((b, i) => (v += w[i] * C[b.t][a]));
      C[m][a] = C[a][m] = v;
    }
    let v = 0;
    blocks.forEach((b, i) =>
      blocks.forEach((b2, j) => {
        v += w[i] * w[j] * (i === j ? self(b) : C[b.t][b2.t]);
      }),
    );
    C[m][m] = v;
  };

  for (let m = 1; m <= M; m++) {
    switch (setting) {
      case "fully-synthetic":
        setFromBlocks(m, m === 1 ? [realBlock(n)] : [{ t: m - 1, k: n, how: "draw" }]);
        break;
      case "partially-synthetic":
      case "partially-synthetic-fresh":
        setFromBlocks(m, m === 1 ? [realBlock(N)] : [realBlock(N), { t: m - 1, k: n, how: "draw" }]);
        break;
      case "most-recent": {
        const blocks: Block[] = [];
        for (let t = Math.max(0, m - K); t <= m - 1; t++) blocks.push(t === 0 ? realBlock(corpus) : { t, k: corpus, how: "draw" });
        setFromBlocks(m, blocks);
        break;
      }
      case "accumulate":
        // All data kept: p^(m) = (1 - l) p^(m-1) + l e_m, l = n/(N + (m-1) n), e_m ~ n draws from p^(m-1).
        if (m === 1) setFromBlocks(1, [realBlock(N)]);
        else setFromBlocks(m, [{ t: m - 1, k: N + (m - 2) * n, how: "whole" }, { t: m - 1, k: n, how: "draw" }]);
        break;
      case "randomly-sampled":
        setRandomlySampled(C, m, n, corpus, fresh);
        break;
    }
  }
  const S = C.map((row, m) => (m === 0 ? S0 : row[m]));
  return {
    S,
    l2SquaredToP0: S.map((s, m) => (m === 0 ? 0 : Math.max(0, s - S0))),
    l2SquaredToP1: S.map((s, m) => (m === 0 ? Math.max(0, C[1][1] - S0) : Math.max(0, s - 2 * C[m][1] + C[1][1]))),
  };
}

/**
 * Randomly Sampled generation m: counts (k_0..k_{m-1}) ~ Multinomial(n; 1/m, ..., 1/m), block t
 * draws k_t samples from u_t (t = 0: k_0 of the n corpus samples without replacement, or fresh).
 * n^2 C(m, m) = sum_{t != t'} E[k_t k_t'] C(t, t') + sum_t E<X_t, X_t>, E[k_t k_t'] = n(n-1)/m^2,
 * E<X_t, X_t> = E[k_t] + E[k_t (k_t - 1)] C(t, t) for draws (E[k_t(k_t-1)] = n(n-1)/m^2), and
 * E[k_0^2] C(0, 0) + (1 - C(0, 0)) E[k_0 (n - k_0)]/(n - 1) for the corpus (E[k_0 (n - k_0)] = n(n-1)(m-1)/m^2).
 */
function setRandomlySampled(C: number[][], m: number, n: number, corpus: number, fresh: boolean): void {
  const pair = (n * (n - 1)) / (m * m);
  for (let a = 0; a < m; a++) {
    let v = 0;
    for (let t = 0; t < m; t++) v += C[t][a] / m;
    C[m][a] = C[a][m] = v;
  }
  let v = 0;
  for (let t = 0; t < m; t++) {
    for (let u = 0; u < m; u++) if (u !== t) v += pair * C[t][u];
    if (t === 0 && !fresh) {
      const c = C[0][0];
      const k0Squared = (n / m) * (1 - 1 / m) + (n * n) / (m * m);
      v += corpus === 1 ? k0Squared * c : k0Squared * c + ((1 - c) * (n * (n - 1) * (m - 1))) / (m * m * (n - 1));
    } else {
      v += n / m + pair * C[t][t];
    }
  }
  C[m][m] = v / (n * n);
}
