// The counting behind `npm test`'s closing line, apart from the running so that it can be
// tested on fixture reports (scripts/test-count.test.mjs). A run must never read green when
// a suite did not run: a missing report, a top-level error (Playwright's web server did not
// start), a file that failed to load, a non-zero exit code with no failing test to explain it,
// or a suite in which no test executed all count as failures, each with a line saying why.

/**
 * @typedef {{ passed: number, failed: number, skipped: number, problems: string[] }} Count
 * @typedef {{ label: string, exitCode: number, report: unknown }} StepResult
 */

/** @returns {Count} */
const empty = () => ({ passed: 0, failed: 0, skipped: 0, problems: [] });

/** A step's exit code must agree with its report: a failure with no failing test still fails. */
function settle(/** @type {Count} */ count, /** @type {StepResult} */ step) {
  if (count.passed + count.failed === 0) count.problems.push(`${step.label}: no test executed`);
  if (step.exitCode !== 0 && count.failed === 0 && count.problems.length === 0) {
    count.problems.push(`${step.label}: exited with code ${step.exitCode} although no test failed`);
  }
  count.failed += count.problems.length;
  return count;
}

/**
 * Counts a vitest JSON report (`--reporter=json`). Files that failed to load have no test
 * results; each counts as one failure.
 * @param {StepResult} step
 * @returns {Count}
 */
export function countVitest(step) {
  const count = empty();
  const r = /** @type {any} */ (step.report);
  if (!r || typeof r !== 'object') {
    count.problems.push(`${step.label}: no report was written`);
    count.failed += 1;
    return count;
  }
  count.passed = r.numPassedTests ?? 0;
  count.failed = r.numFailedTests ?? 0;
  count.skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  for (const file of r.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((a) => a.status === 'failed').length;
    if (file.status === 'failed' && failedTests === 0) {
      count.problems.push(`${step.label}: ${file.name} did not run: ${(file.message ?? '').split('\n')[0]}`);
    }
  }
  return settle(count, step);
}

/**
 * Counts a Playwright JSON report. Its `errors` sit at the top level (not under `stats`):
 * a web server that did not start, a global setup that threw.
 * @param {StepResult} step
 * @returns {Count}
 */
export function countPlaywright(step) {
  const count = empty();
  const r = /** @type {any} */ (step.report);
  if (!r || typeof r !== 'object' || !r.stats) {
    count.problems.push(`${step.label}: no report was written`);
    count.failed += 1;
    return count;
  }
  count.passed = (r.stats.expected ?? 0) + (r.stats.flaky ?? 0);
  count.failed = r.stats.unexpected ?? 0;
  count.skipped = r.stats.skipped ?? 0;
  for (const error of r.errors ?? []) {
    count.problems.push(`${step.label}: ${String(error.message ?? error).split('\n')[0]}`);
  }
  return settle(count, step);
}

/**
 * Adds up the steps' counts (and steps that ran no tests but must succeed: type check, lint).
 * @param {Count[]} counts
 * @param {{ label: string, exitCode: number }[]} checks
 */
export function total(counts, checks = []) {
  const sum = empty();
  for (const c of counts) {
    sum.passed += c.passed;
    sum.failed += c.failed;
    sum.skipped += c.skipped;
    sum.problems.push(...c.problems);
  }
  for (const check of checks) {
    if (check.exitCode !== 0) {
      sum.problems.push(`${check.label}: exited with code ${check.exitCode}`);
      sum.failed += 1;
    }
  }
  return sum;
}

/** The closing line CI counts; keep its shape. */
export const closingLine = (/** @type {Count} */ sum) => `${sum.passed} passed, ${sum.failed} failed`;
