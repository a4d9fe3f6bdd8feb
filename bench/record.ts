/**
 * `npm run bench:record`: opening a record with five years of history (about 3,000 visits
 * with measures, notes and observations). Drives the two requests the record page makes
 * (personal record and care record) sequentially and reports the server time per open
 * (Fastify's own response time, so the load generator's share is excluded).
 * Target: p95 ≤ 100 ms. PostgreSQL when DATABASE_URL is set (drops and recreates Tillit's
 * tables there), else PGlite.
 */
import { sql } from 'drizzle-orm';
import { buildApp } from '../apps/server/src/app.ts';
import { openBenchDatabase } from './db.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { DEMO, generateDistrict } from '../apps/server/src/modules/demo/generator.ts';
import { percentile, report } from './report.ts';

const config = {
  ...loadConfig(),
  logLevel: 'silent',
  loginLimits: { perUser: 1000, perAddress: 100_000, windowMs: 60_000 },
};
const district = generateDistrict(DEMO);
const database = await openBenchDatabase(config.databaseUrl, district);
const nurse = district.users.find((u) => u.username === 'sykepleier')!;
const teamId = district.memberships.find((m) => m.staffId === nurse.staffId)!.teamId;
const person = district.recipients.find((r) =>
  district.recipientTeams.some((rt) => rt.recipientId === r.id && rt.teamId === teamId),
)!;

// Five years of history: 3 measures, ~12 visits a week for 5 years ≈ 3,100 visits.
const t0 = Date.now();
await database.db.execute(sql`
  WITH wm AS (INSERT INTO what_matters (recipient_id, statement, recorded_by)
              VALUES (${person.id}, 'Å bo hjemme så lenge jeg kan', ${nurse.id}) RETURNING id),
       g AS (INSERT INTO goal (recipient_id, what_matters_id, description, review_date, created_by)
             SELECT ${person.id}, wm.id, 'Klare seg hjemme', current_date + 30, ${nurse.id} FROM wm RETURNING id)
  INSERT INTO measure (recipient_id, goal_id, title, days, window_start, window_end, duration_minutes, usual_staff_id, valid_from)
  SELECT ${person.id}, g.id, t.title, t.days::smallint[], t.ws, t.we, 30, ${nurse.staffId}, current_date - 1826
    FROM g, (VALUES ('Morgenstell', '{1,2,3,4,5,6,7}', 480, 510), ('Medisiner kveld', '{1,3,5}', 1140, 1170), ('Dusj', '{2}', 600, 660)) AS t(title, days, ws, we)`);
await database.db.execute(sql`
  INSERT INTO visit (recipient_id, date, window_start, window_end, staff_id, status, checked_in_at, checked_out_at, note)
  SELECT ${person.id}, d::date, m.window_start, m.window_end, m.usual_staff_id, 'done', d + interval '8 hours', d + interval '8 hours 30 minutes',
         CASE WHEN random() < 0.2 THEN 'Fin dag, god matlyst' END
    FROM generate_series(current_date - 1826, current_date - 1, interval '1 day') AS d
    JOIN measure m ON m.recipient_id = ${person.id} AND m.valid_from = current_date - 1826
     AND extract(isodow FROM d)::smallint = ANY (m.days)`);
await database.db.execute(sql`
  INSERT INTO visit_measure (visit_id, measure_id, outcome)
  SELECT v.id, m.id, 'done' FROM visit v JOIN measure m ON m.recipient_id = v.recipient_id AND m.window_start = v.window_start
   WHERE v.recipient_id = ${person.id}`);
await database.db.execute(sql`
  INSERT INTO observation (recipient_id, visit_id, kind, value, unit, recorded_by, recorded_at)
  SELECT ${person.id}, v.id, 'pulse', 60 + (random() * 30)::int, '/min', ${nurse.id}, v.checked_out_at
    FROM visit v WHERE v.recipient_id = ${person.id} AND extract(dow FROM v.date) = 1`);
const [{ n }] = (await database.db.execute(sql`SELECT count(*)::int AS n FROM visit WHERE recipient_id = ${person.id}`))
  .rows as { n: number }[];
await database.db.execute(sql`ANALYZE`);
console.log(
  `History: ${n} visits for one person, built in ${((Date.now() - t0) / 1000).toFixed(1)} s on ${database.description}`,
);

const app = await buildApp(database, config);
const serverMs: number[] = [];
app.addHook('onResponse', async (_req, reply) => {
  serverMs.push(reply.elapsedTime);
});
await app.ready();
const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { username: 'sykepleier', password: 'tillit-demo' },
});
const cookies = { tillit_session: login.cookies.find((c) => c.name === 'tillit_session')!.value };

const opens: number[] = [];
for (let i = 0; i < 220; i++) {
  serverMs.length = 0;
  const [a, b] = await Promise.all([
    app.inject({ method: 'GET', url: `/api/recipients/${person.id}`, cookies }),
    app.inject({ method: 'GET', url: `/api/recipients/${person.id}/care`, cookies }),
  ]);
  if (a.statusCode !== 200 || b.statusCode !== 200) throw new Error(`open failed: ${a.statusCode} ${b.statusCode}`);
  if (i >= 20) opens.push(Math.max(...serverMs)); // the slower of the two parallel requests; first 20 warm up
}
report(
  'record',
  [
    {
      what: 'open a record (record + care, in parallel)',
      visits: n,
      opens: opens.length,
      p50Ms: +percentile(opens, 50).toFixed(1),
      p95Ms: +percentile(opens, 95).toFixed(1),
      maxMs: +Math.max(...opens).toFixed(1),
    },
  ],
  {
    database: database.kind,
    visits: n,
    recordOpenP95Ms: +percentile(opens, 95).toFixed(1),
    recordOpenP50Ms: +percentile(opens, 50).toFixed(1),
    target: { recordOpenP95Ms: 100 },
  },
);
await app.close();
await database.close();
