/**
 * Worker-thread entry of `calibrate`: rebuilds the (deterministic) plan and runs task `index` of
 * it. A task's outcome depends only on the run seed and the task, so any worker count gives the
 * same report.
 */
import { calibrationPlan, type CalibrationPlanOptions } from "./calibrationPlan.ts";
import { runCalibrationTask } from "./runCalibrationTask.ts";
import type { TaskOutcome } from "./types.ts";

export interface CalibrationWorkerTask {
  options: CalibrationPlanOptions;
  seed: number;
  index: number;
}

let cached: { key: string; plan: ReturnType<typeof calibrationPlan> } | null = null;

export default function runCalibrationWorkerTask(task: CalibrationWorkerTask): TaskOutcome {
  const key = JSON.stringify(task.options);
  if (!cached || cached.key !== key) cached = { key, plan: calibrationPlan(task.options) };
  const { plan } = cached;
  return runCalibrationTask(plan.tasks[task.index], task.seed, plan.defaultDelta, plan.families);
}
