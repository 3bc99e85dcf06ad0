/**
 * The lock a group of writes holds in each target folder while it renames its files: a file
 * created with O_EXCL that holds the writer's pid, so two runs writing the same files never
 * interleave; a lock whose pid is dead (or that stayed empty for 10 s) is broken.
 */
import { closeSync, linkSync, openSync, readFileSync, renameSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { processAlive, removeQuietly } from "./staleTemps.ts";
import { sleep, sleepSync, testHook, testHookSync } from "./writeTestHooks.ts";

/** Name of the lock file that a group's renames hold in each target folder. */
export const LOCK_FILE = ".collapse-harness.lock";
/** How long a write waits for another live run's lock before giving up. */
export const LOCK_TIMEOUT_MS = 120_000;

/** The locks this process holds (released on SIGINT/SIGTERM by the writer). */
const heldLocks = new Set<string>();

/** Releases every lock this process holds. */
export function releaseHeldLocks(): void {
  for (const lock of [...heldLocks]) releaseLock(lock);
}

function readHolder(lock: string): number | null {
  try {
    const text = readFileSync(lock, "utf8").trim();
    return /^\d+$/.test(text) ? Number(text) : null;
  } catch {
    return null;
  }
}

/** Breaks a lock whose holder is dead (or that stayed empty): moves it aside, and puts back a live one moved by a race. */
function breakLock(lock: string, expected: number | null): void {
  const moved = `${lock}.broken-${process.pid}`;
  try {
    renameSync(lock, moved);
  } catch {
    return; // another run broke it first
  }
  if (readHolder(moved) !== expected) {
    try {
      linkSync(moved, lock); // a live run's fresh lock: restore it unless yet another exists
    } catch {
      /* one exists */
    }
  }
  removeQuietly(moved);
}

/** One attempt at a folder's lock: true when taken; otherwise the pid holding it (null when unknown). */
function tryLock(folder: string): true | { holder: number | null } {
  const lock = join(folder, LOCK_FILE);
  let fd: number;
  try {
    fd = openSync(lock, "wx");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw Object.assign(err as Error, { path: folder });
    const holder = readHolder(lock);
    if (holder !== null && !processAlive(holder)) {
      breakLock(lock, holder);
    } else if (holder === null) {
      let age = 0;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch {
        /* released meanwhile */
      }
      if (age > 10_000) breakLock(lock, null); // created, never filled: its writer died
    }
    return { holder };
  }
  heldLocks.add(lock);
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Releases a lock this process holds (removes it if it still names this process). */
export function releaseLock(lock: string): void {
  heldLocks.delete(lock);
  if (readHolder(lock) === process.pid) removeQuietly(lock);
}

function lockTimeout(folder: string, holder: number | null): Error {
  const who = holder === null ? "another run" : `another collapse-harness run (pid ${holder})`;
  return Object.assign(
    new Error(`${who} kept ${join(folder, LOCK_FILE)} for ${LOCK_TIMEOUT_MS / 1000} s (remove it if no run is writing there)`),
    { code: "ELOCKED", path: folder },
  );
}

/** Takes the lock of every folder, in sorted order (two groups never wait on each other in a cycle). */
export function lockFoldersSync(folders: string[]): string[] {
  const held: string[] = [];
  try {
    for (const folder of folders) {
      const deadline = Date.now() + LOCK_TIMEOUT_MS;
      let waited = false;
      for (let got = tryLock(folder); got !== true; got = tryLock(folder)) {
        if (Date.now() > deadline) throw lockTimeout(folder, got.holder);
        if (!waited) testHookSync("lock-wait");
        waited = true;
        sleepSync(20);
      }
      held.push(join(folder, LOCK_FILE));
    }
  } catch (err) {
    for (const lock of held) releaseLock(lock);
    throw err;
  }
  return held;
}

/** `lockFoldersSync`, waiting without blocking the event loop. */
export async function lockFolders(folders: string[]): Promise<string[]> {
  const held: string[] = [];
  try {
    for (const folder of folders) {
      const deadline = Date.now() + LOCK_TIMEOUT_MS;
      let waited = false;
      for (let got = tryLock(folder); got !== true; got = tryLock(folder)) {
        if (Date.now() > deadline) throw lockTimeout(folder, got.holder);
        if (!waited) await testHook("lock-wait");
        waited = true;
        await sleep(20);
      }
      held.push(join(folder, LOCK_FILE));
    }
  } catch (err) {
    for (const lock of held) releaseLock(lock);
    throw err;
  }
  return held;
}
