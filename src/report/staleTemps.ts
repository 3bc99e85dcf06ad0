/**
 * The files a write leaves while it runs (`<path>.collapse-harness-<pid>.tmp`, write probes, broken
 * locks), named after the writing process so that those of killed runs can be told apart and swept.
 */
import { lstatSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const TEMP_NAME = /\.collapse-harness-(\d+)\.tmp$/;
const STALE_NAMES = [TEMP_NAME, /^\.collapse-harness-probe-(\d+)$/, /^\.collapse-harness\.lock\.broken-(\d+)$/];

/** The temp file this process writes for `path`. */
export function tempPathFor(path: string): string {
  return `${path}.collapse-harness-${process.pid}.tmp`;
}

/** Whether a process with this id runs (one of another user counts). */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes from `folder` the temp files, write probes and broken locks of processes that are no
 * longer alive (left by a run killed with SIGKILL, or by a crash); returns the names removed.
 * @example sweepStaleTemps("out"); // => ["simulate.json.collapse-harness-4242.tmp"] (pid 4242 is dead)
 */
export function sweepStaleTemps(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = STALE_NAMES.map((re) => re.exec(name)).find((m) => m !== null);
    if (match === undefined || match === null || processAlive(Number(match[1]))) continue;
    try {
      if (!lstatSync(join(folder, name)).isFile()) continue;
      rmSync(join(folder, name), { force: true });
      removed.push(name);
    } catch {
      /* gone already, or not ours to remove */
    }
  }
  return removed;
}

/** Removes a file, ignoring one that is gone already or not ours to remove. */
export function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    /* already gone or not ours to remove */
  }
}
