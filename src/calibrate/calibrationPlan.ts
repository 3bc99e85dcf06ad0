/**
 * What `calibrate` runs: the checks whose false-alarm rate it measures (every point of the
 * calibrated Monte Carlo statements), the power families, and the list of tasks (check x delta x
 * replicate, family x size x replicate), in a fixed order. Pure and cheap: runs nothing.
 * @example calibrationPlan({ quick: true, seeds: 12 }).tasks.length > 0; // => true
 */
import { reference } from "../check/implementation.ts";
import { statementsFor } from "../check/registry.ts";
import { checkDelta, planChecks } from "../check/verify.ts";
import { powerFamilies } from "./powerFamilies.ts";
import type { CalibrationTask, PowerFamily } from "./types.ts";

/** The per-check rates at which false alarms are counted. */
export const INFLATED_DELTAS = [0.05, 0.2] as const;

/** Level of the one-sided Clopper-Pearson test that the false-alarm rate is at most delta. */
export const TEST_LEVEL = 0.001;

/** Default `--seeds`: false-alarm seeds per (check, delta); power uses a third of it (at least 4) per (family, size). */
export const DEFAULT_SEEDS = 60;
export const QUICK_SEEDS = 24;

/** The quick run's checks (cheap ones) and families. */
const QUICK_FALSE_ALARMS: ReadonlyArray<[string, number]> = [
  ["sampler-binomial-mean", 1],
  ["thm1-rho-upper", 1],
  ["token-lost-first-generation", 1],
  ["ps-drift", 2],
];
const QUICK_FAMILIES = ["sampler-binomial-mean", "thm1-rho-upper"];

export interface CalibrationPlanOptions {
  quick?: boolean;
  seeds?: number;
}

export interface CalibrationPlan {
  quick: boolean;
  seeds: { falseAlarm: number; power: number };
  /** The default run's per-check delta: 1e-6 / checks of the default verify plan. */
  defaultDelta: number;
  falseAlarmChecks: Array<{ statement: string; point: number }>;
  families: PowerFamily[];
  tasks: CalibrationTask[];
  notCalibrated: string[];
  deterministic: string[];
}

/** Power seeds for a `--seeds` value: a third of it, at least 4. */
export function powerSeeds(seeds: number): number {
  return Math.max(4, Math.ceil(seeds / 3));
}

export function calibrationPlan(options: CalibrationPlanOptions = {}): CalibrationPlan {
  const quick = options.quick ?? false;
  const faSeeds = options.seeds ?? (quick ? QUICK_SEEDS : DEFAULT_SEEDS);
  if (!Number.isInteger(faSeeds) || faSeeds < 1) throw new RangeError(`seeds must be an integer >= 1, got ${faSeeds}`);
  const pSeeds = powerSeeds(faSeeds);
  const allFamilies = powerFamilies();
  const families = quick ? allFamilies.filter((f) => QUICK_FAMILIES.includes(f.id)) : allFamilies;
  const statements = statementsFor(reference);
  const calibrated = new Set(allFamilies.map((f) => f.statement));
  const falseAlarmChecks = quick
    ? QUICK_FALSE_ALARMS.map(([statement, point]) => ({ statement, point }))
    : statements.filter((s) => calibrated.has(s.id) && s.expected === "holds").flatMap((s) => s.points.map((_, point) => ({ statement: s.id, point })));
  const tasks: CalibrationTask[] = [];
  for (const c of falseAlarmChecks) {
    for (const delta of INFLATED_DELTAS) for (let replicate = 0; replicate < faSeeds; replicate++) tasks.push({ kind: "false-alarm", ...c, delta, replicate });
  }
  for (const f of families) {
    f.sizes.forEach((_, size) => {
      for (let replicate = 0; replicate < pSeeds; replicate++) tasks.push({ kind: "power", family: f.id, size, replicate });
    });
  }
  return {
    quick,
    seeds: { falseAlarm: faSeeds, power: pSeeds },
    defaultDelta: checkDelta({}, planChecks({}).length),
    falseAlarmChecks,
    families,
    tasks,
    notCalibrated: statements.filter((s) => s.method === "monte-carlo" && !calibrated.has(s.id)).map((s) => s.id),
    deterministic: statements.filter((s) => s.method !== "monte-carlo").map((s) => s.id),
  };
}
