import { assessmentItems } from '@tillit/contracts';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import * as t from '../../db/schema.ts';
import { buildRecipient, PASSWORD } from '../../test/factories.ts';
import { type Client, logInAs, useWorldSuite } from '../../test/harness.ts';
import { createUser } from '../accounts/accounts.service.ts';

/**
 * «Report once»: the KPR data set for a hand-made district, derived from the record, with the
 * expected answer written out; its validation with where to fix each problem; a change in the
 * record reaching the next export; refusals with their audit rows; the audit rows of an export.
 */
const suite = useWorldSuite();
const db = () => suite.database.db;
const YEAR = '?from=2026-01-01&to=2026-12-31';
let lea: Client;
let ids: Record<'petter' | 'olga' | 'knut' | 'dag', string>;

const noon = (date: string) => new Date(`${date}T11:00:00Z`);
const allItems = (score: number) => Object.fromEntries(assessmentItems.map((i) => [i, score]));

async function decide(recipientId: string, teamId: string, d: Partial<typeof t.serviceDecisions.$inferInsert>) {
  await db()
    .insert(t.serviceDecisions)
    .values({
      recipientId,
      teamId,
      serviceType: 'hjemmesykepleie',
      hoursPerWeek: 1,
      validFrom: '2026-01-01',
      needsAndWishes: 'Vil bo hjemme.',
      reasons: 'Kartlagt hjemme.',
      legalBasis: 'hol § 3-2 nr. 6',
      withinFrame: true,
      status: 'active',
      decidedBy: suite.world.users.anna.id,
      ...d,
    });
}

async function assess(recipientId: string, assessedOn: string, scores: Record<string, number>) {
  const [a] = await db()
    .insert(t.functionalAssessments)
    .values({ recipientId, assessedOn, assessedBy: suite.world.staff.anna.id, reason: 'Første kartlegging' })
    .returning();
  await db()
    .insert(t.functionalAssessmentScores)
    .values(Object.entries(scores).map(([item, score]) => ({ assessmentId: a.id, item: item as never, score })));
}

beforeEach(async () => {
  const { north, south, petter } = suite.world;
  // Synthetic national identity numbers (month + 80): never a real person.
  await db().execute(
    sql`UPDATE recipient SET national_id = '01814012324', birth_date = '1940-01-01' WHERE id = ${petter.id}`,
  );
  const olga = await buildRecipient(db(), north.id, {
    givenName: 'Olga',
    familyName: 'Berg',
    nationalId: '12834545606',
    birthDate: '1945-03-12',
  });
  // Knut's recorded birth date is a day off his national identity number.
  const knut = await buildRecipient(db(), north.id, {
    givenName: 'Knut',
    familyName: 'Dal',
    nationalId: '31924812322',
    birthDate: '1948-12-30',
  });
  const dag = await buildRecipient(db(), south.id, {
    givenName: 'Dag',
    familyName: 'Ås',
    nationalId: '45826024546',
    birthDate: '1960-02-05',
  });
  ids = { petter: petter.id, olga: olga.id, knut: knut.id, dag: dag.id };
  // Not in the export: served only before the year, and served by another district's team.
  const gone = await buildRecipient(db(), north.id, { givenName: 'Gunn', familyName: 'Før' });
  await db().execute(sql`UPDATE recipient_team SET valid_until = '2025-12-31' WHERE recipient_id = ${gone.id}`);
  const [elsewhere] = await db()
    .insert(t.districts)
    .values({ municipalityId: suite.world.municipality.id, name: 'Bydel Annen' })
    .returning();
  const [far] = await db()
    .insert(t.teams)
    .values({ districtId: elsewhere.id, name: 'Team Fjern', areaName: 'Fjern' })
    .returning();
  await buildRecipient(db(), far.id, { givenName: 'Frida', familyName: 'Fjern' });

  // Petter: home nursing 4.5 h from June 2025, replaced by 6 h from April 2026.
  await decide(petter.id, north.id, {
    hoursPerWeek: 4.5,
    validFrom: '2025-06-01',
    status: 'superseded',
    decidedAt: noon('2025-05-28'),
  });
  await decide(petter.id, north.id, { hoursPerWeek: 6, validFrom: '2026-04-01', decidedAt: noon('2026-03-30') });
  await assess(petter.id, '2026-02-10', allItems(3));
  // Dag: practical help 2 h and a safety alarm; assessed twice, the later one is in force.
  await decide(dag.id, south.id, {
    serviceType: 'praktisk_bistand',
    hoursPerWeek: 2,
    validFrom: '2026-01-15',
    decidedAt: noon('2026-01-10'),
  });
  await decide(dag.id, south.id, {
    serviceType: 'trygghetsalarm',
    hoursPerWeek: 0,
    validFrom: '2026-01-15',
    validUntil: '2026-09-30',
    decidedAt: noon('2026-01-10'),
  });
  await assess(dag.id, '2025-03-01', allItems(5));
  await assess(dag.id, '2026-01-12', { ...allItems(2), vision: 9, movingOutdoors: 4 });
  // Knut: practical help without hours; an assessment older than a year, one item missing.
  await decide(knut.id, north.id, {
    serviceType: 'praktisk_bistand',
    hoursPerWeek: 0,
    validFrom: '2025-09-01',
    decidedAt: noon('2025-08-30'),
  });
  const { movingOutdoors: _, ...sixteen } = allItems(1);
  await assess(knut.id, '2025-10-01', sixteen);
  // Olga: a decision beyond the frame still waiting for its co-signature, and no assessment.
  await decide(olga.id, north.id, {
    hoursPerWeek: 12,
    withinFrame: false,
    status: 'awaiting_cosign',
    validFrom: '2026-11-01',
  });
  lea = await logInAs(suite.app, 'lea');
});

const url = () => `/api/districts/${suite.world.district.id}/kpr${YEAR}`;
const fix = (who: keyof typeof ids, anchor: string) => `/people/${ids[who]}#${anchor}`;

describe('the KPR data set, derived from the record', () => {
  it('gives each person of the district the register’s items, exactly', async () => {
    const res = await lea.get(url());
    expect(res.status).toBe(200);
    expect(res.body.district).toEqual({ id: suite.world.district.id, name: 'Bydel Test', municipalityNumber: '0301' });
    expect(res.body.persons).toEqual([
      {
        nationalId: '01814012324',
        idType: 'F',
        birthYear: 1940,
        sex: 1,
        municipalityNumber: '0301',
        services: [
          {
            code: 15,
            type: 'hjemmesykepleie',
            decidedOn: '2025-05-28',
            from: '2025-06-01',
            to: '2026-03-31',
            hoursPerWeek: 4.5,
          },
          { code: 15, type: 'hjemmesykepleie', decidedOn: '2026-03-30', from: '2026-04-01', to: null, hoursPerWeek: 6 },
        ],
        assessment: { assessedOn: '2026-02-10', items: allItems(3) },
      },
      {
        nationalId: '12834545606',
        idType: 'F',
        birthYear: 1945,
        sex: 2,
        municipalityNumber: '0301',
        services: [],
        assessment: null,
      },
      {
        nationalId: '31924812322',
        idType: 'F',
        birthYear: 1948,
        sex: 1,
        municipalityNumber: '0301',
        services: [
          { code: 1, type: 'praktisk_bistand', decidedOn: '2025-08-30', from: '2025-09-01', to: null, hoursPerWeek: 0 },
        ],
        assessment: {
          assessedOn: '2025-10-01',
          items: Object.fromEntries(assessmentItems.slice(0, 16).map((i) => [i, 1])),
        },
      },
      {
        nationalId: '45826024546',
        idType: 'D',
        birthYear: 1960,
        sex: 1,
        municipalityNumber: '0301',
        services: [
          { code: 1, type: 'praktisk_bistand', decidedOn: '2026-01-10', from: '2026-01-15', to: null, hoursPerWeek: 2 },
          {
            code: 6,
            type: 'trygghetsalarm',
            decidedOn: '2026-01-10',
            from: '2026-01-15',
            to: '2026-09-30',
            hoursPerWeek: null,
          },
        ],
        assessment: { assessedOn: '2026-01-12', items: { ...allItems(2), vision: 9, movingOutdoors: 4 } },
      },
    ]);
    expect(res.body.counts).toEqual({ persons: 4, services: 5, rows: 6, errors: 5, warnings: 2 });
  });

  it('lists each missing or invalid item with the place in the record to fix it', async () => {
    const { validation } = (await lea.get(url())).body;
    const seen = validation.map((v: Record<string, string>) => [v.name, v.code, v.severity, v.fixAt]);
    expect(seen).toEqual([
      ['Olga Berg', 'decision.missing', 'error', fix('olga', 'decisions-heading')],
      ['Olga Berg', 'decision.awaitingCosign', 'warning', fix('olga', 'decisions-heading')],
      ['Olga Berg', 'assessment.missing', 'error', fix('olga', 'funksjon')],
      ['Knut Dal', 'birthDate.mismatch', 'error', fix('knut', 'personal-heading')],
      ['Knut Dal', 'decision.noHours', 'error', fix('knut', 'decisions-heading')],
      ['Knut Dal', 'assessment.incomplete', 'error', fix('knut', 'funksjon')],
      ['Knut Dal', 'assessment.outdated', 'warning', fix('knut', 'funksjon')],
    ]);
    expect(validation[0]).toMatchObject({ team: 'Team Nord', item: 'services', section: 'decisions' });
  });

  it('shows a change in the record in the next export, without anyone typing it again', async () => {
    const anna = await logInAs(suite.app, 'anna');
    await db()
      .insert(t.teamFrames)
      .values({ teamId: suite.world.north.id, serviceType: 'praktisk_bistand', maxHoursPerWeek: 10 });
    const decided = await anna.post(`/api/recipients/${ids.knut}/service-decisions`, {
      serviceType: 'praktisk_bistand',
      hoursPerWeek: 3,
      validFrom: '2026-06-01',
      needsAndWishes: 'Knut vil klare husarbeidet med litt hjelp.',
      reasons: 'Kartlagt hjemme; trenger hjelp til vask og handling.',
    });
    expect(decided.status).toBe(201);
    await assess(ids.olga, '2026-11-20', allItems(4));
    const next = (await lea.get(url())).body;
    const knut = next.persons.find((p: { nationalId: string }) => p.nationalId === '31924812322');
    expect(knut.services).toMatchObject([
      { type: 'praktisk_bistand', from: '2025-09-01', to: '2026-05-31', hoursPerWeek: 0 },
      { type: 'praktisk_bistand', from: '2026-06-01', to: null, hoursPerWeek: 3 },
    ]);
    const olga = next.persons.find((p: { nationalId: string }) => p.nationalId === '12834545606');
    expect(olga.assessment).toEqual({ assessedOn: '2026-11-20', items: allItems(4) });
    const codes = next.validation.map((v: { name: string; code: string }) => `${v.name} ${v.code}`);
    expect(codes).not.toContain('Olga Berg assessment.missing');
    // The earlier decision without hours was in force in the year, so it is still named.
    expect(codes).toContain('Knut Dal decision.noHours');
    // From June only the new decision (3 hours) is in force: nothing left to fix about hours.
    const june = await lea.get(`/api/districts/${suite.world.district.id}/kpr?from=2026-06-01&to=2026-12-31`);
    expect(june.body.validation.map((v: { code: string }) => v.code)).not.toContain('decision.noHours');
  });

  it('gives the same data set as CSV, one line per person and service', async () => {
    const res = await lea.get(`/api/districts/${suite.world.district.id}/kpr.csv${YEAR}`);
    expect(res.status).toBe(200);
    const lines = (res.body as string).trim().split('\r\n');
    expect(lines).toHaveLength(7);
    expect(lines[0].split(';').slice(0, 12)).toEqual([
      'nationalId',
      'idType',
      'birthYear',
      'sex',
      'municipalityNumber',
      'serviceCode',
      'serviceType',
      'decidedOn',
      'serviceFrom',
      'serviceTo',
      'hoursPerWeek',
      'assessedOn',
    ]);
    expect(lines[1]).toBe(
      `01814012324;F;1940;1;0301;15;hjemmesykepleie;2025-05-28;2025-06-01;2026-03-31;4.5;2026-02-10;${Array(17).fill(3).join(';')}`,
    );
    expect(lines[3]).toBe(`12834545606;F;1945;2;0301${';'.repeat(24)}`);
  });

  it('logs the export: one row naming it and its count, and one in each person’s log', async () => {
    const { exportId } = (await lea.get(url())).body;
    const rows = rowsOf<{ recipientId: string | null; basis: string; details: Record<string, unknown> }>(
      await db().execute(sql`SELECT recipient_id AS "recipientId", basis, details FROM audit_log
        WHERE action = 'statistics.kpr.export' ORDER BY recipient_id NULLS FIRST`),
    );
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({
      recipientId: null,
      basis: 'team_level',
      details: { exportId, persons: 4, rows: 6, format: 'json' },
    });
    expect(
      rows
        .slice(1)
        .map((r) => r.recipientId)
        .sort(),
    ).toEqual(Object.values(ids).sort());
    expect(rows.slice(1).every((r) => r.details.exportId === exportId)).toBe(true);
  });
});

describe('who may report', () => {
  it('refuses a member and a leader of another district with 403 and a denied audit row', async () => {
    const [other] = await db()
      .insert(t.districts)
      .values({ municipalityId: suite.world.municipality.id, name: 'Bydel Vest' })
      .returning();
    await createUser(db(), {
      username: 'olav',
      password: PASSWORD,
      role: 'leader',
      displayName: 'Olav Vest',
      districtId: other.id,
    });
    const anna = await logInAs(suite.app, 'anna');
    const olav = await logInAs(suite.app, 'olav');
    const byAnna = await anna.get(url());
    const byOlav = await olav.get(url());
    expect([byAnna.status, byAnna.body.error.code]).toEqual([403, 'leaders_only']);
    expect([byOlav.status, byOlav.body.error.code]).toEqual([403, 'not_your_district']);
    expect(JSON.stringify(byOlav.body)).not.toContain('01814012324');
    const denied = rowsOf<{ actor: string; details: Record<string, unknown> }>(
      await db().execute(sql`SELECT actor_name AS actor, details FROM audit_log
        WHERE action = 'statistics.kpr.export' AND basis = 'denied' ORDER BY seq`),
    );
    expect(denied).toEqual([
      { actor: 'Anna Nordmann', details: { districtId: suite.world.district.id, refused: 'leaders_only' } },
      { actor: 'Olav Vest', details: { districtId: suite.world.district.id, refused: 'not_your_district' } },
    ]);
    const csv = await olav.get(`/api/districts/${suite.world.district.id}/kpr.csv${YEAR}`);
    expect(csv.status).toBe(403);
  });

  it('lets an administrator report, and refuses a period longer than a year naming the field', async () => {
    const ada = await logInAs(suite.app, 'ada');
    expect((await ada.get(url())).status).toBe(200);
    const long = await lea.get(`/api/districts/${suite.world.district.id}/kpr?from=2025-01-01&to=2026-12-31`);
    expect(long.status).toBe(400);
    expect(long.body.error.fields[0].field).toBe('to');
  });
});
