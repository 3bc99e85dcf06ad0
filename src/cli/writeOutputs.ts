/**
 * The commands' one way to write their output files. Before any work, `checkOutputFile` and
 * `checkOutputFolder` check that each `--out` can be written (a typo must not cost the whole run);
 * after it, `writeOutputs` writes all or nothing (report/atomicWrite), through symlinks and keeping
 * file modes, streaming chunked contents (`jsonFile` of report/formatJson), under a per-folder lock
 * so that two runs never interleave, removing its temp files on SIGINT/SIGTERM and sweeping those
 * of killed runs; it turns a file-system failure into one UsageError line naming the option.
 */
import { closeSync, lstatSync, openSync, statSync, unlinkSync, type Stats } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { resolveWriteTarget as writeTarget, writeFilesAtomicAsync, type FileData } from "../report/atomicWrite.ts";
import { UsageError } from "./usage.ts";

/** One output file and the option that named it (or whose folder holds it). */
export interface OutputFile {
  path: string;
  /** A string, bytes, or chunks written as they come (large outputs: never one string). */
  data: FileData;
  option?: string;
}

/** A file-system error code in words, for one-line messages. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ELOCKED") return (err as Error).message;
  const words: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    EROFS: "read-only file system",
    ENOSPC: "no space left on device",
    EDQUOT: "disk quota exceeded",
    ENOTDIR: "a part of the path is a file, not a folder",
    EISDIR: "it is a folder",
    ENOENT: "no such file or folder",
    ENAMETOOLONG: "name too long",
    ELOOP: "too many levels of symbolic links",
    EEXIST: "it already exists",
  };
  if (code !== undefined && words[code] !== undefined) return words[code];
  if (code !== undefined) return code;
  return (err as Error | undefined)?.message?.split("\n")[0] ?? String(err);
}

function statOrNull(path: string, follow = true): Stats | null {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return null;
    if (code === "ENOTDIR") return null;
    throw err;
  }
}

/**
 * Checks that files can be created in `folder` (made by mkdir -p if missing): its nearest existing
 * ancestor is a folder in which a probe file can be created and removed. Throws a UsageError naming
 * the option.
 */
function checkCanCreateIn(folder: string, option: string, shown: string): void {
  let existing = resolve(folder);
  for (;;) {
    const st = statOrNull(existing);
    if (st !== null) {
      if (!st.isDirectory()) throw new UsageError(`${option}: cannot create ${shown}: ${existing} is a file, not a folder`);
      break;
    }
    const up = dirname(existing);
    if (up === existing) break;
    existing = up;
  }
  const probe = join(existing, `.collapse-harness-probe-${process.pid}`);
  try {
    closeSync(openSync(probe, "wx"));
  } catch (err) {
    throw new UsageError(`${option}: cannot write in ${existing}: ${describeFsError(err)}`);
  }
  try {
    unlinkSync(probe);
  } catch {
    /* it was created, so it can be removed; nothing else to do */
  }
}

/**
 * Checks before any work that `path` can be written as a file: not empty, not a folder, in a
 * folder where files can be created. A UsageError naming `option` otherwise.
 * @example checkOutputFile("out/simulate.json", "out"); // => undefined (or throws)
 */
export function checkOutputFile(path: string, option = "out"): void {
  if (path === "") throw new UsageError(`${option} must be a file name, got ""`);
  const target = writeTarget(path);
  const st = statOrNull(target);
  if (st !== null && st.isDirectory()) throw new UsageError(`${option} must be a file, got ${path} (a folder)`);
  if (st !== null && !st.isFile()) throw new UsageError(`${option} must be a regular file, got ${path}`);
  checkCanCreateIn(dirname(target), option, path);
}

/**
 * Checks before any work that `path` can be used as an output folder: not empty, not an existing
 * file, and files can be created in it (or where it will be created). A UsageError otherwise.
 * @example checkOutputFolder("out", "out"); // => undefined (or throws)
 */
export function checkOutputFolder(path: string, option = "out"): void {
  if (path === "") throw new UsageError(`${option} must be a folder, got ""`);
  const target = writeTarget(path);
  const st = statOrNull(target);
  if (st !== null && !st.isDirectory()) throw new UsageError(`${option} must be a folder, got ${path} (a file)`);
  checkCanCreateIn(target, option, path);
}

/**
 * Checks that no two options name the same file.
 * @example checkDistinctOutputs([{ path: "a.json", option: "out" }, { path: "a.csv", option: "csv" }]); // => undefined
 */
export function checkDistinctOutputs(files: ReadonlyArray<{ path: string; option: string }>): void {
  const seen = new Map<string, string>();
  for (const f of files) {
    const key = writeTarget(f.path);
    const other = seen.get(key);
    if (other !== undefined) throw new UsageError(`${f.option} must differ from ${other}: both name ${f.path}`);
    seen.set(key, f.option);
  }
}

/**
 * Writes the files all or nothing, as one group that no other run's group interleaves with; a
 * file-system failure becomes one UsageError line `<option>: cannot write <path>: <reason>`.
 * SIGINT or SIGTERM meanwhile removes the temp files and exits 130 or 143.
 */
export async function writeOutputs(files: ReadonlyArray<OutputFile>, option = "out"): Promise<void> {
  try {
    await writeFilesAtomicAsync(files.map((f) => ({ path: f.path, data: f.data })));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === undefined) throw err; // not the file system: a bug
    const failed = (err as { path?: string }).path;
    const file = files.find((f) => f.path === failed);
    const where = file?.path ?? failed ?? files.map((f) => f.path).join(" and ");
    throw new UsageError(`${file?.option ?? option}: cannot write ${where}: ${describeFsError(err)}`);
  }
}
