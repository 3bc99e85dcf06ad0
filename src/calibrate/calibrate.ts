/**
 * `calibrate`: the measured false-alarm rate and power of the Monte Carlo checks (issue 11).
 * False alarms: each calibrated check of the reference implementation at an inflated per-check
 * delta (0.05, 0.2) over many seeds; "refuted" counts as a false alarm ("inconclusive", a lack of
 * power, is counted apart), and the rate must be at most delta by a one-sided Clopper-Pearson test
 * at level TEST_LEVEL. Power: each family of perturbations (powerFamilies.ts) at the default run's
 * per-check delta; the detection rate ("refuted") against the discrepancy, and where it reaches
 * 50% and 95%, against the epsilon the check states. Pure: returns a record, writes nothing.
 * Tasks run in this thread or over piscina workers; the record is the same for any worker count.
 */
import { Piscina } from "piscina";
import { calibrationPlan, INFLATED_DELTAS, TEST_LEVEL, type CalibrationPlan, type CalibrationPlanOptions } from "./calibrationPlan.ts";
import type { CalibrationWorkerTask } from "./calibrationWorker.ts";
import { crossingSize } from "./crossingSize.ts";
import { oneSidedLowerBound, proportion } from "./proportion.ts";
import { runCalibrationTask } from "./runCalibrationTask.ts";
import { reference } from "../check/implementation.ts";
import { statementsFor } from "../check/registry.ts";
import type { CalibrationReport, FalseAlarmResult, PowerResult, ReferenceRow, TaskOutcome } from "./types.ts";

export interface CalibrateOptions extends CalibrationPlanOptions {
  seed: number;
  workers?: number;
  onProgress?: (done: number, total: number, label: string) => void;
}

/** The worker file and loader (the .ts source runs under tsx, a build under plain node), as verifyParallel does. */
function workerSetup(): { filename: string; execArgv: string[] } {
  const ts = import.meta.url.endsWith(".ts");
  return {
    filename: new URL(ts ? "./calibrationWorker.ts" : "./calibrationWorker.js", import.meta.url).href,
    execArgv: ts ? ["--import", import.meta.resolve("tsx")] : [],
  };
}

function taskLabel(plan: CalibrationPlan, i: number): string {
  const t = plan.tasks[i];
  return t.kind === "false-alarm" ? `${t.statement}#${t.point} at delta ${t.delta}` : `power ${t.family} size ${plan.families.find((f) => f.id === t.family)?.sizes[t.size]}`;
}

async function runTasks(plan: CalibrationPlan, options: CalibrateOptions): Promise<TaskOutcome[]> {
  const workers = options.workers ?? 1;
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be an integer >= 1, got ${workers}`);
  const total = plan.tasks.length;
  let done = 0;
  const tick = (i: number) => {
    done++;
    if (done % 25 === 0 || done === total) options.onProgress?.(done, total, taskLabel(plan, i));
  };
  options.onProgress?.(0, total, total > 0 ? taskLabel(plan, 0) : "");
  if (workers === 1) {
    return plan.tasks.map((task, i) => {
      const out = runCalibrationTask(task, options.seed, plan.defaultDelta, plan.families);
      tick(i);
      return out;
    });
  }
  const { filename, execArgv } = workerSetup();
  const pool = new Piscina({ filename, execArgv, minThreads: workers, maxThreads: workers, idleTimeout: 100 });
  const planOptions: CalibrationPlanOptions = { quick: plan.quick, seeds: plan.seeds.falseAlarm };
  try {
    return await Promise.all(
      plan.tasks.map((_, index) =>
        (pool.run({ options: planOptions, seed: options.seed, index } satisfies CalibrationWorkerTask) as Promise<TaskOutcome>).then((r) => {
          tick(index);
          return r;
        }),
      ),
    );
  } finally {
    await pool.destroy();
  }
}

function median(values: number[]): number {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const h = Math.floor(s.length / 2);
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/** Rows of the size-0 runs, estimates averaged over seeds (predictions are the same in each). */
function pooledRows(outcomes: TaskOutcome[]): ReferenceRow[] {
  const rows = outcomes.map((o) => o.rows ?? []);
  const k = Math.min(...rows.map((r) => r.length));
  return Array.from({ length: k }, (_, j) => ({
    predicted: rows[0][j].predicted,
    estimate: rows.reduce((a, r) => a + r[j].estimate, 0) / rows.length,
    ...(rows[0][j].label !== undefined ? { label: rows[0][j].label } : {}),
  }));
}

/**
 * The calibration record (without the tool's name and version, which the CLI adds): the same
 * bytes for the same code and seed (no duration; the CLI prints that).
 */
export async function calibrate(options: CalibrateOptions): Promise<Omit<CalibrationReport, "tool" | "version">> {
  const plan = calibrationPlan(options);
  const outcomes = await runTasks(plan, options);
  const statements = new Map(statementsFor(reference).map((s) => [s.id, s]));
  const falseAlarms: FalseAlarmResult[] = [];
  const power: PowerResult[] = [];
  for (const c of plan.falseAlarmChecks) {
    for (const delta of INFLATED_DELTAS) {
      const got = plan.tasks.flatMap((t, i) => (t.kind === "false-alarm" && t.statement === c.statement && t.point === c.point && t.delta === delta ? [outcomes[i]] : []));
      const refuted = got.filter((o) => o.verdict === "refuted").length;
      const lowerBound = oneSidedLowerBound(refuted, got.length, TEST_LEVEL);
      const st = statements.get(c.statement)!;
      falseAlarms.push({
        statement: c.statement,
        point: c.point,
        parameters: st.points[c.point],
        relation: got[0]?.relation ?? "equals",
        delta,
        refuted: proportion(refuted, got.length),
        inconclusive: got.filter((o) => o.verdict === "inconclusive").length,
        vacuous: got.filter((o) => o.verdict === "vacuous").length,
        ratio: refuted / got.length / delta,
        lowerBound,
        passes: lowerBound <= delta,
      });
    }
  }
  for (const f of plan.families) {
    const bySize = f.sizes.map((_, size) => plan.tasks.flatMap((t, i) => (t.kind === "power" && t.family === f.id && t.size === size ? [outcomes[i]] : [])));
    const rows = pooledRows(bySize[0]);
    const curve = f.sizes.map((t, size) => ({
      size: t,
      discrepancy: f.discrepancy(t, rows),
      detected: proportion(bySize[size].filter((o) => o.verdict === "refuted").length, bySize[size].length),
    }));
    const xs = curve.map((p) => p.discrepancy);
    const rates = curve.map((p) => p.detected.rate);
    const at50 = crossingSize(xs, rates, 0.5);
    const at95 = crossingSize(xs, rates, 0.95);
    const statedEpsilon = median(bySize[0].map((o) => o.epsilon));
    power.push({
      family: f.id,
      statement: f.statement,
      point: f.point,
      parameters: statements.get(f.statement)!.points[f.point],
      perturbation: f.perturbation,
      units: f.units,
      delta: plan.defaultDelta,
      curve,
      at50,
      at95,
      statedEpsilon,
      ratio: at95 === null ? null : at95 / statedEpsilon,
    });
  }
  return {
    seed: options.seed,
    quick: plan.quick,
    seeds: plan.seeds,
    defaultDelta: plan.defaultDelta,
    inflatedDeltas: [...INFLATED_DELTAS],
    testLevel: TEST_LEVEL,
    reducedSeeds: plan.reducedSeeds,
    falseAlarms,
    power,
    noPowerFamily: plan.noPowerFamily,
    notCalibrated: plan.notCalibrated,
    deterministic: plan.deterministic,
  };
}
