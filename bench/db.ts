import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { wipe } from '../apps/server/src/cli/demo.ts';
import { migrateDatabase, openDatabase } from '../apps/server/src/db/client.ts';
import { loadDistrict } from '../apps/server/src/modules/demo/demo.loader.ts';
import type { District } from '../apps/server/src/modules/demo/generator.ts';

/**
 * The database a benchmark runs on: PostgreSQL when DATABASE_URL is set (Tillit's tables are
 * dropped and recreated there), else a fresh PGlite folder; migrated and loaded with a district
 * (and, when asked, two weeks of visits from its care plans).
 */
export async function openBenchDatabase(
  databaseUrl: string | undefined,
  district: District,
  poolSize?: number,
  /** Also make two weeks of visits from this day (YYYY-MM-DD). */
  visitsFrom?: string,
) {
  const database = await openDatabase({
    databaseUrl,
    dataDir: databaseUrl ? undefined : mkdtempSync(path.join(tmpdir(), 'tillit-bench-')),
    poolSize,
  });
  if (database.kind === 'postgresql') await wipe(database.db);
  await migrateDatabase(database);
  await loadDistrict(database.db, district, undefined, visitsFrom);
  return database;
}
