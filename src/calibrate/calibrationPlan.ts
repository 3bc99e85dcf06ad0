/**
 * What `calibrate` runs: the checks whose false-alarm rate it measures (every point of the
 * calibrated Monte Carlo statements), the power families, and the list of tasks (check x delta x
 * replicate, family x size x replicate), in a fixed order. Pure and cheap: runs nothing.
 * @example calibrationPlan({ quick: true, seeds: 12 }).tasks.length > 0; // => true
 */
import { reference } from "../check/implementation.ts";
import { statementsFor } from "../check/registry.ts";
import { checkDelta, planChecks } from "../check/verify.ts";
import { NO_POWER_FAMILY, powerFamilies } from "./powerFamilies.ts";
import type { CalibrationTask, PowerFamily } from "./types.ts";

/** The per-check rates at which false alarms are counted. */
export const INFLATED_DELTAS = [0.05, 0.2] as const;

/** Level of the one-sided Clopper-Pearson test that the false-alarm rate is at most delta. */
export const TEST_LEVEL = 0.001;

/** Default `--seeds`: false-alarm seeds per (check, delta); power uses a third of it (at least 4) per (family, size). */
export const DEFAULT_SEEDS = 60;
export const QUICK_SEEDS = 24;

/**
 * Costly checks (about 0.3 s or more per run on one core at delta 0.2: thousands of simulated runs,
 * an exact law over long chains) run their false alarms on half the seeds, so that the full
 * calibration stays near 20 minutes on 2 cores; CALIBRATION.md lists them with their count.
 */
export const REDUCED_SEEDS_STATEMENTS: readonly string[] = [
  "simulate-exact",
  "contexts-markov-text-exact",
  "contexts-fixed-counts-exact",
  "random-count-rho-lower",
  "random-count-rho-upper",
  "random-count-time-lower",
  "random-count-time-upper",
  "rsd-rare-collapse",
  "rsd-plateau",
  "deviation-probability-markov",
  "deviation-probability-union",
  "mrm-collapse-delayed",
  "multi-context-all-collapsed-lower",
  "multi-context-all-collapsed-upper",
  "multi-context-max-time-lower",
  "multi-context-max-time-upper",
];

/** False-alarm seeds of a statement for a `--seeds` value: half of it (at least 4) for the costly ones. */
export function falseAlarmSeeds(statement: string, seeds: number): number {
  return REDUCED_SEEDS_STATEMENTS.includes(statement) ? Math.max(4, Math.ceil(seeds / 2)) : seeds;
}

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
  /** Each calibrated check with its false-alarm seeds per delta. */
  falseAlarmChecks: Array<{ statement: string; point: number; seeds: number }>;
  families: PowerFamily[];
  tasks: CalibrationTask[];
  /** Statements whose false alarms run on fewer seeds than `seeds.falseAlarm`. */
  reducedSeeds: Array<{ statement: string; seeds: number }>;
  /** Calibrated statements without a power family, and why. */
  noPowerFamily: Array<{ statement: string; reason: string }>;
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
  // Every Monte Carlo statement expected to hold is calibrated for false alarms (one expected to be
  // refuted, such as a misprint of the paper, has no false alarm to count).
  const calibrated = new Set(statements.filter((s) => s.method === "monte-carlo" && s.expected === "holds").map((s) => s.id));
  const withFamily = new Set(allFamilies.map((f) => f.statement));
  const falseAlarmChecks = quick
    ? QUICK_FALSE_ALARMS.map(([statement, point]) => ({ statement, point, seeds: faSeeds }))
    : statements.filter((s) => calibrated.has(s.id)).flatMap((s) => s.points.map((_, point) => ({ statement: s.id, point, seeds: falseAlarmSeeds(s.id, faSeeds) })));
  const tasks: CalibrationTask[] = [];
  for (const c of falseAlarmChecks) {
    for (const delta of INFLATED_DELTAS) for (let replicate = 0; replicate < c.seeds; replicate++) tasks.push({ kind: "false-alarm", statement: c.statement, point: c.point, delta, replicate });
  }
  const reduced = new Map<string, number>();
  for (const c of falseAlarmChecks) if (c.seeds !== faSeeds) reduced.set(c.statement, c.seeds);
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
    reducedSeeds: [...reduced].map(([statement, seeds]) => ({ statement, seeds })),
    noPowerFamily: quick
      ? []
      : statements.filter((s) => calibrated.has(s.id) && !withFamily.has(s.id)).map((s) => ({ statement: s.id, reason: NO_POWER_FAMILY[s.id] ?? "not built yet" })),
    notCalibrated: statements.filter((s) => s.method === "monte-carlo" && !calibrated.has(s.id)).map((s) => s.id),
    deterministic: statements.filter((s) => s.method !== "monte-carlo").map((s) => s.id),
  };
}
