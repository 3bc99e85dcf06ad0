/**
 * How the harness side is timed: whole workloads with process.hrtime.bigint around one call,
 * micro benchmarks with mitata's `measure` (batched iterations, median of the batch means).
 */
import { do_not_optimize, measure } from "mitata";

/**
 * Seconds taken by one call of fn, and its result (kept, so it cannot be optimised away).
 * @example const { seconds } = timeOnce(() => collapseTimes(1, p, 10, 100, 2000));
 */
export function timeOnce<T>(fn: () => T): { seconds: number; value: T } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { seconds, value };
}

/** Async version of timeOnce. */
export async function timeOnceAsync<T>(fn: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { seconds, value };
}

/** Samples mitata takes at least per measurement. */
const MIN_SAMPLES = 12;

/**
 * Seconds per call of fn by mitata (median over its samples), spending about budgetSeconds;
 * fn's results go through do_not_optimize. mitata batches calls under 65 us, 4096 per sample by
 * default; the batch is shrunk here so that MIN_SAMPLES samples fit in the budget.
 * @example await perCall(() => multinomial(rng, 1000, p)[0], 0.2); // => e.g. 4.1e-6
 */
export async function perCall(fn: () => number, budgetSeconds: number): Promise<number> {
  let calls = 0;
  const t0 = process.hrtime.bigint();
  let elapsed = 0;
  while (calls < 3 || (elapsed < 2e-3 && calls < 1e5)) {
    do_not_optimize(fn());
    calls++;
    elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  }
  const estimate = elapsed / calls;
  const batch = Math.max(4, Math.min(4096, 4 * Math.floor(budgetSeconds / MIN_SAMPLES / estimate / 4)));
  const stats = await measure(
    () => {
      do_not_optimize(fn());
    },
    { min_cpu_time: budgetSeconds * 1e9, min_samples: MIN_SAMPLES, warmup_samples: 2, batch_samples: batch },
  );
  return stats.p50 / 1e9;
}
