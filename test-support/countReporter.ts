/**
 * Vitest reporter that ends the run with the plain line CI reads: `N passed, N failed`.
 * Skipped and todo tests are reported separately and count as neither. With coverage on
 * (`npm test`), vitest writes the coverage reports and checks the thresholds after
 * `onTestRunEnd`: the line then waits for `onFinishedReportCoverage` (called once they are
 * done), and when every test passed, coverage below a threshold counts as one failure.
 */
import type { Reporter, TestModule, Vitest } from "vitest/node";

export default class CountReporter implements Reporter {
  /** Whether vitest reports coverage after the run (on, and with failed tests only if reportOnFailure). */
  private coverage: { enabled: boolean; onFailure: boolean } = { enabled: false, onFailure: false };
  private pending: { passed: number; failed: number; skipped: number } | null = null;

  onInit(vitest: Vitest): void {
    const coverage = vitest.config.coverage;
    this.coverage = { enabled: coverage?.enabled === true, onFailure: coverage?.enabled === true && coverage.reportOnFailure === true };
  }

  onFinishedReportCoverage(): void {
    if (this.pending === null) return;
    const { passed, failed, skipped } = this.pending;
    this.pending = null;
    const below = failed === 0 && process.exitCode !== undefined && process.exitCode !== 0;
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
    if (this.coverage.enabled && (failed === 0 || this.coverage.onFailure)) this.pending = { passed, failed, skipped };
    else this.print(passed, failed, skipped);
  }
}
