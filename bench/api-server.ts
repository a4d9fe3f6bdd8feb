/**
 * The server side of `npm run bench:api`, in its own process so that the load generator
 * does not steal its CPU: loads a full-size district (PostgreSQL when DATABASE_URL is set,
 * where it drops and recreates Tillit's tables; else a fresh PGlite folder), listens on a
 * free port and reports it on stdout.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { migrateDatabase, openDatabase } from '../apps/server/src/db/client.ts';
import { wipe } from '../apps/server/src/cli/demo.ts';
import { FULL, generateDistrict } from '../apps/server/src/modules/demo/generator.ts';
import { loadDistrict } from '../apps/server/src/modules/demo/demo.loader.ts';

const config = { ...loadConfig(), logLevel: 'silent', loginRateLimit: { max: 1000, windowMs: 60_000 } };
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.databaseUrl ? undefined : mkdtempSync(path.join(tmpdir(), 'tillit-bench-')),
  poolSize: 20,
});
if (database.kind === 'postgresql') await wipe(database.db);
await migrateDatabase(database);
const district = generateDistrict(FULL);
await loadDistrict(database.db, district);
const app = await buildApp(database, config);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address() as { port: number };
process.stdout.write(JSON.stringify({ port: address.port, database: database.kind, description: database.description }) + '\n');
process.on('SIGTERM', async () => {
  await app.close();
  await database.close();
  process.exit(0);
});
