#!/usr/bin/env node
// `npm test`: installs what the tests need, type-checks, checks format, lint and module
// boundaries (dependency-cruiser and scripts/boundaries-sql.mjs), then runs every suite — unit and
// database tests (vitest; PGlite, and PostgreSQL too when TILLIT_TEST_POSTGRES_URL is set)
// and browser tests (Playwright on Debian's chromium) — and ends with one line
// "N passed, N failed" that CI counts. The counting (scripts/test-count.mjs) trusts neither
// a report nor an exit code alone: a suite that did not run is a failure.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closingLine, countPlaywright, countVitest, total } from './test-count.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const results = 'test-results';
const counts = [];
const checks = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function readReport(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  const root = process.getuid?.() === 0;
  if (!root) {
    console.error(`Chromium is missing at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium`);
    return false;
  }
  run('installing Debian chromium', 'bash', [
    '-c',
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
  ]);
  return existsSync(CHROMIUM);
}

/** Starts a vitest run whose output goes to `<results>/<name>.log`; resolves when it has been counted. */
function vitestInBackground(label, name, args, env) {
  // Outside test-results, which Playwright empties when it starts.
  const dir = mkdtempSync(join(tmpdir(), `tillit-${name}-`));
  const file = join(dir, `${name}.json`);
  const log = join(dir, `${name}.log`);
  const reporters = ['--reporter=default', '--reporter=json', `--outputFile=${file}`];
  console.log(`\n=== ${label}: started beside the browser tests, output in ${log} ===`);
  // A file descriptor, not a pipe: the steps after this one block the event loop (spawnSync),
  // and a pipe nobody drains would stall the child once its buffer fills.
  const fd = openSync(log, 'w');
  const child = spawn('npx', ['vitest', 'run', ...args, ...reporters], {
    env: { ...process.env, ...env },
    stdio: ['ignore', fd, fd],
  });
  return new Promise((resolve) => {
    child.on('close', (code) => {
      closeSync(fd);
      console.log(`\n=== ${label} (exit ${code}) ===\n${readFileSync(log, 'utf8')}`);
      counts.push(countVitest({ label, exitCode: code ?? 1, report: readReport(file) }));
      resolve();
    });
  });
}

function vitest(label, file, args, env) {
  const reporters = ['--reporter=default', '--reporter=json', `--outputFile=${file}`];
  const exitCode = run(label, 'npx', ['vitest', 'run', ...args, ...reporters], env);
  counts.push(countVitest({ label, exitCode, report: readReport(file) }));
}

rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

checks.push({ label: 'type check', exitCode: run('type check', 'npx', ['tsc', '-p', 'tsconfig.json']) });
checks.push({ label: 'Biome', exitCode: run('format and lint (Biome)', 'npx', ['biome', 'ci', '.']) });
checks.push({
  label: 'module boundaries',
  exitCode: run('module boundaries', 'npm', ['run', '--silent', 'boundaries']),
});

vitest('unit and database tests (PGlite)', `${results}/vitest.json`, [], { DATABASE_URL: '' });

// The PostgreSQL run works mostly in the database server while the browser tests wait on
// chromium, so the two run side by side; its output goes to a file, printed when it ends.
const pg = process.env.TILLIT_TEST_POSTGRES_URL;
const pgRun = pg
  ? vitestInBackground('database tests (PostgreSQL)', 'vitest-pg', ['--project', 'db'], { DATABASE_URL: pg })
  : null;

if (!ensureChromium()) checks.push({ label: 'chromium', exitCode: 1 });
else {
  const build = run('building the web app', 'npx', [
    'vite',
    'build',
    '--config',
    'apps/web/vite.config.ts',
    '--logLevel',
    'warn',
  ]);
  checks.push({ label: 'web build', exitCode: build });
  const file = `${results}/playwright.json`;
  const exitCode = run('browser tests', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: file,
  });
  counts.push(countPlaywright({ label: 'browser tests', exitCode, report: readReport(file) }));
}

if (pgRun) await pgRun;

const sum = total(counts, checks);
if (sum.problems.length) console.log(`\nCounted as failures:\n${sum.problems.map((p) => `  - ${p}`).join('\n')}`);
if (sum.skipped) console.log(`\n${sum.skipped} skipped`);
console.log(`\n${closingLine(sum)}`);
process.exit(sum.failed > 0 ? 1 : 0);
