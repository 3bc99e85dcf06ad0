/** Workload 6: the default `collapse-harness verify` run as a whole (wall time of the process). */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchContext } from "../runCase.ts";
import type { WorkloadResult } from "../types.ts";

const BIN = fileURLToPath(new URL("../../bin/collapse-harness.js", import.meta.url));

function runVerifyProcess(out: string): Promise<{ seconds: number; code: number | null }> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [BIN, "verify", "--out", out, "--quiet"], { stdio: ["ignore", "ignore", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) => resolve({ seconds: Number(process.hrtime.bigint() - t0) / 1e9, code }));
  });
}

/**
 * Workload 6: wall time of one default verify process (skipped in quick mode).
 * @example (await verifyWorkload({ ...ctx, quick: true })).skipped; // => "skipped in quick mode"
 */
export async function verifyWorkload(ctx: BenchContext): Promise<WorkloadResult> {
  const base = {
    id: "verify",
    title: "The default verify run",
    description: [
      "`node bin/collapse-harness.js verify --out <temp> --quiet`: every statement at its example points, the planted bugs and the figures, wall time of the whole process (its default worker count).",
      "Harness only; one repetition.",
    ],
    targets: [],
  };
  if (ctx.quick) return { ...base, cases: [], skipped: "skipped in quick mode" };
  const dir = mkdtempSync(join(tmpdir(), "bench-verify-"));
  try {
    ctx.log("  verify (one run)");
    const { seconds, code } = await runVerifyProcess(dir);
    return {
      ...base,
      cases: [
        {
          id: "verify",
          label: "collapse-harness verify (defaults)",
          unit: "workload",
          parameters: { seed: 1 },
          sides: [{ kind: "harness", name: "verify", seconds: [seconds], median: seconds }],
          notes: [`Exit code ${code}${code === 0 ? " (every verdict as expected)" : ""}.`],
        },
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
