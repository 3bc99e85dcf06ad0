/**
 * What `simulate` will hold in memory and write, estimated from its options before any work, and
 * the checks that refuse what cannot fit (see resourceLimits.ts). The byte counts per item were
 * measured on Node 20 (the comments give the measurement) and rounded up.
 */
import { checkArrayLength, checkMemory, checkOutputSize, formatBytes, type MemoryLimit, memoryLimit, type OutputEstimate } from "./resourceLimits.ts";

/** Per token of p^(0): the vector, its copy in the output and the engine's buffers (measured 85-125 bytes at s = 4e6). */
export const BYTES_PER_TOKEN = 128;
/** Per generation of a run's record: 11 series of doubles in arrays grown by 1.5x (measured about 130). */
export const RECORD_BYTES_PER_GENERATION = 136;
/** Per generation of a multi-context or Markov-text record: 4 series. */
export const CONTEXT_RECORD_BYTES_PER_GENERATION = 56;
/** Per run: the record's objects and fields. */
export const BYTES_PER_RUN = 1024;
/** Per (context, token) entry of the multi-context and Markov-text models: the table and its counts. */
export const BYTES_PER_TABLE_ENTRY = 32;
/** Per token of text generated per generation (Markov-text mode). */
export const BYTES_PER_TEXT_TOKEN = 8;
/** JSON (or CSV) characters per generation of a run: 11 numbers (measured 186). */
export const JSON_BYTES_PER_GENERATION = 220;
/** JSON (or CSV) characters per generation of a multi-context record: 4 numbers. */
export const CONTEXT_JSON_BYTES_PER_GENERATION = 80;
/** JSON characters per token of p^(0) (its values). */
export const JSON_BYTES_PER_TOKEN = 24;

/** The options the estimates read, as parsed (null where not known before p^(0) is built). */
export interface SimulatePlan {
  setting: string;
  /** Vocabulary size, null when it comes from a file (--init json or corpus). */
  s: number | null;
  n: number;
  runs: number;
  generations: number;
  stopAtCollapse: boolean;
  /** --contexts (independent chains), null if not given. */
  contexts: number | null;
  /** --context-length (the Markov-text mode), null if not given. */
  contextLength: number | null;
  /** --text-length, null if not given. */
  textLength: number | null;
}

/**
 * Generations a run records on average, plus one (m = 0): the horizon, or for fully-synthetic
 * runs stopped at collapse about 2n (Kimura-Ohta: E[T] ~ -2n sum (1 - p_i) ln(1 - p_i) < 2n),
 * counted as 4n, times 1 + ln c for c contexts that must all collapse.
 * @example recordedGenerations({ setting: "fully-synthetic", s: 600, n: 10, runs: 100, generations: 100000, stopAtCollapse: true, contexts: null, contextLength: null, textLength: null }); // => 41
 */
export function recordedGenerations(plan: SimulatePlan): number {
  if (!plan.stopAtCollapse || plan.contextLength !== null) return plan.generations + 1;
  const chains = plan.contexts ?? 1;
  return Math.min(plan.generations, Math.ceil(4 * plan.n * (1 + Math.log(chains)))) + 1;
}

function multiContext(plan: SimulatePlan): boolean {
  return plan.contextLength !== null || (plan.contexts ?? 1) > 1;
}

/** Bytes of memory the records and models of a simulation need. */
export function simulateMemory(plan: SimulatePlan): { tokens: number; records: number } {
  const c = plan.contexts ?? 1;
  const tokens = (plan.s ?? 0) * (c > 1 ? c * BYTES_PER_TABLE_ENTRY + BYTES_PER_TOKEN : BYTES_PER_TOKEN) + (plan.textLength ?? 0) * BYTES_PER_TEXT_TOKEN;
  const perGeneration = multiContext(plan) ? CONTEXT_RECORD_BYTES_PER_GENERATION : RECORD_BYTES_PER_GENERATION;
  const records = plan.runs * (BYTES_PER_RUN + 8 * c + recordedGenerations(plan) * perGeneration);
  return { tokens, records };
}

function runsInWords(plan: SimulatePlan): string {
  const g = recordedGenerations(plan);
  const untilCollapse = plan.stopAtCollapse && plan.contextLength === null;
  const runs = `${plan.runs} run${plan.runs === 1 ? "" : "s"}`;
  if (!untilCollapse) return `${runs} of ${g} generations`;
  if (g <= plan.generations) return `${runs} of about ${g} generations (fully-synthetic runs last about 2n generations, n = ${plan.n})`;
  return `${runs} of ${g} generations (fully-synthetic runs last about 2n = ${2 * plan.n} generations, more than the horizon ${plan.generations})`;
}

/**
 * Refuses, before p^(0) is built, options whose records and models cannot fit in memory, and a
 * horizon longer than an array holds. A UsageError naming the option that dominates.
 */
export function checkSimulateMemory(plan: SimulatePlan, limit: MemoryLimit = memoryLimit()): void {
  // Runs stopped at collapse are shorter than the horizon; 10 times their mean length is a
  // length they do not reach in practice (the tail of T is geometric).
  const longest = plan.stopAtCollapse && plan.contextLength === null ? Math.min(plan.generations, 10 * (recordedGenerations(plan) - 1)) : plan.generations;
  checkArrayLength(longest + 1, "generations", "each recorded series (m = 0..generations)", "use a smaller --generations");
  const { tokens, records } = simulateMemory(plan);
  if (tokens >= records) {
    const c = plan.contexts ?? 1;
    const option = plan.textLength !== null && plan.textLength * BYTES_PER_TEXT_TOKEN > tokens / 2 ? "text-length" : c > 1 ? "contexts" : "s";
    const what =
      option === "text-length"
        ? `texts of ${plan.textLength} tokens per generation`
        : `p^(0) and the engine's buffers for s = ${plan.s}${c > 1 ? ` tokens in each of ${c} contexts` : " tokens"}`;
    checkMemory(tokens + records, option, what, `use a smaller --${option}`, limit);
  } else {
    const remedy = plan.stopAtCollapse && plan.contextLength === null ? "use fewer --runs, a smaller --n or a smaller --generations" : "use fewer --runs or a smaller --generations";
    checkMemory(tokens + records, "runs", `the records of ${runsInWords(plan)}`, remedy, limit);
  }
}

/**
 * Refuses outputs larger than the free space where they go, or than one engine string when the
 * writer builds them as one (`asOneString`), once p^(0) is known (`s`).
 */
export function checkSimulateOutputs(plan: SimulatePlan & { s: number }, outputs: { out: string; csv?: string; asOneString: boolean }, freeBytes?: (path: string) => number | null): void {
  const perGeneration = multiContext(plan) ? CONTEXT_JSON_BYTES_PER_GENERATION : JSON_BYTES_PER_GENERATION;
  const rows = plan.runs * recordedGenerations(plan);
  const what = `${runsInWords(plan)}${plan.s > 1e5 ? ` and s = ${plan.s} tokens` : ""}`;
  const remedy = "use fewer --runs or a smaller --generations";
  const files: OutputEstimate[] = [
    { path: outputs.out, option: "out", bytes: rows * perGeneration + plan.s * JSON_BYTES_PER_TOKEN + plan.runs * 300, what, remedy, asOneString: outputs.asOneString },
  ];
  if (outputs.csv !== undefined) files.push({ path: outputs.csv, option: "csv", bytes: rows * perGeneration, what: runsInWords(plan), remedy, asOneString: outputs.asOneString });
  for (const f of files) checkOutputSize(f, freeBytes);
}

/** The simulate-specific lines of the limits paragraph of --help. */
export const SIMULATE_LIMITS_HELP = `  estimates  per run and generation about ${RECORD_BYTES_PER_GENERATION} bytes of memory and ${JSON_BYTES_PER_GENERATION} of JSON (11
             numbers); per token of p^(0) ${BYTES_PER_TOKEN} bytes; fully-synthetic runs stopped at collapse
             are counted as 4n generations (E[T] < 2n). The defaults need about ${formatBytes(100 * (BYTES_PER_RUN + 41 * RECORD_BYTES_PER_GENERATION))}.
`;
