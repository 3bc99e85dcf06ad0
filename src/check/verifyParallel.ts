/**
 * `verify` spread over worker threads (piscina): one task per check, results gathered in plan
 * order. Byte-identical to the single-thread run for any number of workers.
 */
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { planChecks, verify, type VerifyOptions, type VerifyRecord } from "./verify.ts";
import type { VerifyTask } from "./verifyWorker.ts";

/** Default worker count: the machine's cores, at most 4. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** The worker file and the loader it needs: the .ts source runs under tsx, a build under plain node. */
export function workerSetup(): { filename: string; execArgv: string[] } {
  const ts = import.meta.url.endsWith(".ts");
  return {
    filename: new URL(ts ? "./verifyWorker.ts" : "./verifyWorker.js", import.meta.url).href,
    execArgv: ts ? ["--import", import.meta.resolve("tsx")] : [],
  };
}

export async function verifyParallel(options: VerifyOptions & { workers?: number }): Promise<VerifyRecord[]> {
  const workers = options.workers ?? defaultWorkers();
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be an integer >= 1, got ${workers}`);
  if (workers === 1) return verify(options);
  const plan = planChecks(options);
  const { filename, execArgv } = workerSetup();
  const pool = new Piscina({ filename, execArgv, minThreads: workers, maxThreads: workers, idleTimeout: 100 });
  const taskOptions: VerifyTask["options"] = {
    seed: options.seed,
    delta: options.delta,
    extended: options.extended,
    only: options.only,
    plantedBugs: options.plantedBugs,
    ...(options.sequential ? { sequential: true } : {}),
  };
  let done = 0;
  options.onProgress?.(0, plan.length, plan[0]?.label ?? "");
  try {
    // Longest checks first keeps both threads busy to the end; order of results is restored below.
    const records = await Promise.all(
      plan.map((c, index) =>
        (pool.run({ options: taskOptions, index } satisfies VerifyTask) as Promise<VerifyRecord>).then((r) => {
          done++;
          options.onProgress?.(done, plan.length, c.label);
          return r;
        }),
      ),
    );
    return records;
  } finally {
    await pool.destroy();
  }
}
