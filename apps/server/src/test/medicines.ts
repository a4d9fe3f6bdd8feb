import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import * as t from '../db/schema.ts';
import { createUser } from '../modules/accounts/accounts.service.ts';
import { PASSWORD } from './factories.ts';
import { logInAs, type useWorldSuite } from './harness.ts';

type Suite = ReturnType<typeof useWorldSuite>;

/** A medicine as the prescribe form sends it; `over` changes any field. */
export const medicine = (over: Record<string, unknown> = {}) => ({
  drugName: 'Metoprolol',
  form: 'tablet',
  strength: '50 mg',
  dose: '1 tablett',
  times: ['08:00'],
  route: 'oral',
  indication: 'Høyt blodtrykk',
  prescriber: 'Fastlege Berg',
  startDate: '2026-11-01',
  dispensing: 'multidose',
  source: 'gp_letter',
  reason: 'Ny fra fastlegen',
  ...over,
});

/** A nurse of team North with a medication delegation valid until `until` (null: no end). */
export async function nurse(suite: Suite, name: string, until: string | null) {
  const w = suite.world;
  const db = suite.database.db;
  const [s] = await db
    .insert(t.staff)
    .values({ districtId: w.district.id, givenName: name, familyName: 'Nord', profession: 'sykepleier' })
    .returning();
  await db.insert(t.teamMemberships).values({ teamId: w.north.id, staffId: s.id, validFrom: '2020-01-01' });
  await db
    .insert(t.staffCompetences)
    .values({ staffId: s.id, competenceCode: 'legemiddelhandtering', validFrom: '2020-01-01', validUntil: until });
  await createUser(db, {
    username: name.toLowerCase(),
    password: PASSWORD,
    role: 'member',
    displayName: `${name} Nord`,
    staffId: s.id,
    districtId: w.district.id,
  });
  return logInAs(suite.app, name.toLowerCase());
}

/**
 * The medicines stories' world on top of the small one: Anna and Nils (North) hold a medication
 * delegation, Hanna (North) one that expired on 30 November 2026, Bo is in team South; Petter has a
 * daily morning visit 08:00–08:30 on `today` (the visit the doses attach to).
 */
export async function medicineStory(suite: Suite, today: string) {
  const db = suite.database.db;
  const petter = suite.world.petter.id;
  await db
    .insert(t.staffCompetences)
    .values({ staffId: suite.world.staff.anna.id, competenceCode: 'legemiddelhandtering', validFrom: '2020-01-01' });
  const anna = await logInAs(suite.app, 'anna');
  const bo = await logInAs(suite.app, 'bo');
  const nils = await nurse(suite, 'Nils', null);
  const hanna = await nurse(suite, 'Hanna', '2026-11-30');
  const measure = await anna.post(`/api/recipients/${petter}/measures`, {
    professionalNeed: 'Hjelp med medisiner',
    title: 'Morgenmedisin',
    days: [1, 2, 3, 4, 5, 6, 7],
    windowStart: '08:00',
    windowEnd: '08:30',
    durationMinutes: 15,
    decidedWithPerson: true,
  });
  expect(measure.status).toBe(201);
  // Visits from today on follow the new measure; generating makes today's if the window had passed.
  await anna.post(`/api/teams/${suite.world.north.id}/visits/generate`, { from: today, days: 1 });
  const [v] = (await db.execute(sql`SELECT id FROM visit WHERE recipient_id = ${petter} AND date = ${today}`)).rows as {
    id: string;
  }[];
  return { anna, bo, nils, hanna, visitId: v.id };
}
