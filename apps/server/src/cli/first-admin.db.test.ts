import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.ts';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../modules/demo/generator.ts';
import { type DatabaseEnv, runTillit, startServer } from '../test/processes.ts';
import { wipe } from './demo.ts';
import { demoChoice } from './serve.ts';

/**
 * Finding 10 of #18: `npm start` on an empty PostgreSQL created `admin` and the other demo
 * accounts with the published password. A real database now starts with no accounts; the
 * first administrator is made with `tillit user add`.
 */

/**
 * An empty real database: the test's PostgreSQL wiped, or (on the PGlite run) an empty
 * embedded folder started as production, which must not get the demo either.
 */
async function emptyDatabase(): Promise<DatabaseEnv & Record<string, string>> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    return {
      DATABASE_URL: '',
      TILLIT_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tillit-first-')),
      NODE_ENV: 'production',
    };
  }
  const database = await openDatabase({ databaseUrl });
  try {
    await wipe(database.db);
    await database.db.execute(sql`DROP SCHEMA IF EXISTS pgboss CASCADE`);
  } finally {
    await database.close();
  }
  return { DATABASE_URL: databaseUrl };
}

const logIn = (url: string, username: string, password: string) =>
  fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  }).then((r) => r.status);

describe('the first start on an empty real database', () => {
  it('makes no demo accounts, says how to make the first administrator, and `tillit user add` makes them', async () => {
    const env = await emptyDatabase();
    const first = await startServer(env, []);
    try {
      for (const { username } of DEMO_LOGINS)
        expect(await logIn(first.url, username, DEMO_PASSWORD), username).toBe(401);
      expect(first.output()).toContain('tillit user add');
      expect(first.output()).not.toContain(DEMO_PASSWORD);
    } finally {
      await first.stop();
    }
    const password = 'et-langt-og-hemmelig-passord';
    const added = await runTillit(
      { ...env, TILLIT_PASSWORD: password } as DatabaseEnv,
      'user',
      'add',
      'forste',
      '--role',
      'admin',
      '--name',
      'Første Administrator',
    );
    expect(added.code).toBe(0);
    const again = await startServer(env, []);
    try {
      expect(await logIn(again.url, 'forste', password)).toBe(200);
      expect(again.output()).not.toContain('tillit user add');
    } finally {
      await again.stop();
    }
  }, 240_000);

  it('refuses the demo in production even when asked for', async () => {
    const env = {
      DATABASE_URL: '',
      TILLIT_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tillit-prod-')),
      NODE_ENV: 'production',
    };
    expect((await runTillit(env as DatabaseEnv, 'serve', '--demo', '--no-web-build')).code).toBe(2);
    expect((await runTillit(env as DatabaseEnv, 'demo')).code).toBe(2);
  }, 60_000);
});

describe('who gets the demo district', () => {
  it.each([
    [{}, { load: true }], // npm start: the embedded database
    [{ databaseUrl: 'postgres://db/tillit' }, { load: false }],
    [{ databaseUrl: 'postgres://db/tillit', demo: true }, { load: true }],
    [{ noDemo: true }, { load: false }],
    [{ nodeEnv: 'production' }, { load: false }],
    [{ nodeEnv: 'production', demo: true }, { refused: expect.stringContaining('NODE_ENV=production') }],
  ])('%j → %j', (opts, expected) => {
    expect(demoChoice(opts)).toEqual(expected);
  });
});
