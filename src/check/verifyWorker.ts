/**
 * Worker-thread entry of `verifyParallel`: rebuilds the (deterministic) plan and runs check
 * `index` of it. A check's result depends only on the seed, its id and its point, never on the
 * thread that runs it, so any number of workers gives byte-identical reports.
 */
import { checkDelta, planChecks, runPlanned, type VerifyOptions, type VerifyRecord } from "./verify.ts";

export interface VerifyTask {
  options: Pick<VerifyOptions, "seed" | "delta" | "extended" | "only" | "plantedBugs" | "sequential">;
  index: number;
}

let cached: { key: string; plan: ReturnType<typeof planChecks> } | null = null;

export default function runVerifyTask(task: VerifyTask): VerifyRecord {
  const key = JSON.stringify(task.options);
  if (!cached || cached.key !== key) cached = { key, plan: planChecks(task.options) };
  const plan = cached.plan;
  return runPlanned(plan[task.index], task.options.seed, checkDelta(task.options, plan.length), task.options.extended ?? false, task.options.sequential ?? false);
}
