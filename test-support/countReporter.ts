/**
 * Vitest reporter that ends the run with the plain line CI reads: `N passed, N failed`.
 * Skipped and todo tests are reported separately and count as neither. With coverage on
 * (`npm test`), vitest checks the thresholds after `onTestRunEnd`, and only when every test
 * passed: the line then waits for `onFinishedReportCoverage` (called once the coverage reports
 * and thresholds are done), and coverage below a threshold counts as one failure.
 */
import type { Reporter, TestModule, Vitest } from "vitest/node";

export default class CountReporter implements Reporter {
  private coverage = false;
  private pending: { passed: number; failed: number; skipped: number } | null = null;

  onInit(vitest: Vitest): void {
    this.coverage = vitest.config.coverage?.enabled === true;
  }

  onFinishedReportCoverage(): void {
    if (this.pending === null) return;
    const { passed, failed, skipped } = this.pending;
    this.pending = null;
    const below = process.exitCode !== undefined && process.exitCode !== 0;
    if (below) process.stdout.write("\ncoverage below the thresholds of vitest.config.ts (see above)");
    this.print(passed, failed + (below ? 1 : 0), skipped);
  }

  private print(passed: number, failed: number, skipped: number): void {
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}\n`);
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else skipped++;
      }
      // A file that failed to load has no tests but must count as a failure.
      if (mod.state() === "failed" && !mod.children.size) failed++;
    }
    failed += unhandledErrors.length;
    if (this.coverage && failed === 0) this.pending = { passed, failed, skipped };
    else this.print(passed, failed, skipped);
  }
}
