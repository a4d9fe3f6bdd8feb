import { addDays, osloInstant } from '@tillit/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildRecipient } from '../../test/factories.ts';
import { fhirClient, fhirToken, useFhirScenario } from '../../test/fhir.ts';

/**
 * POST Observation and Encounter: valid → 201 with Location and the stored resource, written
 * through care's documentation with its audit row; invalid → 400/422 naming the element, and
 * nothing written.
 */
const f = useFhirScenario();
let n = 0;
const writer = async (user = 'anna') =>
  fhirClient(f.app, await fhirToken(f.app, user, ['user/*.read', 'user/*.write'], `create-${++n}`));

const count = async (table: string) =>
  Number(
    (
      (await f.database.db.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`)).rows[0] as {
        n: number;
      }
    ).n,
  );

const pulse = (value: number, extra: Record<string, unknown> = {}) => ({
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
  subject: { reference: `Patient/${f.s.ids.recipient}` },
  valueQuantity: { value, unit: '/min', system: 'http://unitsofmeasure.org', code: '/min' },
  ...extra,
});

describe('FHIR R4 creates', () => {
  it('stores an Observation: 201, Location, readable, audited', async () => {
    const c = await writer();
    const res = await c.post(
      '/fhir/R4/Observation',
      pulse(68, { encounter: { reference: `Encounter/${f.s.ids.visit}` } }),
    );
    expect(res.status).toBe(201);
    expect(String(res.headers.location)).toMatch(new RegExp(`/fhir/R4/Observation/${res.body.id}$`));
    const read = await c.get(`/fhir/R4/Observation/${res.body.id}`);
    expect(read.body.valueQuantity).toMatchObject({ value: 68, code: '/min' });
    expect(read.body.encounter.reference).toBe(`Encounter/${f.s.ids.visit}`);
    const audit = await f.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_log
      WHERE action = 'observation.record' AND details->>'observationId' = ${res.body.id}`);
    expect(Number((audit.rows[0] as { n: number }).n)).toBe(1);
  });

  it('stores a blood pressure from its two components', async () => {
    const c = await writer();
    const component = (code: string, value: number) => ({
      code: { coding: [{ system: 'http://loinc.org', code }] },
      valueQuantity: { value, unit: 'mm[Hg]', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
    });
    const res = await c.post('/fhir/R4/Observation', {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
      subject: { reference: `Patient/${f.s.ids.recipient}` },
      component: [component('8480-6', 135), component('8462-4', 85)],
    });
    expect(res.status).toBe(201);
    expect(res.body.component.map((x: any) => x.valueQuantity.value)).toEqual([135, 85]);
  });

  it('refuses invalid Observations naming the element, writing nothing', async () => {
    const c = await writer();
    const before = [await count('observation'), await count('audit_log')];
    const cases: [unknown, number, string][] = [
      [{ ...pulse(70), subject: undefined }, 400, 'Observation.subject'],
      [pulse(720), 422, 'Observation.valueQuantity.value'],
      [{ ...pulse(70), status: 'preliminary' }, 400, 'Observation.status'],
      [{ ...pulse(70), code: { coding: [{ system: 'http://loinc.org', code: '2339-0' }] } }, 422, 'Observation.code'],
      [
        { ...pulse(70), valueQuantity: { value: 70, system: 'http://unitsofmeasure.org', code: 'kg' } },
        422,
        'Observation.valueQuantity.code',
      ],
      [{ ...pulse(70), resourceType: 'Patient' }, 400, 'Observation.resourceType'],
    ];
    for (const [body, status, element] of cases) {
      const res = await c.post('/fhir/R4/Observation', body);
      expect(res.status, element).toBe(status);
      expect(res.body.issue[0].expression).toEqual([element]);
    }
    expect([await count('observation'), await count('audit_log')]).toEqual(before);
  });

  it('rolls back an Observation on another person’s visit, keeping only the attempt’s audit row', async () => {
    const c = await writer();
    const paul = await buildRecipient(f.database.db, f.s.ids.otherTeam, { givenName: 'Paul' });
    const [other] = (
      await f.database.db.execute(sql`INSERT INTO visit (recipient_id, date, window_start, window_end)
        VALUES (${paul.id}, '2030-01-01', 480, 510) RETURNING id`)
    ).rows as { id: string }[];
    const before = [await count('observation'), await count('audit_log')];
    const res = await c.post('/fhir/R4/Observation', pulse(70, { encounter: { reference: `Encounter/${other.id}` } }));
    expect(res.status).toBe(422);
    expect(res.body.issue[0].expression).toEqual(['Observation.encounter']);
    expect([await count('observation'), await count('audit_log')]).toEqual([before[0], before[1] + 1]);
    const [row] = (
      await f.database.db.execute(sql`SELECT details->>'refused' AS refused FROM audit_log ORDER BY seq DESC LIMIT 1`)
    ).rows as { refused: string }[];
    expect(row.refused).toBe('unprocessable');
  });

  it('refuses a member of another team with 403, a denied row and nothing written', async () => {
    const bo = await writer('bo');
    const before = await count('observation');
    const denied = async () =>
      Number(
        (
          (
            await f.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE basis = 'denied'
            AND action = 'observation.record' AND actor_user_id = ${f.s.users.bo.id}`)
          ).rows[0] as { n: number }
        ).n,
      );
    const deniedBefore = await denied();
    expect((await bo.post('/fhir/R4/Observation', pulse(70))).status).toBe(403);
    expect(await count('observation')).toBe(before);
    expect(await denied()).toBe(deniedBefore + 1);
  });

  it('records a finished home visit as Encounter; refuses one that ends before it starts', async () => {
    const c = await writer();
    const day = addDays(f.s.today, -1);
    const encounter = (start: number, end: number) => ({
      resourceType: 'Encounter',
      status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'HH' },
      subject: { reference: `Patient/${f.s.ids.recipient}` },
      participant: [{ individual: { reference: `Practitioner/${f.s.staff.anna.id}` } }],
      period: { start: osloInstant(day, start).toISOString(), end: osloInstant(day, end).toISOString() },
    });
    const res = await c.post('/fhir/R4/Encounter', encounter(600, 640));
    expect(res.status).toBe(201);
    expect(String(res.headers.location)).toContain(`/fhir/R4/Encounter/${res.body.id}`);
    const [row] = (
      await f.database.db.execute(
        sql`SELECT status, date::text, window_start, window_end, staff_id FROM visit WHERE id = ${res.body.id}`,
      )
    ).rows;
    expect(row).toEqual({ status: 'done', date: day, window_start: 600, window_end: 640, staff_id: f.s.staff.anna.id });
    const before = await count('visit');
    const bad = await c.post('/fhir/R4/Encounter', encounter(640, 600));
    expect(bad.status).toBe(422);
    expect(bad.body.issue[0].expression).toEqual(['Encounter.period.end']);
    const planned = await c.post('/fhir/R4/Encounter', { ...encounter(600, 640), status: 'planned' });
    expect(planned.status).toBe(400);
    expect(planned.body.issue[0].expression).toEqual(['Encounter.status']);
    expect(await count('visit')).toBe(before);
  });
});
