#!/usr/bin/env node
// `npm test`: installs what the tests need, type-checks, then runs every suite — unit and
// database tests (vitest; PGlite, and PostgreSQL too when TILLIT_TEST_POSTGRES_URL is set)
// and browser tests (Playwright on Debian's chromium) — and ends with one line
// "N passed, N failed" that CI counts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const results = 'test-results';
let passed = 0;
let failed = 0;
let broken = false;

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
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

function countVitest(file) {
  if (!existsSync(file)) {
    broken = true;
    return;
  }
  const j = JSON.parse(readFileSync(file, 'utf8'));
  passed += j.numPassedTests;
  failed += j.numFailedTests;
  // A file that fails to load has no failing test but must still fail the run.
  if (j.numFailedTestSuites > 0 && j.numFailedTests === 0) failed += j.numFailedTestSuites;
}

function countPlaywright(file) {
  if (!existsSync(file)) {
    broken = true;
    return;
  }
  const s = JSON.parse(readFileSync(file, 'utf8')).stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  if ((s.errors ?? []).length) broken = true;
}

rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

if (run('type check', 'npx', ['tsc', '-p', 'tsconfig.json']) !== 0) broken = true;
if (run('format and lint (Biome)', 'npx', ['biome', 'ci', '.']) !== 0) broken = true;

run(
  'unit and database tests (PGlite)',
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${results}/vitest.json`],
  {
    DATABASE_URL: '',
  },
);
countVitest(`${results}/vitest.json`);

const pg = process.env.TILLIT_TEST_POSTGRES_URL;
if (pg) {
  run(
    'database tests (PostgreSQL)',
    'npx',
    [
      'vitest',
      'run',
      '--project',
      'db',
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${results}/vitest-pg.json`,
    ],
    {
      DATABASE_URL: pg,
    },
  );
  countVitest(`${results}/vitest-pg.json`);
}

if (!ensureChromium()) broken = true;
else {
  if (
    run('building the web app', 'npx', [
      'vite',
      'build',
      '--config',
      'apps/web/vite.config.ts',
      '--logLevel',
      'warn',
    ]) !== 0
  )
    broken = true;
  run('browser tests', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: `${results}/playwright.json`,
  });
  countPlaywright(`${results}/playwright.json`);
}

if (broken) {
  console.log('\nA test step could not run (see above).');
  failed = Math.max(failed, 1);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
