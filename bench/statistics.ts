/**
 * `npm run bench:statistics`: the KPR data set for a whole full-size district (600 people, 8 teams)
 * over the past year, with a year of history (the demo generator's, decisions included) and
 * functional assessments (one or two a person in the year, some older, some missing). Target:
 * ≤ 5 s on PostgreSQL. PostgreSQL when DATABASE_URL is set (drops and recreates Tillit's tables
 * there), else PGlite. Also writes fieldsTypedOnlyForReporting (counted from the data-set
 * definition) into bench-results/documentation-burden.json, merged into what the file holds.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import {
  addDays,
  fieldsNotReported,
  fieldsTypedOnlyForReporting,
  kprCsv,
  kprDataset,
  osloToday,
} from '@tillit/contracts';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../apps/server/src/config.ts';
import { FULL, generateDistrict } from '../apps/server/src/modules/demo/generator.ts';
import { buildKprDataset } from '../apps/server/src/modules/statistics/index.ts';
import { openBenchDatabase } from './db.ts';
import { report } from './report.ts';

const config = loadConfig();
const district = generateDistrict(FULL, 2016, { now: new Date() });
const t0 = Date.now();
const database = await openBenchDatabase(config.databaseUrl, district);
const today = osloToday();

// Assessments: 90 % of people assessed in the past 15 months, a third of those again later;
// everyone's 17 items scored. Set-based, like the history itself.
await database.db.execute(sql`SELECT setseed(0.17)`);
await database.db.execute(sql`
  INSERT INTO functional_assessment (recipient_id, assessed_on, assessed_by, reason)
  SELECT r.id, ${today}::date - (30 + random() * 420)::int, (SELECT id FROM staff ORDER BY id LIMIT 1), 'Kartlegging'
    FROM recipient r WHERE random() < 0.9`);
await database.db.execute(sql`
  INSERT INTO functional_assessment (recipient_id, assessed_on, assessed_by, reason)
  SELECT fa.recipient_id, fa.assessed_on + 20 + (random() * 10)::int, fa.assessed_by, 'Endring i tilstand'
    FROM functional_assessment fa WHERE random() < 0.33`);
await database.db.execute(sql`
  INSERT INTO functional_assessment_score (assessment_id, item, score)
  SELECT fa.id, i.item, (ARRAY[1,2,3,4,5,9])[1 + floor(random() * 6)::int]
    FROM functional_assessment fa CROSS JOIN unnest(enum_range(NULL::assessment_item)) AS i(item)`);
await database.db.execute(sql`ANALYZE`);
const [facts] = (
  await database.db.execute(sql`SELECT (SELECT count(*) FROM visit)::int AS visits,
    (SELECT count(*) FROM service_decision)::int AS decisions, (SELECT count(*) FROM functional_assessment)::int AS assessments`)
).rows as { visits: number; decisions: number; assessments: number }[];
console.log(
  `District with a year of history and assessments loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s on ${database.description}`,
);

const scope = { districtId: district.district.id, from: addDays(today, -365), to: addDays(today, -1) };
await buildKprDataset(database.db, scope, district.municipality.number); // warm up once
const times: number[] = [];
let last: Awaited<ReturnType<typeof buildKprDataset>> | null = null;
for (let i = 0; i < 3; i++) {
  const start = performance.now();
  last = await buildKprDataset(database.db, scope, district.municipality.number);
  kprCsv(last.persons);
  times.push((performance.now() - start) / 1000);
}
const seconds = Math.max(...times);
const persons = last!.persons.length;
const rows = last!.persons.reduce((n, p) => n + Math.max(1, p.services.length), 0);
const counted = new Map<string, number>();
for (const v of last!.validation) counted.set(v.code, (counted.get(v.code) ?? 0) + 1);
const byCode = [...counted].map(([code, count]) => ({ code, count }));
const typed = fieldsTypedOnlyForReporting(kprDataset);
report('statistics', [{ seconds: +seconds.toFixed(3), persons, rows, problems: last!.validation.length }, ...byCode], {
  database: database.kind,
  period: scope,
  persons,
  rows,
  ...facts,
  problems: last!.validation.length,
  seconds: +seconds.toFixed(3),
  runs: times.map((t) => +t.toFixed(3)),
  fieldsTypedOnlyForReporting: typed,
  target: { seconds: 5 },
});

// The documentation burden: merged into the file other measurements write too (e2e/helpers.ts recordBurden).
const file = 'bench-results/documentation-burden.json';
mkdirSync('bench-results', { recursive: true });
let before: Record<string, unknown> = {};
try {
  before = JSON.parse(readFileSync(file, 'utf8'));
} catch {
  // No file yet, or not JSON: start afresh.
}
const burden = {
  fieldsTypedOnlyForReporting: typed,
  kprFieldsNotReported: fieldsNotReported(kprDataset),
  kprItems: kprDataset.length,
};
writeFileSync(file, `${JSON.stringify({ ...before, ...burden, measuredAt: new Date().toISOString() }, null, 2)}\n`);
console.log(
  `KPR data set for ${persons} people (${rows} rows) over a year: ${seconds.toFixed(2)} s (target ≤ 5 s); fieldsTypedOnlyForReporting = ${typed}`,
);
await database.close();
