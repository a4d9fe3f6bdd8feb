/**
 * A hand-made district for the leaders' statistics and the equal-treatment indicator: team Nord
 * 7 people (5 assessed «moderate» with 3, 3, 3, 4 and 7 hours of home nursing a week; 2 not
 * assessed with 2 hours of practical help), team Vest 6 people (all «little», 2 hours each),
 * team Sør 4 people (all «extensive», 10 hours each: a group under five).
 */
import { assessmentItems } from '@tillit/contracts';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { legalBasisOf } from '../modules/decisions/legal-basis.ts';
import { buildRecipient, type buildWorld } from './factories.ts';

type World = Awaited<ReturnType<typeof buildWorld>>;
const scoresOf = (need: number) =>
  assessmentItems.map((item, i) => ({ item, score: i < need ? (need === 17 ? 4 : 3) : 1 }));

async function person(
  db: Db,
  world: World,
  teamId: string,
  on: string,
  need: number | null,
  service: 'hjemmesykepleie' | 'praktisk_bistand',
  hours: number,
) {
  const r = await buildRecipient(db, teamId);
  await db.insert(t.serviceDecisions).values({
    recipientId: r.id,
    teamId,
    serviceType: service,
    hoursPerWeek: hours,
    validFrom: '2020-01-01',
    needsAndWishes: 'Vil bo hjemme.',
    reasons: 'Trenger hjelp.',
    legalBasis: legalBasisOf[service],
    withinFrame: true,
    status: 'active',
    decidedBy: world.users.anna.id,
  });
  if (need === null) return;
  const [a] = await db
    .insert(t.functionalAssessments)
    .values({ recipientId: r.id, assessedOn: on, assessedBy: world.staff.anna.id, reason: 'first' })
    .returning();
  await db.insert(t.functionalAssessmentScores).values(scoresOf(need).map((s) => ({ ...s, assessmentId: a.id })));
}

/** Builds the district above (Petter of buildWorld is left out: his relation to Nord ends first). */
export async function buildAssessedDistrict(db: Db, world: World, on: string) {
  await db.update(t.recipientTeams).set({ validUntil: '2020-12-31' });
  const [vest] = await db
    .insert(t.teams)
    .values({ districtId: world.district.id, name: 'Team Vest', areaName: 'Vest' })
    .returning();
  for (const h of [3, 3, 3, 4, 7]) await person(db, world, world.north.id, on, 5, 'hjemmesykepleie', h);
  for (let i = 0; i < 2; i++) await person(db, world, world.north.id, on, null, 'praktisk_bistand', 2);
  for (let i = 0; i < 6; i++) await person(db, world, vest.id, on, 0, 'hjemmesykepleie', 2);
  for (let i = 0; i < 4; i++) await person(db, world, world.south.id, on, 17, 'hjemmesykepleie', 10);
  return { vest };
}
