import { checkDistribution, checkIntegerInRange } from "../validate.ts";
import { checkContextSpace } from "./contextId.ts";
import type { CountTable, LanguageModel, PairData } from "./types.ts";

function checkContexts(contexts: unknown, rows: unknown, s: number, l: number, rowName: string): number[] {
  const space = checkContextSpace(s, l);
  if (!Array.isArray(contexts)) throw new TypeError("contexts must be an array of context ids");
  if (!Array.isArray(rows)) throw new TypeError(`${rowName} must be an array with one row per context`);
  if (rows.length !== contexts.length) {
    throw new RangeError(`${rowName} must have one row per context (${contexts.length}), got ${rows.length}`);
  }
  const seen = new Set<number>();
  contexts.forEach((j, i) => {
    checkIntegerInRange(j, `contexts[${i}]`, 0, space - 1);
    if (seen.has(j)) throw new RangeError(`contexts[${i}] repeats context id ${j}`);
    seen.add(j);
  });
  return contexts;
}

/** Validates a LanguageModel: ids distinct in [0, s^l), each table a probability vector of length s. */
export function checkLanguageModel(model: LanguageModel, name = "model"): LanguageModel {
  if (model === null || typeof model !== "object") throw new TypeError(`${name} must be a language model object`);
  const { s, contextLength: l } = model;
  checkContexts(model.contexts, model.tables, s, l, `${name}.tables`);
  model.tables.forEach((t, i) => {
    checkDistribution(t, `${name}.tables[${i}]`);
    if (t.length !== s) throw new RangeError(`${name}.tables[${i}] must have length s = ${s}, got ${t.length}`);
  });
  return model;
}

/** Validates a CountTable: ids distinct in [0, s^l), each row s non-negative integers. */
export function checkCountTable(table: CountTable, name = "counts"): CountTable {
  if (table === null || typeof table !== "object") throw new TypeError(`${name} must be a count table object`);
  const { s, contextLength: l } = table;
  checkContexts(table.contexts, table.counts, s, l, `${name}.counts`);
  table.counts.forEach((row, i) => {
    if (row.length !== s) throw new RangeError(`${name}.counts[${i}] must have length s = ${s}, got ${row.length}`);
    for (let k = 0; k < s; k++) {
      const v = row[k];
      if (typeof v !== "number" || !Number.isInteger(v)) throw new TypeError(`${name}.counts[${i}][${k}] must be an integer, got ${v}`);
      if (v < 0) throw new RangeError(`${name}.counts[${i}][${k}] must be >= 0, got ${v}`);
    }
  });
  return table;
}

/** Validates PairData and tallies it into a CountTable (contexts in increasing id order). */
export function pairsToCounts(data: PairData, name = "data"): CountTable {
  if (data === null || typeof data !== "object") throw new TypeError(`${name} must be a dataset object`);
  const { s, contextLength: l, x, y } = data;
  const space = checkContextSpace(s, l);
  if (x.length !== y.length) throw new RangeError(`${name}.y must have the length of ${name}.x (${x.length}), got ${y.length}`);
  const rows = new Map<number, Float64Array>();
  for (let i = 0; i < x.length; i++) {
    const j = checkIntegerInRange(x[i], `${name}.x[${i}]`, 0, space - 1);
    const k = checkIntegerInRange(y[i], `${name}.y[${i}]`, 0, s - 1);
    let row = rows.get(j);
    if (row === undefined) {
      row = new Float64Array(s);
      rows.set(j, row);
    }
    row[k] += 1;
  }
  const contexts = [...rows.keys()].sort((a, b) => a - b);
  return { s, contextLength: l, contexts, counts: contexts.map((j) => rows.get(j) as Float64Array) };
}

/** A CountTable from either form of the data (validated). */
export function toCounts(data: CountTable | PairData, name = "data"): CountTable {
  if (data !== null && typeof data === "object" && "counts" in data) return checkCountTable(data, name);
  return pairsToCounts(data as PairData, name);
}
