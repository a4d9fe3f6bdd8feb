import { osloDate } from '@tillit/contracts';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp, webDist } from '../app.ts';
import { loadConfig } from '../config.ts';
import { DEMO, DEMO_LOGINS, DEMO_PASSWORD, generateDistrict } from '../modules/demo/index.ts';
import { ensureCompetenceCatalogue, isEmpty, loadDistrict } from '../modules/demo/index.ts';
import { openConfigured, progress } from './shared.ts';

/** Builds the web app with Vite when it has not been built yet (first start). */
async function ensureWebBuilt(log: (s: string) => void, force: boolean) {
  if (!force && existsSync(path.join(webDist, 'index.html'))) return;
  log('building the web app (first start only)');
  const { build } = await import('vite');
  await build({ configFile: path.resolve(webDist, '../vite.config.ts'), logLevel: 'warn' });
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { 'no-demo': { type: 'boolean' }, build: { type: 'boolean' }, 'no-web-build': { type: 'boolean' } },
  });
  const config = loadConfig();
  const log = progress('tillit');
  // --no-web-build: an API server behind a separate web host (or a test) never waits for Vite.
  if (!values['no-web-build']) await ensureWebBuilt(log, Boolean(values.build));
  const database = await openConfigured(config);
  log(`database: ${database.description}`);
  await ensureCompetenceCatalogue(database.db);
  const fresh = await isEmpty(database.db);
  if (fresh && !values['no-demo']) {
    log('first start: creating the demo district');
    await loadDistrict(database.db, generateDistrict(DEMO), (s) => log(`loading ${s}`), osloDate(config.clock.now()));
  }
  const app = await buildApp(database, config);
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  console.log(`\nTillit kjører på http://localhost:${config.port}`);
  if (!values['no-demo']) {
    console.log(`\nDemo-innlogginger (passord: ${DEMO_PASSWORD}):`);
    for (const l of DEMO_LOGINS) console.log(`  ${l.username.padEnd(12)} ${l.note}`);
  }
  // Keep running until a signal arrives.
  await new Promise(() => {});
  return 0;
}
