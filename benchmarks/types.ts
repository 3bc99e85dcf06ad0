/** The benchmark's plain, JSON-serialisable results. */

/** Options of one benchmark run. */
export interface BenchOptions {
  /** Smoke mode: every workload at a reduced size, few repetitions, no verify run. */
  quick: boolean;
  /** Report folder: <out>/BENCHMARKS.md and <out>/bench/. */
  out: string;
  /** Repetitions per case (alternating harness and numpy); default 5, quick 2. */
  reps?: number;
  /** Worker threads of the parallel workload (default 2). */
  workers?: number;
  /** Python interpreter of the numpy peer (default "python3"). */
  python?: string;
  /** Workload ids to run (default all). */
  only?: string[];
  /** Seed of every random stream (default 1). */
  seed?: number;
  /** Progress lines on stderr. */
  log?: (line: string) => void;
}

/** One side of a comparison: what ran and its time per repetition. */
export interface Side {
  /** "harness" for collapse-harness, "numpy" for the peer. */
  kind: "harness" | "numpy";
  /** What ran, e.g. "multinomialOnSupport" or "rng.multinomial". */
  name: string;
  /** Seconds per unit (see CaseResult.unit), one entry per repetition. */
  seconds: number[];
  /** Median of `seconds`. */
  median: number;
  /** Seconds per point (e.g. per n of the Figure 2 grid), one array per repetition. */
  perPoint?: number[][];
  /** Sum of what was drawn in the last repetition (consumed so that nothing is skipped). */
  checksum?: number;
  /** Set when this side could not run (e.g. no numpy). */
  unavailable?: string;
}

/** One measured case of a workload, e.g. one multinomial shape. */
export interface CaseResult {
  id: string;
  label: string;
  /** What one time is for: one call, one draw, or the whole workload. */
  unit: "call" | "draw" | "workload";
  parameters: Record<string, number | string>;
  sides: Side[];
  /** x values of Side.perPoint (e.g. the n grid). */
  points?: number[];
  notes?: string[];
}

/** A target of issue 4 and how the run did against it. */
export interface TargetResult {
  name: string;
  /** e.g. "harness / numpy <= 1". */
  goal: string;
  observed: number | null;
  met: boolean | null;
  /** e.g. "met with 2.3x to spare" or "missed: 18.1x, short by 1.38x". */
  verdict: string;
}

/** One workload of issue 4. */
export interface WorkloadResult {
  id: string;
  title: string;
  /** What each side does, in words. */
  description: string[];
  cases: CaseResult[];
  targets: TargetResult[];
  /** Set when the workload did not run (e.g. verify in quick mode). */
  skipped?: string;
}

/** The machine and the software the numbers come from. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  availableParallelism: number;
  memoryGiB: number;
  os: string;
  node: string;
  python: string | null;
  numpy: string | null;
  mitata: string;
  loadAverageStart: number[];
  loadAverageEnd: number[];
  numpyThreads: string;
}

/** A whole benchmark run. */
export interface BenchResult {
  /** The command that reproduces this run, e.g. "npm run bench -- --quick". */
  command: string;
  quick: boolean;
  reps: number;
  seed: number;
  date: string;
  commit: string;
  durationSeconds: number;
  machine: MachineInfo;
  workloads: WorkloadResult[];
}
