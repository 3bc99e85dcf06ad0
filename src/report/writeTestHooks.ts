/**
 * Waiting, and the hooks child-process tests synchronise with a write through (never set in use).
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const sleepCell = new Int32Array(new SharedArrayBuffer(4));
/** Blocks this thread for `ms` milliseconds. */
export function sleepSync(ms: number): void {
  Atomics.wait(sleepCell, 0, 0, ms);
}
export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
export function nextTurn(): Promise<void> {
  return new Promise((done) => setImmediate(done));
}

/**
 * With COLLAPSE_HARNESS_TEST_HOOKS=<folder>, each hook point touches `<folder>/<point>.<pid>`; a
 * point listed in COLLAPSE_HARNESS_TEST_PAUSE (comma-separated) then waits until
 * `<folder>/<point>.<pid>.go` exists. Points: temp-written (the first chunk of the first temp file
 * is on disk), lock-wait (another live run holds a lock), between-renames (the first file of a
 * group is renamed, the others not yet).
 */
function hookGate(point: string): string | null {
  const folder = process.env.COLLAPSE_HARNESS_TEST_HOOKS;
  if (folder === undefined || folder === "") return null;
  const marker = join(folder, `${point}.${process.pid}`);
  writeFileSync(marker, "");
  return (process.env.COLLAPSE_HARNESS_TEST_PAUSE ?? "").split(",").includes(point) ? `${marker}.go` : null;
}
export function testHookSync(point: string): void {
  const gate = hookGate(point);
  if (gate !== null) while (!existsSync(gate)) sleepSync(10);
}
export async function testHook(point: string): Promise<void> {
  const gate = hookGate(point);
  if (gate !== null) while (!existsSync(gate)) await sleep(10);
}
