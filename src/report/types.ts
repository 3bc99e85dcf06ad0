/** Plain-data shapes the report renderers take: one verify run and its figures. */
import type { VerdictRecord } from "../check/types.ts";

/** A verdict record as the reports read it; `caughtBy` names the check that caught a planted bug. */
export type ReportRecord = VerdictRecord & { caughtBy?: string };

/** One figure of the paper as written by `verify`: its id, title and files relative to the report folder. */
export interface ReportFigure {
  id: string;
  title: string;
  files: string[];
}

/** Everything `verify` writes to verdicts.json; VERDICTS.md shows all of it but `commit` and `durationSeconds`. */
export interface VerdictReport {
  tool: string;
  version: string;
  /** The git commit of the code; absent in a reproducible run (`verify --reproducible`). */
  commit?: string;
  seed: number;
  budget: { delta: number; correction: string };
  durationSeconds?: number;
  records: ReportRecord[];
  figures: ReportFigure[];
}

/** Fields of a report that change from run to run of the same code and seed. */
export const VOLATILE_REPORT_FIELDS = ["commit", "durationSeconds"] as const;
