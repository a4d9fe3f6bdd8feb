import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from './client.ts';

it('does not let two handles open one PGlite folder', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tillit-data-'));
  const first = await openDatabase({ dataDir: dir });
  await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/in use by process/);
  await first.close();
  const again = await openDatabase({ dataDir: dir });
  await again.close();
});

it.skipIf(!process.env.DATABASE_URL)(
  'migrates once when several servers start together on one PostgreSQL',
  async () => {
    const { sql } = await import('drizzle-orm');
    const { migrateDatabase } = await import('./client.ts');
    const { wipe } = await import('../cli/demo.ts');
    const servers = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: process.env.DATABASE_URL })));
    try {
      await wipe(servers[0].db);
      await Promise.all(servers.map((s) => migrateDatabase(s)));
      const applied = await servers[0].db.execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
      const files = (await import('node:fs')).readdirSync(path.join(import.meta.dirname, 'migrations'));
      expect(applied.rows[0].n).toBe(files.filter((f) => f.endsWith('.sql')).length);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
  },
);
