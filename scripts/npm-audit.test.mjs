import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decide } from './npm-audit.mjs';

// Captured from npm 11 (scripts/fixtures/npm-audit/): this machine's registry (405), a registry
// that refuses the connection, and a clean report. A report with advisories cannot be captured
// here (the endpoint does not answer), so those are written below in npm's report format.
const captured = (name) => readFileSync(new URL(`./fixtures/npm-audit/${name}.json`, import.meta.url), 'utf8');
const ENDPOINT_ERROR = 'npm error audit endpoint returned an error\n';

function report(counts, vulnerabilities = {}) {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts, total } },
  });
}

describe('npm audit in CI', () => {
  it('says NOT CHECKED and lets CI go on when the registry answers the audit endpoint with 405', () => {
    const d = decide({ stdout: captured('endpoint-405'), stderr: ENDPOINT_ERROR, exitCode: 1 });
    expect(d).toEqual({ outcome: 'not-checked', message: 'npm audit: NOT CHECKED (registry answered 405)' });
  });

  it('says NOT CHECKED when the registry cannot be reached', () => {
    const d = decide({ stdout: captured('endpoint-refused'), stderr: ENDPOINT_ERROR, exitCode: 1 });
    expect(d.outcome).toBe('not-checked');
    expect(d.message).toMatch(/^npm audit: NOT CHECKED \(registry unreachable: .*ECONNREFUSED/);
  });

  it('passes a clean report', () => {
    expect(decide({ stdout: captured('clean'), exitCode: 0 })).toEqual({
      outcome: 'pass',
      message: 'npm audit: no high or critical advisory (0 lower)',
    });
  });

  it('passes moderate and low advisories, and counts them', () => {
    const d = decide({ stdout: report({ moderate: 2, low: 1 }), exitCode: 1 });
    expect(d).toEqual({ outcome: 'pass', message: 'npm audit: no high or critical advisory (3 lower)' });
  });

  it('fails on a high or critical advisory and names the package, whatever the exit code', () => {
    const vulnerabilities = {
      'some-lib': { name: 'some-lib', severity: 'critical', isDirect: true, via: [], range: '<2.0.1' },
      other: { name: 'other', severity: 'moderate', isDirect: false, via: ['some-lib'], range: '*' },
    };
    const d = decide({ stdout: report({ critical: 1, moderate: 1 }, vulnerabilities), exitCode: 0 });
    expect(d).toEqual({ outcome: 'fail', message: 'npm audit: 1 critical: some-lib (critical)' });
  });

  it('fails on an answer it cannot read, rather than calling it clean', () => {
    expect(decide({ stdout: '<html>Bad gateway</html>', stderr: '', exitCode: 1 }).outcome).toBe('fail');
    expect(decide({ stdout: '', stderr: '', exitCode: null }).outcome).toBe('fail');
  });
});
