import { osloDate } from '@tillit/contracts';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { buildApp, webDist } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
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

/** Whether the demo district may be loaded on this start (`tillit serve` and `tillit demo`). */
export type DemoChoice = { load: boolean } | { refused: string };

/**
 * The demo district, with its published password, belongs to the embedded try-out database
 * (`npm start`) or an explicit `--demo`; never to a real PostgreSQL by default, and never in
 * production, where the first administrator is made with `tillit user add`.
 */
export function demoChoice(opts: {
  databaseUrl?: string;
  demo?: boolean;
  noDemo?: boolean;
  nodeEnv?: string;
}): DemoChoice {
  if (opts.nodeEnv === 'production') {
    return opts.demo
      ? { refused: 'The demo district (with its published password) is never loaded when NODE_ENV=production.' }
      : { load: false };
  }
  if (opts.noDemo) return { load: false };
  return { load: Boolean(opts.demo) || !opts.databaseUrl };
}

const FIRST_ADMIN_HELP = [
  'Ingen brukere ennå. Lag den første administratoren / No users yet. Create the first administrator:',
  '  TILLIT_PASSWORD=\'…\' npx tillit user add NAME --role admin --name "Full Name"',
].join('\n');

/**
 * Prepares the database on start: the competence catalogue, and on a fresh database the demo
 * district when `demoChoice` allows it. Says how to make the first administrator when there is
 * no user at all. Returns whether the demo log-ins apply.
 */
export async function prepareOnStart(
  database: Database,
  config: Config,
  choice: { load: boolean },
  say: { log: (s: string) => void; out: (s: string) => void },
): Promise<{ demo: boolean }> {
  await ensureCompetenceCatalogue(database.db);
  if (choice.load && (await isEmpty(database.db))) {
    say.log('first start: creating the demo district');
    // With a year of history up to today on the app's clock (demo/history.ts).
    const now = config.clock.now();
    await loadDistrict(
      database.db,
      generateDistrict(DEMO, undefined, { now }),
      (s) => say.log(`loading ${s}`),
      osloDate(now),
    );
  }
  const users = await database.db.execute(sql`SELECT count(*)::int AS n FROM user_account`);
  if ((users.rows[0] as { n: number }).n === 0) say.out(FIRST_ADMIN_HELP);
  return { demo: choice.load };
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      demo: { type: 'boolean' },
      'no-demo': { type: 'boolean' },
      build: { type: 'boolean' },
      'no-web-build': { type: 'boolean' },
    },
  });
  const config = loadConfig();
  const choice = demoChoice({
    databaseUrl: config.databaseUrl,
    demo: values.demo,
    noDemo: values['no-demo'],
    nodeEnv: process.env.NODE_ENV,
  });
  if ('refused' in choice) {
    console.error(choice.refused);
    return 2;
  }
  const log = progress('tillit');
  // --no-web-build: an API server behind a separate web host (or a test) never waits for Vite.
  if (!values['no-web-build']) await ensureWebBuilt(log, Boolean(values.build));
  const database = await openConfigured(config);
  log(`database: ${database.description}`);
  const { demo } = await prepareOnStart(database, config, choice, { log, out: (s) => console.log(s) });
  const app = await buildApp(database, { ...config, demoLogins: demo });
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  console.log(`\nTillit kjører på http://localhost:${config.port}`);
  if (demo) {
    console.log(`\nDemo-innlogginger (passord: ${DEMO_PASSWORD}):`);
    for (const l of DEMO_LOGINS) console.log(`  ${l.username.padEnd(12)} ${l.note}`);
  }
  // Keep running until a signal arrives.
  await new Promise(() => {});
  return 0;
}
