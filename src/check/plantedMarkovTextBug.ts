/**
 * A planted bug for the Markov-text loop (plantedBugs.ts): the (context, next token) pairs read off
 * by one position. The text is written correctly with the current models, but token y_i is counted
 * under the context of the PREVIOUS position x_{i-1} (the first token under x_1), as when the
 * context variable is advanced before the pair is stored. The counts n_j keep their law up to one
 * position; what each context is refit on does not. A plain dense re-implementation of
 * simulateMarkovText (same record, same options) with only that change.
 */
import { checkMarkovTextConfig, type MarkovTextConfig, type MultiContextRecord } from "../loops/index.ts";
import type { Rng } from "../rng/index.ts";
import { categorical } from "../sample/index.ts";

function isDirac(p: Float64Array): boolean {
  let k = 0;
  for (const v of p) if (v > 0) k++;
  return k === 1;
}

function sigmaOf(p: Float64Array): number {
  let s = 0;
  for (const v of p) s += v * v;
  return s;
}

/** simulateMarkovText with every token counted under the previous position's context. */
export function markovTextContextsOffByOne(rng: Rng, config: MarkovTextConfig): MultiContextRecord {
  const cfg = checkMarkovTextConfig(config);
  const { s, shift, contextIds, textLength: L } = cfg;
  const c = contextIds.length;
  const indexOf = new Map<number, number>();
  contextIds.forEach((id, i) => indexOf.set(id, i));
  const models = cfg.tables.map((t) => Float64Array.from(t));
  const contextT: (number | null)[] = new Array(c).fill(null);
  const collapsedCount = () => models.filter(isDirac).length;
  const meanSigma = () => models.reduce((a, p) => a + sigmaOf(p), 0) / c;
  const rec: MultiContextRecord = {
    contexts: c,
    T: null,
    contextT,
    generations: 0,
    contextsVisited: [0],
    meanSigma: [meanSigma()],
    fractionCollapsed: [collapsedCount() / c],
    meanCount: [0],
    ...(cfg.recordContexts ? { contextSigma: models.map((p) => [sigmaOf(p)]), contextCount: models.map(() => [0]) } : {}),
  };
  for (let m = 1; m <= cfg.generations; m++) {
    const counts = models.map(() => new Float64Array(s));
    let j = categorical(rng, cfg.start);
    let previous = j;
    for (let i = 0; i < L; i++) {
      const y = categorical(rng, models[j]);
      counts[previous][y] += 1; // the bug: should be counts[j][y]
      previous = j;
      if (cfg.contextLength > 0) {
        const next = indexOf.get((contextIds[j] % shift) * s + y);
        j = next === undefined ? categorical(rng, cfg.start) : next;
      }
    }
    let visited = 0;
    counts.forEach((row, v) => {
      const n = row.reduce((a, b) => a + b, 0);
      rec.contextCount?.[v].push(n);
      if (n === 0) return;
      visited++;
      models[v] = Float64Array.from(row, (x) => x / n);
      if (isDirac(models[v]) && contextT[v] === null) contextT[v] = m;
    });
    if (m === 1) models.forEach((p, v) => isDirac(p) && contextT[v] === null && (contextT[v] = 1));
    models.forEach((p, v) => rec.contextSigma?.[v].push(sigmaOf(p)));
    const collapsed = collapsedCount();
    rec.contextsVisited.push(visited);
    rec.meanCount.push(L / visited);
    rec.fractionCollapsed.push(collapsed / c);
    rec.meanSigma.push(meanSigma());
    rec.generations = m;
    if (collapsed === c) {
      if (rec.T === null) rec.T = m;
      if (cfg.stopAtCollapse) break;
    }
  }
  return rec;
}
