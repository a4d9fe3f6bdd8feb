/**
 * `npm run fuzz [-- --requests N --seed S]`: the app on a fresh in-memory PGlite with the
 * demo district (and two weeks of visits), logged in as a nurse, a health worker of another
 * team, the district leader and the administrator; then N requests (default 10,000) built
 * from every route's zod schema and broken variants. Prints a table per route and writes
 * bench-results/fuzz.json. Exits 1 unless there were no 5xx answers and no rows written by
 * refused requests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { osloToday } from '@tillit/contracts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { migrateDatabase, openDatabase } from '../../db/client.ts';
import { loadDistrict } from '../../modules/demo/demo.loader.ts';
import { DEMO, DEMO_PASSWORD, generateDistrict } from '../../modules/demo/generator.ts';
import { type Login, runFuzz, summaryRows, watchErrors } from './fuzz.ts';

const { values } = parseArgs({
  options: { requests: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' } },
});
const requests = Number(values.requests);
const seed = Number(values.seed);

export const DEMO_ROLES: Login[] = [
  { name: 'nurse', username: 'sykepleier', password: DEMO_PASSWORD },
  { name: 'helper', username: 'helsefag', password: DEMO_PASSWORD },
  { name: 'leader', username: 'leder', password: DEMO_PASSWORD },
  { name: 'admin', username: 'admin', password: DEMO_PASSWORD },
];

const started = Date.now();
const config = {
  // The fuzzer is not testing the log-in and public-route limits (their own tests do): set
  // through the environment names every version of the settings reads.
  ...loadConfig({ TILLIT_LOGIN_MAX: '100000', TILLIT_LOGIN_ADDRESS_MAX: '100000', TILLIT_PUBLIC_MAX: '100000' }),
  logLevel: 'silent',
  planningWorker: false,
  planningThreads: 1,
};
const database = await openDatabase({});
await migrateDatabase(database);
const today = osloToday();
await loadDistrict(database.db, generateDistrict(DEMO), undefined, today);
const app = await buildApp(database, config);
const errors = watchErrors(app);
await app.ready();
console.log(`fuzz: demo district loaded; ${requests} requests, seed ${seed}`);

const result = await runFuzz({
  app,
  db: database.db,
  errors,
  logins: DEMO_ROLES,
  today,
  requests,
  seed,
  onProgress: (done, r) => {
    if (done % 1000 === 0 || done === requests)
      console.log(`  ${done} sent: ${r.errors5xx} answered 5xx, ${r.rowsWrittenByRefused} rows written by refused`);
  },
});
await app.close();
await database.close();

console.table(summaryRows(result));
console.log('answers by status:', result.byStatus);
for (const [route, e] of Object.entries(result.errors5xxByRoute)) {
  console.log(`5xx ${route}: ${e.count}`);
  for (const x of e.examples)
    console.log(`    ${x.status} ${x.method} ${x.url} [${x.session}] ${x.variant}: ${x.cause}`);
}
for (const [route, e] of Object.entries(result.okWithoutSessionByRoute)) {
  console.log(`2xx without a session ${route}: ${e.count}`);
  for (const x of e.examples) console.log(`    ${x.status} ${x.method} ${x.url} [${x.session}] ${x.variant}`);
}
for (const [route, w] of Object.entries(result.writesByRefusedByRoute)) {
  console.log(`written by refused ${route}: ${w.rows} rows ${JSON.stringify(w.tables)}`);
  for (const x of w.examples)
    console.log(`    ${x.status} ${x.method} ${x.url} [${x.session}] ${x.variant} ${x.detail}`);
}
console.log('slowest requests:');
for (const x of result.slowest)
  console.log(`    ${x.ms} ms ${x.status} ${x.method} ${x.url} [${x.session}] ${x.variant}`);
for (const x of result.noAnswerExamples) console.log(`no answer: ${x.method} ${x.url} ${x.variant}: ${x.detail}`);
const figures = { ...result, database: 'PGlite (in memory), demo district', seconds: (Date.now() - started) / 1000 };
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/fuzz.json',
  `${JSON.stringify({ ...figures, measuredAt: new Date().toISOString() }, null, 2)}\n`,
);
console.log(
  `\nrequests ${result.requests}, errors5xx ${result.errors5xx}, rowsWrittenByRefused ${result.rowsWrittenByRefused}` +
    ` (audit rows by refused: ${result.auditRowsByRefused}, 2xx without a session: ${result.okWithoutSession},` +
    ` no answer: ${result.noAnswer}); bench-results/fuzz.json`,
);
process.exit(result.errors5xx === 0 && result.rowsWrittenByRefused === 0 && result.okWithoutSession === 0 ? 0 : 1);
