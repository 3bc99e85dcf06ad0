/**
 * Test support: a folder in which this process cannot create files. A 0555 folder for an ordinary
 * user; root writes there anyway, so for root a kernel folder of /sys (mounted read-only for
 * files), or null where neither works (the caller skips).
 */
import { chmodSync, closeSync, existsSync, mkdtempSync, openSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function canCreateIn(folder: string): boolean {
  const probe = join(folder, `.probe-${process.pid}`);
  try {
    closeSync(openSync(probe, "wx"));
    unlinkSync(probe);
    return true;
  } catch {
    return false;
  }
}

/** A read-only folder and a cleanup, or null when none can be found here. */
export function readOnlyFolder(): { path: string; cleanup(): void } | null {
  const mine = mkdtempSync(join(tmpdir(), "read-only-"));
  chmodSync(mine, 0o555);
  const cleanup = () => {
    chmodSync(mine, 0o755);
    rmSync(mine, { recursive: true, force: true });
  };
  if (!canCreateIn(mine)) return { path: mine, cleanup };
  cleanup();
  for (const candidate of ["/sys/kernel", "/sys", "/proc/self"]) {
    if (existsSync(candidate) && !canCreateIn(candidate)) return { path: candidate, cleanup() {} };
  }
  return null;
}
