/**
 * `npm run bench:indicators`: every trust indicator for every team of a full-size district
 * (600 people, 120 staff, 8 teams) over a year of visits. Target: ≤ 2 s for all of them.
 * PostgreSQL when DATABASE_URL is set (drops and recreates Tillit's tables there), else PGlite.
 */
import { addDays, osloToday } from '@tillit/contracts';
import { sql } from 'drizzle-orm';
import { openBenchDatabase } from './db.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import type { Actor } from '../apps/server/src/http/actor.ts';
import { FULL, generateDistrict } from '../apps/server/src/modules/demo/generator.ts';
import { indicatorsForTeams, teamIndicators } from '../apps/server/src/modules/trust/indicators.repository.ts';
import { report } from './report.ts';

const config = loadConfig();
const district = generateDistrict(FULL);
const database = await openBenchDatabase(config.databaseUrl, district);

// A year of history from the plans: mostly the usual helper, sometimes another from the team,
// check-in around the window, a few cancellations and measures not done.
const t0 = Date.now();
await database.db.execute(sql`SELECT setseed(0.42)`);
await database.db.execute(sql`
  INSERT INTO visit (id, recipient_id, date, window_start, window_end, staff_id, status, checked_in_at)
  SELECT gen_random_uuid(), m.recipient_id, d::date, m.window_start, m.window_end,
         CASE WHEN random() < 0.8 THEN m.usual_staff_id ELSE (SELECT tm.staff_id FROM team_membership tm
               JOIN recipient_team rt ON rt.team_id = tm.team_id WHERE rt.recipient_id = m.recipient_id
              ORDER BY random() + (m.window_start * 0) LIMIT 1) END,
         CASE WHEN random() < 0.03 THEN 'cancelled' ELSE 'done' END::visit_status,
         (d::date + make_interval(mins => m.window_start + (random() * 50 - 10)::int)) AT TIME ZONE 'Europe/Oslo'
    FROM measure m CROSS JOIN generate_series(current_date - 365, current_date - 1, interval '1 day') AS d
   WHERE extract(isodow FROM d)::smallint = ANY (m.days)`);
await database.db.execute(sql`UPDATE visit SET checked_in_at = NULL WHERE status = 'cancelled'`);
await database.db.execute(sql`
  INSERT INTO visit_measure (visit_id, measure_id, outcome, reason)
  SELECT v.id, m.id, CASE WHEN v.status = 'cancelled' THEN NULL WHEN random() < 0.04 THEN 'not_done' ELSE 'done' END::measure_outcome, NULL
    FROM visit v JOIN measure m ON m.recipient_id = v.recipient_id AND m.window_start = v.window_start AND m.window_end = v.window_end
   WHERE v.date < current_date`);
await database.db.execute(sql`ANALYZE`);
const [{ n }] = (await database.db.execute(sql`SELECT count(*)::int AS n FROM visit`)).rows as { n: number }[];
console.log(
  `A year of history: ${n} visits, built in ${((Date.now() - t0) / 1000).toFixed(1)} s on ${database.description}`,
);

const admin = district.users.find((u) => u.role === 'admin')!;
const actor: Actor = {
  userId: admin.id,
  username: 'admin',
  displayName: 'admin',
  role: 'admin',
  staffId: null,
  districtId: admin.districtId,
  teamIds: [],
  now: new Date(),
  today: osloToday(),
};
const to = addDays(actor.today, -1);
const from = addDays(actor.today, -365);
// Warm up once (plans, caches), then measure all teams.
await teamIndicators(database.db, actor, district.teams[0].id, from, to);
// The district leader's comparison asks for all teams at once: each figure is counted for every
// team in one pass over the visits (indicatorsForTeams), as GET /api/trust/comparison does.
const start = performance.now();
const all = await indicatorsForTeams(database.db, district.teams, from, to, actor.today);
const seconds = (performance.now() - start) / 1000;
// One team alone (the team's own page), for reference.
const t1 = performance.now();
await teamIndicators(database.db, actor, district.teams[1].id, from, to);
const oneTeamSeconds = (performance.now() - t1) / 1000;
const rows = all.map((r) => ({
  team: r.team.name,
  punctuality: +(r.ability.punctuality.value ?? 0).toFixed(3),
  fidelity: +(r.integrity.planFidelity.value ?? 0).toFixed(3),
  distinctMedian: r.integrity.continuity.distinctMedian ?? '–',
  coc: +(r.integrity.continuity.cocMean ?? 0).toFixed(3),
}));
report('indicators', rows, {
  database: database.kind,
  visits: n,
  teams: district.teams.length,
  seconds: +seconds.toFixed(3),
  oneTeamSeconds: +oneTeamSeconds.toFixed(3),
  target: { seconds: 2 },
});
console.log(
  `All indicators for ${district.teams.length} teams over a year: ${seconds.toFixed(2)} s (target ≤ 2 s); one team alone ${oneTeamSeconds.toFixed(2)} s`,
);
await database.close();
