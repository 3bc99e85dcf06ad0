/**
 * The commands' one way to write their output files: all or nothing (report/atomicWrite), with a
 * file-system failure turned into a one-line error naming the option, so the CLI exits 2.
 */
import { writeFilesAtomic } from "../report/index.ts";

export function writeOutputs(files: ReadonlyArray<{ path: string; data: string | Uint8Array }>, option = "out"): void {
  try {
    writeFilesAtomic(files);
  } catch (e) {
    if (e instanceof RangeError || e instanceof TypeError) throw e;
    throw new RangeError(`${option}: cannot write ${files.map((f) => f.path).join(" and ")}: ${(e as Error).message}`);
  }
}
