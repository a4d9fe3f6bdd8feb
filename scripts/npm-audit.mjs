#!/usr/bin/env node
// CI step: `npm audit --omit=dev` must find no high or critical advisory in what Tillit runs
// with. Some registries (this machine's among them) answer the audit endpoint with an error
// such as 405: then the dependencies were not checked, which is not the same as clean.
// This step says so loudly and lets CI go on; advisories found, or an answer it cannot
// read, fail it.
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const BLOCKING = ['high', 'critical'];

function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Reads the output of `npm audit --json` and decides.
 * @param {{ stdout: string, stderr?: string, exitCode: number | null }} run
 * @returns {{ outcome: 'pass' | 'fail' | 'not-checked', message: string }}
 */
export function decide({ stdout, stderr = '', exitCode }) {
  const report = parse(stdout);
  const counts = report?.metadata?.vulnerabilities;
  if (counts && typeof counts === 'object') {
    const blocking = BLOCKING.map((level) => [level, Number(counts[level] ?? 0)]).filter(([, n]) => n > 0);
    if (blocking.length === 0) {
      const lower = Number(counts.total ?? 0);
      return { outcome: 'pass', message: `npm audit: no high or critical advisory (${lower} lower)` };
    }
    const names = Object.values(report.vulnerabilities ?? {})
      .filter((v) => BLOCKING.includes(v.severity))
      .map((v) => `${v.name} (${v.severity})`);
    return {
      outcome: 'fail',
      message: `npm audit: ${blocking.map(([l, n]) => `${n} ${l}`).join(', ')}: ${names.join(', ')}`,
    };
  }
  // npm reports a failed request to the audit endpoint as JSON with a message (and a status
  // code when the registry answered), and "audit endpoint returned an error" on stderr.
  const endpointError = report && typeof report.message === 'string' && report.error && !report.metadata;
  if (endpointError || /audit endpoint returned an error/.test(stderr)) {
    const answer = report?.statusCode ? `${report.statusCode}` : (report?.message ?? 'an error');
    const why = report?.statusCode ? `registry answered ${answer}` : `registry unreachable: ${answer}`;
    return { outcome: 'not-checked', message: `npm audit: NOT CHECKED (${why})` };
  }
  return {
    outcome: 'fail',
    message: `npm audit: could not read its answer (exit code ${exitCode}): ${(stdout || stderr).slice(0, 300)}`,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
  const { outcome, message } = decide({ stdout: run.stdout ?? '', stderr: run.stderr ?? '', exitCode: run.status });
  console.log(message);
  process.exit(outcome === 'fail' ? 1 : 0);
}
