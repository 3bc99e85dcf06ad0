/** Worker-thread entry of the Monte Carlo pool: runs one chunk (see monteCarloTask.ts). */
import { runMonteCarloTask, type MonteCarloTask } from "./monteCarloTask.ts";

export default function monteCarloWorker(task: MonteCarloTask): ReturnType<typeof runMonteCarloTask> {
  return runMonteCarloTask(task);
}
