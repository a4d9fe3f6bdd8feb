import { osloInstant } from '@tillit/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Client, logInAs, useWorldSuite } from '../../test/harness.ts';
import { medicine, medicineStory } from '../../test/medicines.ts';
import { testClock } from '../../time/clock.ts';

/**
 * Medicines as stories through the API: Wednesday 2 December 2026, 12:00 on Oslo's clock. Petter's
 * morning visit (08:00–08:30) holds three doses; Anna and Nils (nurses of team North) hold a
 * medication delegation, Hanna (North) holds an expired one, Bo belongs to team South.
 */
const TODAY = '2026-12-02';
const clock = testClock(osloInstant(TODAY, 12 * 60));
const suite = useWorldSuite({ clock });
let anna: Client;
let nils: Client;
let bo: Client;
let visitId: string;

const petter = () => suite.world.petter.id;
beforeEach(async () => {
  clock.set(osloInstant(TODAY, 12 * 60));
  ({ anna, nils, bo, visitId } = await medicineStory(suite, TODAY));
});

async function threeDoses() {
  for (const m of [
    medicine(),
    medicine({
      drugName: 'Insulin aspart',
      form: 'injection',
      strength: '100 E/ml',
      dose: '8 E',
      route: 'subcutaneous',
      times: ['08:15'],
      atcCode: 'A10AB05',
      indication: 'Diabetes',
    }),
    medicine({
      drugName: 'Paracet',
      strength: '500 mg',
      dose: '2 tabletter',
      times: ['08:30', '20:00'],
      indication: 'Smerter',
    }),
  ])
    expect((await anna.post(`/api/recipients/${petter()}/medications`, m)).status).toBe(201);
}

describe('the medication list and the doses at the visit', () => {
  it('prescribes, shows the doses at the visit, gives them all as planned and asks a second person for insulin', async () => {
    await threeDoses();
    const list = await anna.get(`/api/recipients/${petter()}/medications`);
    expect(list.body.medications.map((m: { drugName: string; highRisk: boolean }) => [m.drugName, m.highRisk])).toEqual(
      [
        ['Insulin aspart', true],
        ['Metoprolol', false],
        ['Paracet', false],
      ],
    );
    expect(list.body.medications[0].history[0]).toMatchObject({
      version: 1,
      source: 'gp_letter',
      changedBy: 'Anna Nordmann',
    });

    const doses = (await anna.get(`/api/visits/${visitId}/doses`)).body;
    expect(doses.doses.map((d: { drugName: string; time: number }) => [d.drugName, d.time])).toEqual([
      ['Metoprolol', 480],
      ['Insulin aspart', 495],
      ['Paracet', 510],
    ]);
    expect((await anna.post(`/api/visits/${visitId}/doses`, { allAsPlanned: true })).body).toEqual({ recorded: 3 });
    const after = (await anna.get(`/api/visits/${visitId}/doses`)).body.doses;
    expect(after.map((d: { status: string; awaitingSecond: boolean }) => [d.status, d.awaitingSecond])).toEqual([
      ['given', false],
      ['given', true],
      ['given', false],
    ]);
    const insulin = after[1].administrationId;
    const board = (await anna.get(`/api/teams/${suite.world.north.id}/medicines/board`)).body;
    expect(board.awaitingSecond).toMatchObject([
      { administrationId: insulin, drugName: 'Insulin aspart', givenBy: 'Anna Nordmann' },
    ]);
    expect((await nils.post(`/api/doses/${insulin}/second-signature`)).status).toBe(200);
    expect((await anna.get(`/api/visits/${visitId}/doses`)).body.doses[1]).toMatchObject({
      awaitingSecond: false,
      secondSignedBy: 'Nils Nord',
    });
    expect((await nils.post(`/api/doses/${insulin}/second-signature`)).status).toBe(409);
    // «All as planned» again finds nothing open; the evening dose is another visit's.
    expect((await anna.post(`/api/visits/${visitId}/doses`, { allAsPlanned: true })).body).toEqual({ recorded: 0 });
  });

  it('versions a change with its source and reason, and refuses a stale one', async () => {
    const m = (await anna.post(`/api/recipients/${petter()}/medications`, medicine())).body;
    const changed = await anna.patch(`/api/medications/${m.id}`, {
      version: 1,
      dose: '2 tabletter',
      source: 'discharge_summary',
      sourceNote: 'Epikrise fra Ullevål 30.11.',
      reason: 'Økt dose under innleggelsen',
    });
    expect(changed.body).toMatchObject({ version: 2, dose: '2 tabletter' });
    const stale = await anna.patch(`/api/medications/${m.id}`, {
      version: 1,
      dose: '3 tabletter',
      source: 'gp_letter',
      reason: 'Feil',
    });
    expect(stale.status).toBe(409);
    const history = (await anna.get(`/api/recipients/${petter()}/medications`)).body.medications[0].history;
    expect(history.map((h: { version: number; source: string }) => [h.version, h.source])).toEqual([
      [2, 'discharge_summary'],
      [1, 'gp_letter'],
    ]);
  });

  it('reconciles the list after a hospital stay: each medicine kept or stopped, all or nothing', async () => {
    const keep = (await anna.post(`/api/recipients/${petter()}/medications`, medicine())).body;
    const stop = (
      await anna.post(`/api/recipients/${petter()}/medications`, medicine({ drugName: 'Sobril', times: ['21:00'] }))
    ).body;
    const half = await anna.post(`/api/recipients/${petter()}/medication-reconciliations`, {
      source: 'discharge_summary',
      decisions: [{ medicationId: keep.id, version: 1, keep: true }],
    });
    expect(half.status).toBe(400);
    expect(half.body.error.fields[0]).toMatchObject({ field: 'decisions', code: 'incomplete' });
    const done = await anna.post(`/api/recipients/${petter()}/medication-reconciliations`, {
      source: 'discharge_summary',
      sourceNote: 'Epikrise 30.11.',
      decisions: [
        { medicationId: keep.id, version: 1, keep: true },
        { medicationId: stop.id, version: 1, keep: false },
      ],
    });
    expect(done.status).toBe(201);
    const list = (await anna.get(`/api/recipients/${petter()}/medications`)).body;
    expect(list.medications.find((m: { id: string }) => m.id === stop.id)).toMatchObject({
      stopDate: TODAY,
      version: 2,
    });
    expect(list.reconciliations).toMatchObject([{ source: 'discharge_summary', confirmedBy: 'Anna Nordmann' }]);
  });

  it('prints the medication chart as a PDF', async () => {
    await threeDoses();
    const res = await anna.get(`/api/recipients/${petter()}/medication-chart.pdf`);
    expect(res.status).toBe(200);
    expect(String(res.body).slice(0, 5)).toBe('%PDF-');
    expect((await bo.get(`/api/recipients/${petter()}/medication-chart.pdf`)).status).toBe(403);
  });
});

describe('the municipality’s high-risk list', () => {
  it('uses the national default until the administrator sets a list, and the doses follow it', async () => {
    await anna.post(`/api/recipients/${petter()}/medications`, medicine({ drugName: 'Marevan', atcCode: 'B01AA03' }));
    const dose = async () => (await anna.get(`/api/visits/${visitId}/doses`)).body.doses[0].highRisk;
    expect(await dose()).toBe(true);
    const ada = await logInAs(suite.app, 'ada');
    expect((await ada.get('/api/admin/high-risk-drugs')).body.isDefault).toBe(true);
    const set = await ada.post('/api/admin/high-risk-drugs', { drugs: [{ atcPrefix: 'a10a', label: 'Insuliner' }] });
    expect(set.body).toEqual({ isDefault: false, drugs: [{ atcPrefix: 'A10A', label: 'Insuliner' }] });
    expect(await dose()).toBe(false);
    expect((await anna.post('/api/admin/high-risk-drugs', { drugs: [] })).status).toBe(403);
  });
});
