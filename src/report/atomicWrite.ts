/**
 * Atomic file writes for reports and every command's outputs.
 *
 * - Each file is written to `${path}.collapse-harness-<pid>.tmp` (strings as UTF-8, bytes as given,
 *   or an iterable of chunks written as they come, so a large output is never one string), flushed
 *   with fsync and renamed over the target: a reader never sees a half-written file. A target that
 *   is a symlink stays one (the write goes to the file it points to); an existing file keeps its
 *   permission bits.
 * - A group of files commits together: every temp file is written first, and only if all succeeded
 *   are they renamed; the renames run while this process holds `.collapse-harness.lock` (created
 *   with O_EXCL, holding its pid) in every target folder, so two runs writing the same files never
 *   interleave (the last run's group wins whole). A lock whose pid is dead is broken.
 * - Temp files are removed on SIGINT/SIGTERM during `writeFilesAtomicAsync` (the process then exits
 *   130 or 143); temp files, probes and broken locks left by killed runs (their pid is not alive)
 *   are swept from a folder by the next write there.
 */
import { closeSync, fchmodSync, fsyncSync, lstatSync, mkdirSync, openSync, readlinkSync, realpathSync, renameSync, statSync, writeSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { LOCK_FILE, LOCK_TIMEOUT_MS, lockFolders, lockFoldersSync, releaseHeldLocks, releaseLock } from "./folderLock.ts";
import { processAlive, removeQuietly, sweepStaleTemps, tempPathFor } from "./staleTemps.ts";
import { nextTurn, testHook, testHookSync } from "./writeTestHooks.ts";

export { LOCK_FILE, LOCK_TIMEOUT_MS, processAlive, sweepStaleTemps };

/** What a file holds: a string (UTF-8), bytes, or chunks of either produced as they are written. */
export type FileData = string | Uint8Array | Iterable<string | Uint8Array>;

/** One file to write, its contents at hand (what renderers return). */
export interface FileToWrite {
  path: string;
  data: string | Uint8Array;
}

/** One file to write, its contents possibly produced in chunks as it is written. */
export interface FileToStream {
  path: string;
  data: FileData;
}

/** Chunks are gathered into writes of about this many bytes (and the async writer yields between them). */
const WRITE_BYTES = 1 << 20;

function checkFile(file: FileToStream, name: string): void {
  if (file === null || typeof file !== "object") throw new TypeError(`${name} must be an object { path, data }`);
  if (typeof file.path !== "string" || file.path.length === 0) throw new TypeError(`${name}.path must be a non-empty string`);
  const data = file.data as unknown;
  const iterable = data !== null && typeof data === "object" && typeof (data as Iterable<unknown>)[Symbol.iterator] === "function";
  if (typeof data !== "string" && !(data instanceof Uint8Array) && !iterable) {
    throw new TypeError(`${name}.data must be a string, a Uint8Array or an iterable of them`);
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

// ---- what a signal must clean up ----

const liveTemps = new Set<string>();
let guards = 0;

function onSignal(signal: NodeJS.Signals): void {
  for (const tmp of liveTemps) removeQuietly(tmp);
  releaseHeldLocks();
  process.exit(signal === "SIGINT" ? 130 : 143);
}

/** From the first temp file to the last rename, SIGINT and SIGTERM remove the temp files and exit. */
function guardSignals(): void {
  if (guards++ === 0) {
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  }
}
/** One turn of the event loop first, so that a signal that came during the renames is still handled. */
async function unguardSignals(): Promise<void> {
  await nextTurn();
  if (--guards === 0) {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

// ---- the temp files ----

/** A temp file being written: chunks are gathered into writes of about WRITE_BYTES. */
class TempFile {
  private readonly fd: number;
  private pending: Array<string | Uint8Array> = [];
  private pendingSize = 0;
  written = 0;

  constructor(readonly tmp: string, target: string) {
    mkdirSync(dirname(tmp), { recursive: true });
    const mode = existingMode(target);
    liveTemps.add(tmp);
    this.fd = openSync(tmp, "w");
    try {
      if (mode !== null) fchmodSync(this.fd, mode);
    } catch (err) {
      closeSync(this.fd);
      throw err;
    }
  }

  /** Adds a chunk; true when a write to disk happened. */
  push(chunk: string | Uint8Array): boolean {
    if (typeof chunk !== "string" && !(chunk instanceof Uint8Array)) throw new TypeError(`${this.tmp}: a chunk must be a string or a Uint8Array`);
    this.pending.push(chunk);
    this.pendingSize += chunk.length;
    if (this.pendingSize < WRITE_BYTES) return false;
    this.flush();
    return true;
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const parts = this.pending.map((c) => (typeof c === "string" ? Buffer.from(c, "utf8") : c));
    const bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts);
    this.pending = [];
    this.pendingSize = 0;
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done);
    this.written += bytes.length;
  }

  /** Flushes, fsyncs and closes. */
  finish(): void {
    try {
      this.flush();
      fsyncSync(this.fd);
    } finally {
      closeSync(this.fd);
    }
  }

  abandon(): void {
    try {
      closeSync(this.fd);
    } catch {
      /* closed already */
    }
  }
}

function chunksOf(data: FileData): Iterable<string | Uint8Array> {
  return typeof data === "string" || data instanceof Uint8Array ? [data] : data;
}

interface Planned {
  path: string;
  asked: string;
  data: FileData;
  tmp: string;
}

/** Checks the arguments and resolves each target (through symlinks); throws before touching the disk. */
function plan(given: ReadonlyArray<FileToStream>): Planned[] {
  if (!Array.isArray(given)) throw new TypeError("files must be an array of { path, data }");
  const seen = new Set<string>();
  return given.map((file, i) => {
    checkFile(file, `files[${i}]`);
    const path = resolveWriteTarget(file.path);
    if (seen.has(path)) throw new RangeError(`files[${i}].path is listed twice: ${file.path}`);
    seen.add(path);
    return { path, asked: file.path, data: file.data, tmp: tempPathFor(path) };
  });
}

function foldersOf(files: Planned[]): string[] {
  return [...new Set(files.map((f) => dirname(f.path)))].sort();
}

/** Creates the folders (mkdir -p) and sweeps what killed runs left there. */
function prepareFolders(folders: string[], files: Planned[]): void {
  for (const folder of folders) {
    try {
      mkdirSync(folder, { recursive: true });
    } catch (err) {
      throw Object.assign(err as Error, { path: files.find((f) => dirname(f.path) === folder)?.asked });
    }
    sweepStaleTemps(folder);
  }
}

function checkNotFolders(files: Planned[]): void {
  for (const file of files) {
    let isFolder = false;
    try {
      isFolder = statSync(file.path).isDirectory();
    } catch {
      /* target does not exist yet */
    }
    if (isFolder) throw Object.assign(new Error(`${file.asked} is a folder`), { code: "EISDIR", path: file.asked });
  }
}

/** The renames, synchronous (no signal handler runs between two of them), under the folders' locks. */
function commit(files: Planned[]): void {
  files.forEach((file, i) => {
    try {
      renameSync(file.tmp, file.path);
      liveTemps.delete(file.tmp);
    } catch (err) {
      throw Object.assign(err as Error, { path: file.asked });
    }
    if (i === 0 && files.length > 1) testHookSync("between-renames");
  });
}

function cleanUp(files: Planned[], locks: string[]): void {
  for (const file of files) {
    if (liveTemps.delete(file.tmp)) removeQuietly(file.tmp);
  }
  for (const lock of locks) releaseLock(lock);
}

/** The error with `path` set to the file as the caller named it (for one-line messages). */
function withPath(err: unknown, file: Planned): unknown {
  return err !== null && typeof err === "object" ? Object.assign(err, { path: file.asked }) : err;
}

/**
 * Writes one file atomically: mkdir -p its folder, write its temp file, fsync, rename.
 * On failure the temp file is removed and the target is left as it was.
 * @example writeFileAtomic("reports/verdicts.json", "{}\n"); // => undefined (file written)
 */
export function writeFileAtomic(path: string, data: FileData): void {
  writeFilesAtomic([{ path, data }]);
}

/**
 * Writes several files as one unit, synchronously: every temp file is written and fsynced first,
 * and only if all succeeded are they renamed over their targets, under the folders' locks; on any
 * failure before the renames, all temp files are removed and no target is touched. (Each rename is
 * atomic; they only fail on a target that is a folder, which is checked before the first rename.)
 * Being synchronous, it cannot react to a signal: a run killed meanwhile leaves temp files that the
 * next write to the folder sweeps. Commands use `writeFilesAtomicAsync`.
 * @example writeFilesAtomic([{ path: "a.md", data: "# A\n" }, { path: "b.png", data: bytes }]);
 */
export function writeFilesAtomic(given: ReadonlyArray<FileToStream>): void {
  const files = plan(given);
  const folders = foldersOf(files);
  let locks: string[] = [];
  try {
    prepareFolders(folders, files);
    let hooked = false;
    for (const file of files) {
      const temp = new TempFile(file.tmp, file.path);
      try {
        for (const chunk of chunksOf(file.data)) {
          if (temp.push(chunk) && !hooked) {
            hooked = true;
            testHookSync("temp-written");
          }
        }
        temp.finish();
        if (!hooked) {
          hooked = true;
          testHookSync("temp-written");
        }
      } catch (err) {
        temp.abandon();
        throw withPath(err, file);
      }
    }
    checkNotFolders(files);
    locks = lockFoldersSync(folders);
    commit(files);
  } finally {
    cleanUp(files, locks);
  }
  for (const folder of folders) syncFolder(folder);
}

/**
 * `writeFilesAtomic` that yields to the event loop between writes of about 1 MiB, so that SIGINT
 * and SIGTERM are handled while the temp files are written: they are removed and the process exits
 * with 130 (SIGINT) or 143 (SIGTERM), no target touched. The renames themselves run in one
 * synchronous step: a signal arriving then is handled after them (the group is committed whole).
 * @example await writeFilesAtomicAsync([{ path: "out/runs.json", data: jsonFile(record) }]);
 */
export async function writeFilesAtomicAsync(given: ReadonlyArray<FileToStream>): Promise<void> {
  const files = plan(given);
  const folders = foldersOf(files);
  let locks: string[] = [];
  guardSignals();
  try {
    prepareFolders(folders, files);
    let hooked = false;
    for (const file of files) {
      const temp = new TempFile(file.tmp, file.path);
      try {
        for (const chunk of chunksOf(file.data)) {
          if (!temp.push(chunk)) continue;
          if (!hooked) {
            hooked = true;
            await testHook("temp-written");
          }
          await nextTurn();
        }
        temp.finish();
        if (!hooked) {
          hooked = true;
          await testHook("temp-written");
        }
      } catch (err) {
        temp.abandon();
        throw withPath(err, file);
      }
    }
    checkNotFolders(files);
    locks = await lockFolders(folders);
    commit(files);
  } finally {
    cleanUp(files, locks);
    await unguardSignals();
  }
  for (const folder of folders) syncFolder(folder);
}
