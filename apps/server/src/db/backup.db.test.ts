import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../modules/audit/audit.repository.ts';
import { loadDistrict } from '../modules/demo/demo.loader.ts';
import { DEMO_PASSWORD, generateDistrict } from '../modules/demo/generator.ts';
import { buildTestApp, logInAs, openTestDatabase } from '../test/harness.ts';
import { backupDatabase, type TableFigures, tableFigures } from './backup.ts';
import { type Database, migrateDatabase, openDatabase } from './client.ts';
import { restoreDatabase } from './restore.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'tillit-backup-'));
const quiet = () => {};
let database: Database;
let app: FastifyInstance;
let before: TableFigures;

/** A small district with a day of use: record reads and a write, so the audit chains carry rows. */
async function fill(db: Database, server: FastifyInstance) {
  const today = new Date().toISOString().slice(0, 10);
  await loadDistrict(db.db, generateDistrict({ teams: 2, staffPerTeam: [6, 6], recipients: 24 }, 7), undefined, today);
  const nurse = await logInAs(server, 'sykepleier', DEMO_PASSWORD);
  const me = await nurse.get('/api/auth/me');
  const people = (await nurse.get(`/api/teams/${me.body.teamIds[0]}/recipients`)).body as { id: string }[];
  await Promise.all(people.slice(0, 10).map((p) => nurse.get(`/api/recipients/${p.id}`)));
  const added = await nurse.post(`/api/recipients/${people[0].id}/next-of-kin`, {
    name: 'Kari Nordmann',
    relation: 'datter',
    phone: '+4790000000',
    isClosest: false,
  });
  expect(added.status).toBeLessThan(300);
}

const rowsIn = (f: TableFigures) => Object.values(f).reduce((n, t) => n + t.rows, 0);

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database);
  await fill(database, app);
  before = await tableFigures(database.db);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('backup and restore', () => {
  it('restores what it backed up: the same rows and content in every table, an intact audit chain', async () => {
    const file = path.join(dir, 'round-trip.tillit');
    const lines: string[] = [];
    const written = await backupDatabase(database, file, (m) => lines.push(m));
    expect(written).toEqual(before);
    expect(lines).toContain(`audit_log: ${before.audit_log.rows} rows`); // progress per table
    expect(before.audit_log.rows).toBeGreaterThan(10);

    await expect(restoreDatabase(database, file, quiet)).rejects.toThrow(/already holds data/);
    await restoreDatabase(database, file, quiet, { replace: true });

    const after = await tableFigures(database.db);
    expect(after).toEqual(before);
    expect(await verifyAuditLog(database.db)).toEqual({ ok: true, rows: before.audit_log.rows });
    // The restored database goes on: the next audited read continues the chain.
    const nurse = await logInAs(app, 'sykepleier', DEMO_PASSWORD);
    const me = await nurse.get('/api/auth/me');
    expect((await nurse.get(`/api/teams/${me.body.teamIds[0]}/recipients`)).status).toBe(200);
    expect(await verifyAuditLog(database.db)).toMatchObject({ ok: true });
  });

  it('moves between engines: a backup restores into a fresh embedded database with the same figures', async () => {
    const file = path.join(dir, 'move.tillit');
    await backupDatabase(database, file, quiet);
    const expected = await tableFigures(database.db);
    const embedded = await openDatabase({});
    try {
      await restoreDatabase(embedded, file, quiet);
      expect(await tableFigures(embedded.db)).toEqual(expected);
      expect(await verifyAuditLog(embedded.db)).toMatchObject({ ok: true, rows: expected.audit_log.rows });
    } finally {
      await embedded.close();
    }
  });

  it('refuses a damaged, a cut-short or a newer backup before touching the database', async () => {
    const file = path.join(dir, 'good.tillit');
    await backupDatabase(database, file, quiet);
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    const expected = await tableFigures(database.db);
    const target = await openDatabase({});
    try {
      await migrateDatabase(target);
      const variants = {
        damaged: text.replace('"Kari Nordmann"', '"Kari Nordmanm"'),
        cut: text.slice(0, text.lastIndexOf('@end')),
        newer: text.replace(/"count":(\d+)/, (_m, n) => `"count":${Number(n) + 1}`),
      };
      const messages = { damaged: /damaged: table next_of_kin/, cut: /cut short/, newer: /newer Tillit/ };
      for (const [name, body] of Object.entries(variants)) {
        const bad = path.join(dir, `${name}.tillit`);
        writeFileSync(bad, gzipSync(body));
        await expect(restoreDatabase(target, bad, quiet, { replace: true }), name).rejects.toThrow(
          messages[name as keyof typeof messages],
        );
      }
      // Nothing was wiped or half-written: the target is the freshly migrated database it was.
      expect(rowsIn(await tableFigures(target.db))).toBe(16); // the audit chains' heads only
      expect(await tableFigures(database.db)).toEqual(expected);
    } finally {
      await target.close();
    }
  });
});

describe('tillit backup and tillit restore', () => {
  const run = promisify(execFile);
  const tillit = path.resolve(import.meta.dirname, '../../../../cli/tillit.mjs');

  it('back up one embedded folder and restore it into another, with progress on the way', async () => {
    const source = path.join(dir, 'cli-source');
    const folder = await openDatabase({ dataDir: source });
    await migrateDatabase(folder);
    const folderApp = await buildTestApp(folder);
    await fill(folder, folderApp);
    const expected = await tableFigures(folder.db);
    await folderApp.close();
    await folder.close();

    const file = path.join(dir, 'cli.tillit');
    const env = { ...process.env, DATABASE_URL: '', TILLIT_DATA_DIR: source };
    const backup = await run(process.execPath, [tillit, 'backup', file], { env });
    expect(backup.stderr).toMatch(/\[backup [\d.]+s\] audit_log: \d+ rows/);
    expect(backup.stdout).toMatch(`Backup written to ${file}: ${Object.keys(expected).length} tables`);

    const target = path.join(dir, 'cli-target');
    const restore = await run(process.execPath, [tillit, 'restore', file], {
      env: { ...env, TILLIT_DATA_DIR: target },
    });
    expect(restore.stderr).toMatch(/\[restore [\d.]+s\] checking row counts and content hashes/);
    expect(restore.stdout).toMatch(`Audit log intact: ${expected.audit_log.rows} rows.`);

    const restored = await openDatabase({ dataDir: target });
    try {
      expect(await tableFigures(restored.db)).toEqual(expected);
    } finally {
      await restored.close();
    }
  }, 180_000); // two CLI processes each start and migrate PGlite: slow on a busy machine
});
