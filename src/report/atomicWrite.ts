/**
 * Atomic file writes for reports: each file is written to `${path}.<pid>.tmp`, flushed with
 * fsync and renamed over the target, so a reader never sees a half-written file. A target that
 * is a symlink stays one (the write goes to the file it points to), and an existing file keeps
 * its permission bits.
 */
import { closeSync, fchmodSync, fsyncSync, lstatSync, mkdirSync, openSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
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

/**
 * The file a write to `path` replaces: `path` itself, or the end of its chain of symlinks (a
 * dangling link included), so that renaming over it keeps the link.
 */
export function resolveWriteTarget(path: string): string {
  let p = resolve(path);
  for (let depth = 0; depth < 40; depth++) {
    try {
      return realpathSync(p);
    } catch {
      let link = false;
      try {
        link = lstatSync(p).isSymbolicLink();
      } catch {
        /* does not exist */
      }
      if (!link) return p;
      p = resolve(dirname(p), readlinkSync(p));
    }
  }
  return p;
}

/** The permission bits of an existing file, or null when there is none. */
function existingMode(path: string): number | null {
  try {
    const st = statSync(path);
    return st.isFile() ? st.mode & 0o7777 : null;
  } catch {
    return null;
  }
}

/** Creates the folder, writes the temp file (with the mode of the file it replaces) and fsyncs it; returns the temp path. */
function writeTemp(file: FileToWrite): string {
  mkdirSync(dirname(file.path), { recursive: true });
  const tmp = tempPathFor(file.path);
  const bytes = typeof file.data === "string" ? Buffer.from(file.data, "utf8") : file.data;
  const mode = existingMode(file.path);
  const fd = openSync(tmp, "w");
  try {
    if (mode !== null) fchmodSync(fd, mode);
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
export function writeFilesAtomic(given: ReadonlyArray<FileToWrite>): void {
  if (!Array.isArray(given)) throw new TypeError("files must be an array of { path, data }");
  const seen = new Set<string>();
  given.forEach((file, i) => {
    checkFile(file, `files[${i}]`);
    const key = resolveWriteTarget(file.path);
    if (seen.has(key)) throw new RangeError(`files[${i}].path is listed twice: ${file.path}`);
    seen.add(key);
  });
  const files = given.map((file) => ({ path: resolveWriteTarget(file.path), data: file.data, asked: file.path }));
  const temps: string[] = [];
  try {
    for (const file of files) {
      temps.push(tempPathFor(file.path));
      try {
        writeTemp(file);
      } catch (err) {
        throw Object.assign(err as Error, { path: file.asked });
      }
    }
    for (const file of files) {
      let isFolder = false;
      try {
        isFolder = statSync(file.path).isDirectory();
      } catch {
        /* target does not exist yet */
      }
      if (isFolder) throw Object.assign(new Error(`${file.asked} is a folder`), { code: "EISDIR", path: file.asked });
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
      throw Object.assign(err as Error, { path: file.asked });
    }
    folders.add(dirname(resolve(file.path)));
  });
  for (const folder of folders) syncFolder(folder);
}
