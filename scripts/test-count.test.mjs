import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { closingLine, countPlaywright, countVitest, total } from './test-count.mjs';

// Real reports, trimmed (config and per-test detail removed): see scripts/fixtures/.
const fixture = (name) => JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));

describe('Playwright report', () => {
  it('fails a run whose web server did not start (the error is at the top level, not under stats)', () => {
    const c = countPlaywright({ label: 'browser', exitCode: 1, report: fixture('playwright-webserver-failed') });
    expect(c.passed).toBe(0);
    expect(c.failed).toBeGreaterThan(0);
    expect(c.problems.join('\n')).toMatch(/webServer was not able to start/);
    expect(closingLine(total([c]))).not.toBe('0 passed, 0 failed');
  });

  it('counts passed and failed tests of a normal run', () => {
    const c = countPlaywright({ label: 'browser', exitCode: 1, report: fixture('playwright-one-failed') });
    expect(c).toMatchObject({ passed: 19, failed: 1, skipped: 0, problems: [] });
  });

  it('fails a run in which no browser test executed, even with exit code 0', () => {
    const report = { errors: [], stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 20 }, suites: [] };
    const c = countPlaywright({ label: 'browser', exitCode: 0, report });
    expect(c.skipped).toBe(20);
    expect(c.failed).toBe(1);
    expect(c.problems).toEqual(['browser: no test executed']);
  });

  it('fails when no report was written', () => {
    expect(countPlaywright({ label: 'browser', exitCode: 1, report: undefined }).failed).toBe(1);
  });

  it('fails a non-zero exit with nothing failing in the report', () => {
    const report = { errors: [], stats: { expected: 3, unexpected: 0, flaky: 1, skipped: 0 }, suites: [] };
    const c = countPlaywright({ label: 'browser', exitCode: 130, report });
    expect(c).toMatchObject({ passed: 4, failed: 1 });
    expect(c.problems[0]).toMatch(/exited with code 130/);
    expect(countPlaywright({ label: 'browser', exitCode: 0, report }).failed).toBe(0);
  });
});

describe('vitest report', () => {
  it('counts a file that failed to load as a failure next to failing tests, and skipped/todo as skipped', () => {
    const c = countVitest({ label: 'unit', exitCode: 1, report: fixture('vitest-load-error') });
    expect(c.passed).toBe(1);
    expect(c.skipped).toBe(2);
    expect(c.failed).toBe(2); // one failing test + one file that did not load
    expect(c.problems[0]).toMatch(/zz-broken\.test\.ts did not run: Cannot find module/);
  });

  it('fails a run in which no test executed', () => {
    const c = countVitest({ label: 'db (PostgreSQL)', exitCode: 1, report: fixture('vitest-none') });
    expect(c.failed).toBe(1);
    expect(c.problems).toEqual(['db (PostgreSQL): no test executed']);
  });

  it('fails an exit code the report does not explain (an unhandled error outside any test)', () => {
    const report = { numPassedTests: 5, numFailedTests: 0, testResults: [] };
    expect(countVitest({ label: 'unit', exitCode: 1, report }).failed).toBe(1);
    expect(countVitest({ label: 'unit', exitCode: 0, report }).failed).toBe(0);
  });
});

describe('total', () => {
  it('adds the suites and the checks that run no tests', () => {
    const unit = countVitest({ label: 'unit', exitCode: 0, report: { numPassedTests: 10, numFailedTests: 0 } });
    const browser = countPlaywright({ label: 'browser', exitCode: 1, report: fixture('playwright-one-failed') });
    const sum = total(
      [unit, browser],
      [
        { label: 'type check', exitCode: 0 },
        { label: 'lint', exitCode: 1 },
      ],
    );
    expect(closingLine(sum)).toBe('29 passed, 2 failed');
    expect(sum.problems).toEqual(['lint: exited with code 1']);
  });
});
