/**
 * The server side of `npm run bench:api`, in its own process so that the load generator
 * does not steal its CPU: loads a full-size district (PostgreSQL when DATABASE_URL is set,
 * where it drops and recreates Tillit's tables; else a fresh PGlite folder), listens on a
 * free port and reports it on stdout.
 */
import { buildApp } from '../apps/server/src/app.ts';
import { openBenchDatabase } from './db.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { FULL, generateDistrict } from '../apps/server/src/modules/demo/generator.ts';

const config = {
  ...loadConfig(),
  logLevel: 'silent',
  loginLimits: { perUser: 1000, perAddress: 100_000, windowMs: 60_000 },
};
const district = generateDistrict(FULL);
const database = await openBenchDatabase(config.databaseUrl, district, 20, process.env.BENCH_VISITS_FROM);
const app = await buildApp(database, config);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address() as { port: number };
process.stdout.write(
  `${JSON.stringify({ port: address.port, database: database.kind, description: database.description })}\n`,
);
process.on('SIGTERM', async () => {
  await app.close();
  await database.close();
  process.exit(0);
});
