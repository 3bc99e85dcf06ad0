/**
 * Per-token frequencies p_i^(m) of a few chosen tokens, which RunRecord does not keep: read
 * through simulateRun's observer and attached to each record, so that meanAtGenerations and the
 * proportion checks can pick them like any other measure. A simulator that never calls the
 * observer makes `tokenFrequency` throw (the check then comes out inconclusive, never "holds").
 */
import type { RunRecord } from "../../loops/index.ts";
import type { Implementation } from "../implementation.ts";

interface WithFrequencies {
  tokenFrequencies: (Float64Array | undefined)[];
}

/**
 * An implementation whose runs carry p_{tokens[j]}^(m) for m = 0..M (m = 0: p^(0) itself);
 * everything else is `impl`'s.
 * @example tokenFrequency(withTokenFrequencies(reference, [0], [0.5, 0.5]).simulateRun(rng, config), 3, 0); // => p_0^(3)
 */
export function withTokenFrequencies(impl: Implementation, tokens: readonly number[], p0: ArrayLike<number>): Implementation {
  const position = new Int32Array(p0.length).fill(-1);
  tokens.forEach((t, j) => (position[t] = j));
  return {
    ...impl,
    simulateRun(rng, config) {
      const freqs: (Float64Array | undefined)[] = [Float64Array.from(tokens, (t) => p0[t])];
      const rec = impl.simulateRun(rng, config, (m, model) => {
        const v = new Float64Array(tokens.length);
        for (let j = 0; j < model.k; j++) {
          const at = position[model.ids[j]];
          if (at >= 0) v[at] = model.counts[j] / model.total;
        }
        freqs[m] = v;
      });
      return Object.assign(rec, { tokenFrequencies: freqs });
    },
  };
}

/** p_{tokens[j]}^(m) of a run made by `withTokenFrequencies`. */
export function tokenFrequency(rec: RunRecord, m: number, j: number): number {
  const v = (rec as RunRecord & Partial<WithFrequencies>).tokenFrequencies?.[m];
  if (v === undefined) throw new Error(`the simulator did not report generation ${m} to its observer`);
  return v[j];
}

/** Indices of the `count` most probable tokens of p, most probable first. */
export function topTokens(p: ArrayLike<number>, count: number): number[] {
  return Array.from(p, (_, i) => i)
    .sort((a, b) => p[b] - p[a] || a - b)
    .slice(0, count);
}
