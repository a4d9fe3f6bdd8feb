import { loadConfig, type Config } from '../config.ts';
import { migrateDatabase, openDatabase, type Database } from '../db/client.ts';

/** Opens the configured database (PostgreSQL when DATABASE_URL is set, else PGlite in TILLIT_DATA_DIR) and migrates it. */
export async function openConfigured(config: Config = loadConfig()): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateDatabase(database);
  return database;
}

/** Progress lines for long jobs: what is happening and how long it has taken so far. */
export function progress(label: string) {
  const start = Date.now();
  return (step: string) => console.error(`[${label} ${((Date.now() - start) / 1000).toFixed(1)}s] ${step}`);
}
