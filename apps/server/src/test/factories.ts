import { completeNationalId } from '@tillit/contracts';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { createUser } from '../modules/accounts/accounts.service.ts';
import { ensureCompetenceCatalogue } from '../modules/demo/demo.loader.ts';

export const PASSWORD = 'secret-password';

let counter = 0;
/** A valid, unique synthetic national identity number. */
export function buildNationalId(): string {
  for (;;) {
    counter++;
    const id = completeNationalId(
      `0181${String(40 + (counter % 50)).padStart(2, '0')}${String(counter % 500).padStart(3, '0')}`,
    );
    if (id) return id;
  }
}

/**
 * A small world for access tests: two teams in one district; Anna (nurse, team North),
 * Bo (health worker, team South), Lea (leader), Ada (admin); Petter served by team North.
 */
export async function buildWorld(db: Db) {
  await ensureCompetenceCatalogue(db);
  const [m] = await db.insert(t.municipalities).values({ number: '0301', name: 'Oslo' }).returning();
  const [d] = await db.insert(t.districts).values({ municipalityId: m.id, name: 'Bydel Test' }).returning();
  const [north, south] = await db
    .insert(t.teams)
    .values([
      { districtId: d.id, name: 'Team Nord', areaName: 'Nord' },
      { districtId: d.id, name: 'Team Sør', areaName: 'Sør' },
    ])
    .returning();
  const [anna, bo, lea] = await db
    .insert(t.staff)
    .values([
      { districtId: d.id, givenName: 'Anna', familyName: 'Nordmann', profession: 'sykepleier' },
      { districtId: d.id, givenName: 'Bo', familyName: 'Sørli', profession: 'helsefagarbeider' },
      { districtId: d.id, givenName: 'Lea', familyName: 'Leder', profession: 'leder' },
    ])
    .returning();
  await db.insert(t.teamMemberships).values([
    { teamId: north.id, staffId: anna.id, validFrom: '2020-01-01' },
    { teamId: south.id, staffId: bo.id, validFrom: '2020-01-01' },
  ]);
  const users = {
    anna: await createUser(db, {
      username: 'anna',
      password: PASSWORD,
      role: 'member',
      displayName: 'Anna Nordmann',
      staffId: anna.id,
      districtId: d.id,
    }),
    bo: await createUser(db, {
      username: 'bo',
      password: PASSWORD,
      role: 'member',
      displayName: 'Bo Sørli',
      staffId: bo.id,
      districtId: d.id,
    }),
    lea: await createUser(db, {
      username: 'lea',
      password: PASSWORD,
      role: 'leader',
      displayName: 'Lea Leder',
      staffId: lea.id,
      districtId: d.id,
    }),
    ada: await createUser(db, {
      username: 'ada',
      password: PASSWORD,
      role: 'admin',
      displayName: 'Ada Admin',
      districtId: d.id,
    }),
  };
  const petter = await buildRecipient(db, north.id, { givenName: 'Petter', primaryContactStaffId: anna.id });
  return { municipality: m, district: d, north, south, staff: { anna, bo, lea }, users, petter };
}

export async function buildRecipient(
  db: Db,
  teamId: string,
  overrides: Partial<typeof t.recipients.$inferInsert> = {},
) {
  const [r] = await db
    .insert(t.recipients)
    .values({
      givenName: 'Test',
      familyName: 'Person',
      birthDate: '1940-01-01',
      nationalId: buildNationalId(),
      addressLine: 'Tøyengata 1',
      postalCode: '0650',
      city: 'Oslo',
      lat: 59.91,
      lon: 10.77,
      ...overrides,
    })
    .returning();
  await db.insert(t.recipientTeams).values({ recipientId: r.id, teamId, validFrom: '2020-01-01' });
  return r;
}
