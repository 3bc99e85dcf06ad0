/**
 * Atomic file writes for reports: each file is written to `${path}.<pid>.tmp`, flushed with
 * fsync and renamed over the target, so a reader never sees a half-written file.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** One file to write: its path and its contents (strings are written as UTF-8). */
export interface FileToWrite {
  path: string;
  data: string | Uint8Array;
}

function tempPathFor(path: string): string {
  return `${path}.${process.pid}.tmp`;
}

function checkFile(file: FileToWrite, name: string): void {
  if (file === null || typeof file !== "object") throw new TypeError(`${name} must be an object { path, data }`);
  if (typeof file.path !== "string" || file.path.length === 0) throw new TypeError(`${name}.path must be a non-empty string`);
  if (typeof file.data !== "string" && !(file.data instanceof Uint8Array)) {
    throw new TypeError(`${name}.data must be a string or a Uint8Array`);
  }
}

/** Creates the folder, writes the temp file and fsyncs it; returns the temp path. */
function writeTemp(file: FileToWrite): string {
  mkdirSync(dirname(file.path), { recursive: true });
  const tmp = tempPathFor(file.path);
  const bytes = typeof file.data === "string" ? Buffer.from(file.data, "utf8") : file.data;
  const fd = openSync(tmp, "w");
  try {
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return tmp;
}

/** fsync on a folder makes a rename durable; some file systems refuse it, which is harmless. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, "r");
    fsyncSync(fd);
  } catch {
    /* best effort */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    /* already gone or not ours to remove */
  }
}

/**
 * Writes one file atomically: mkdir -p its folder, write `${path}.<pid>.tmp`, fsync, rename.
 * On failure the temp file is removed and the target is left as it was.
 * @example writeFileAtomic("reports/verdicts.json", "{}\n"); // => undefined (file written)
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  writeFilesAtomic([{ path, data }]);
}

/**
 * Writes several files as one unit: every temp file is written and fsynced first, and only if all
 * succeeded are they renamed over their targets; on any failure before the renames, all temp files
 * are removed and no target is touched. (Each rename is atomic; the renames as a group are not,
 * but they only fail on a target that is a folder, which is checked before the first rename.)
 * @example writeFilesAtomic([{ path: "a.md", data: "# A\n" }, { path: "b.png", data: bytes }]);
 */
export function writeFilesAtomic(files: ReadonlyArray<FileToWrite>): void {
  if (!Array.isArray(files)) throw new TypeError("files must be an array of { path, data }");
  const seen = new Set<string>();
  files.forEach((file, i) => {
    checkFile(file, `files[${i}]`);
    const key = resolve(file.path);
    if (seen.has(key)) throw new RangeError(`files[${i}].path is listed twice: ${file.path}`);
    seen.add(key);
  });
  const temps: string[] = [];
  try {
    for (const file of files) {
      temps.push(tempPathFor(file.path));
      writeTemp(file);
    }
    for (const file of files) {
      let isFolder = false;
      try {
        isFolder = statSync(file.path).isDirectory();
      } catch {
        /* target does not exist yet */
      }
      if (isFolder) throw new Error(`cannot write ${file.path}: it is a folder`);
    }
  } catch (err) {
    for (const tmp of temps) removeQuietly(tmp);
    throw err;
  }
  const folders = new Set<string>();
  files.forEach((file, i) => {
    try {
      renameSync(temps[i], file.path);
    } catch (err) {
      for (const tmp of temps.slice(i)) removeQuietly(tmp);
      throw err;
    }
    folders.add(dirname(resolve(file.path)));
  });
  for (const folder of folders) syncFolder(folder);
}
