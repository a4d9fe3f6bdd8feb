import { completeNationalId } from '@tillit/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildRecipient } from '../../test/factories.ts';
import { fhirClient, fhirToken, useFhirScenario, validated } from '../../test/fhir.ts';

/**
 * Every resource type read and searched as the serving team's member (Anna's client), each
 * answer checked by @medplum/core's validator (test/fhir.ts), and the search parameters.
 */
const f = useFhirScenario();
const FNR = 'urn:oid:2.16.578.1.12.4.1.4.1';
const DNR = 'urn:oid:2.16.578.1.12.4.1.4.2';

async function anna() {
  return fhirClient(
    f.app,
    await fhirToken(f.app, 'anna', ['user/*.read'], `read-${Math.random().toString(36).slice(2, 10)}`),
  );
}

/** A D-nummer: the first digit of the birth date with 4 added (41 → the 1st of the month). */
function dNumber(): string {
  for (let n = 100; ; n++) {
    const id = completeNationalId(`410145${n}`);
    if (id) return id;
  }
}

describe('FHIR R4 reads', () => {
  it('reads every supported type and finds it valid', async () => {
    const c = await anna();
    const s = f.s;
    const [goal] = (await f.database.db.execute(sql`SELECT id FROM goal LIMIT 1`)).rows as { id: string }[];
    const reads = [
      `Patient/${s.ids.recipient}`,
      `Encounter/${s.ids.visit}`,
      `Goal/${goal.id}`,
      `CarePlan/${s.ids.recipient}`,
      `MedicationStatement/${s.ids.medication}`,
      `MedicationAdministration/${s.ids.dose}`,
      `Practitioner/${s.staff.anna.id}`,
      `Organization/${s.ids.team}`,
      `Organization/${s.world.municipality.id}`,
      `CareTeam/${s.ids.team}`,
    ];
    for (const path of reads) {
      const res = await c.get(`/fhir/R4/${path}`);
      expect(res.status, path).toBe(200);
      expect(`${res.body.resourceType}/${res.body.id}`).toBe(path);
    }
    const plan = await c.get(`/fhir/R4/CarePlan/${s.ids.recipient}`);
    expect(plan.body.activity[0].detail.scheduledTiming.repeat.durationUnit).toBe('min');
    const g = await c.get(`/fhir/R4/Goal/${goal.id}`);
    expect(g.body.note[0].text).toBe('Å klare morgenstellet selv');
  });

  it('searches every type as a valid searchset Bundle', async () => {
    const c = await anna();
    const patient = `patient=Patient/${f.s.ids.recipient}`;
    const searches = [
      `Encounter?${patient}`,
      `Observation?${patient}`,
      `Goal?subject=Patient/${f.s.ids.recipient}`,
      `CarePlan?${patient}`,
      `MedicationStatement?${patient}`,
      `MedicationAdministration?${patient}`,
      'Practitioner',
      `PractitionerRole?practitioner=Practitioner/${f.s.staff.anna.id}`,
      'Organization',
      'CareTeam',
      'Patient',
    ];
    for (const q of searches) {
      const res = await c.get(`/fhir/R4/${q}`);
      expect(res.status, q).toBe(200);
      expect(res.body.type).toBe('searchset');
    }
    expect((await c.get(`/fhir/R4/MedicationStatement?${patient}`)).body.entry.length).toBeGreaterThanOrEqual(2);
    expect((await c.get('/fhir/R4/Organization')).body.entry.length).toBe(4);
    expect(validated.resources).toBeGreaterThan(20);
  });

  it('finds a person by fødselsnummer and by D-nummer, each under its own system', async () => {
    const c = await anna();
    const dnr = dNumber();
    const d = await buildRecipient(f.database.db, f.s.ids.team, { givenName: 'Dina', nationalId: dnr });
    const byF = await c.get(`/fhir/R4/Patient?identifier=${FNR}|${f.s.world.petter.nationalId}`);
    expect(byF.body.entry.map((e: any) => e.resource.id)).toEqual([f.s.ids.recipient]);
    const byD = await c.get(`/fhir/R4/Patient?identifier=${DNR}|${dnr}`);
    expect(byD.body.entry.map((e: any) => e.resource.id)).toEqual([d.id]);
    expect(byD.body.entry[0].resource.identifier[0].system).toBe(DNR);
    // The wrong system for the number finds nobody; the value alone finds the person.
    expect((await c.get(`/fhir/R4/Patient?identifier=${FNR}|${dnr}`)).body.entry ?? []).toEqual([]);
    expect((await c.get(`/fhir/R4/Patient?identifier=${dnr}`)).body.entry).toHaveLength(1);
  });

  it('filters observations by code and date, and encounters by date', async () => {
    const c = await anna();
    const r = f.s.ids.recipient;
    await f.database.db.execute(sql`INSERT INTO observation (recipient_id, kind, value, unit, recorded_by, recorded_at) VALUES
      (${r}, 'pulse', 71, '/min', ${f.s.users.anna.id}, '2026-03-10T09:00:00+01:00'),
      (${r}, 'temperature', 37.2, 'Cel', ${f.s.users.anna.id}, '2026-03-10T09:05:00+01:00'),
      (${r}, 'pulse', 80, '/min', ${f.s.users.anna.id}, '2026-04-02T09:00:00+02:00')`);
    const ids = async (q: string) =>
      ((await c.get(`/fhir/R4/Observation?patient=Patient/${r}&${q}`)).body.entry ?? []).map(
        (e: any) => e.resource.valueQuantity.value,
      );
    expect(await ids('code=http://loinc.org|8867-4&date=2026-03')).toEqual([71]);
    expect(await ids('code=8310-5')).toEqual([37.2]);
    expect((await ids('code=8867-4&date=ge2026-03-01&date=lt2026-05-01')).sort()).toEqual([71, 80]);
    expect(await ids('date=2026-04-02')).toEqual([80]);
    expect(await ids('code=http://loinc.org|1234-5')).toEqual([]);
    const visits = await c.get(`/fhir/R4/Encounter?patient=Patient/${r}&date=${f.s.tomorrow}`);
    expect(visits.body.entry.length).toBeGreaterThan(0);
    for (const e of visits.body.entry) expect(e.resource.period.start.slice(0, 10) <= f.s.tomorrow).toBe(true);
    expect((await c.get(`/fhir/R4/Encounter?patient=Patient/${r}&date=2001-01-01`)).body.entry ?? []).toEqual([]);
  });

  it('answers unknown parameters, bad values and unknown ids with an OperationOutcome', async () => {
    const c = await anna();
    const unknown = await c.get(`/fhir/R4/Observation?patient=Patient/${f.s.ids.recipient}&colour=red`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.issue[0].expression).toEqual(['colour']);
    expect((await c.get('/fhir/R4/Observation?date=yesterday')).status).toBe(400);
    expect((await c.get('/fhir/R4/Observation')).body.issue[0].expression).toEqual(['patient']);
    const missing = await c.get('/fhir/R4/Patient/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.issue[0].code).toBe('not-found');
    expect((await c.get('/fhir/R4/QuestionnaireResponse')).status).toBe(404);
  });
});
