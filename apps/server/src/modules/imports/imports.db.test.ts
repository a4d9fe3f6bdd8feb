import { completeNationalId } from '@tillit/contracts';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import { type Client, logInAs, useWorldSuite } from '../../test/harness.ts';
import { postgresUrl, race } from '../../test/race.ts';
import { IMPORT_LOCK } from './imports.service.ts';

const suite = useWorldSuite();
const db = () => suite.database.db;
const count = async (table: string) =>
  rowsOf<{ n: number }>(await db().execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0].n;
const counts = async () => ({
  recipient: await count('recipient'),
  recipient_team: await count('recipient_team'),
  next_of_kin: await count('next_of_kin'),
  staff: await count('staff'),
  team_membership: await count('team_membership'),
  staff_competence: await count('staff_competence'),
  user_account: await count('user_account'),
});
const audit = async (action: string) =>
  rowsOf<{ basis: string; recipientId: string | null; details: Record<string, unknown> }>(
    await db().execute(sql`SELECT basis, recipient_id AS "recipientId", details FROM audit_log
                            WHERE action = ${action} ORDER BY seq`),
  );

const fnr = (nine: string) => completeNationalId(nine) as string;
const people = [fnr('018140123'), fnr('020240123'), fnr('410150123')];
const header =
  'national_id;given_name;family_name;address;postcode;city;lat;lon;birth_date;phone;team;start_date;next_of_kin_name;next_of_kin_relation;next_of_kin_phone;consent_share_with_next_of_kin;reservation_against_sharing';
const person = (id: string, name: string, team = 'Team Nord') =>
  `${id};${name};Hansen;Tøyengata 1;0650;Oslo;59,91;10,77;;22 00 00 00;${team};01.09.2025;Lise Hansen;datter;90000002;ja;nei`;
const goodFile = [header, person(people[0], 'Per'), person(people[1], 'Pål'), person(people[2], 'Espen')].join('\n');
const badFile = [
  header,
  person(people[0], 'Per'),
  person(`${people[1].slice(0, 10)}0`, 'Pål'),
  person(people[2], 'Espen', 'Team Vest'),
  person(people[0], 'Per igjen'),
].join('\r\n');

let ada: Client;
beforeEach(async () => {
  ada = await logInAs(suite.app, 'ada');
});

describe('importing people served', () => {
  it('a dry run lists every bad row with its reason; the real run refuses with the same list and writes nothing', async () => {
    const before = await counts();
    const dry = await ada.post('/api/imports/recipients', { csv: badFile, dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body.counts).toEqual({ rows: 4, ok: 1, refused: 3 });
    const refused = dry.body.rows
      .filter((r: { status: string }) => r.status === 'refused')
      .map((r: { line: number; problems: { field: string; code: string }[] }) => [
        r.line,
        r.problems.map((p) => `${p.field}:${p.code}`),
      ]);
    expect(refused).toEqual([
      [3, ['national_id:nationalId.checkDigit2']],
      [4, ['team:team.unknown']],
      [5, ['national_id:duplicate_in_file']],
    ]);
    expect(dry.body.rows[2].problems[0].message).toBe('No team is named Team Vest');
    const real = await ada.post('/api/imports/recipients', { csv: badFile, dryRun: false });
    expect(real.status).toBe(422);
    expect(real.body.rows).toEqual(dry.body.rows);
    expect(real.body.imported).toBe(0);
    expect(await counts()).toEqual(before);
    expect((await audit('import.recipients')).map((a) => a.details.dryRun)).toEqual([true, false]);
  });

  it('a good file imports everyone with the care relation, next of kin and an audit row each', async () => {
    const before = await counts();
    const res = await ada.post('/api/imports/recipients', { csv: `\uFEFF${goodFile}`, dryRun: false });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 3, counts: { rows: 3, ok: 3, refused: 0 } });
    expect(await counts()).toEqual({
      ...before,
      recipient: before.recipient + 3,
      recipient_team: before.recipient_team + 3,
      next_of_kin: before.next_of_kin + 3,
    });
    const rows = rowsOf<{ id: string; birthDate: string; team: string; validFrom: string; lat: number }>(
      await db().execute(sql`SELECT r.id, r.birth_date::text AS "birthDate", t.name AS team, rt.valid_from::text AS "validFrom", r.lat
                               FROM recipient r JOIN recipient_team rt ON rt.recipient_id = r.id JOIN team t ON t.id = rt.team_id
                              WHERE r.national_id IN (${people[0]}, ${people[1]}, ${people[2]}) ORDER BY r.birth_date`),
    );
    expect(rows.map((r) => [r.birthDate, r.team, r.validFrom, r.lat])).toEqual([
      ['1940-01-01', 'Team Nord', '2025-09-01', 59.91],
      ['1940-02-02', 'Team Nord', '2025-09-01', 59.91],
      ['1950-01-01', 'Team Nord', '2025-09-01', 59.91],
    ]);
    const logged = await audit('record.import');
    expect(logged.map((a) => a.basis)).toEqual(['admin', 'admin', 'admin']);
    expect(new Set(logged.map((a) => a.recipientId))).toEqual(new Set(rows.map((r) => r.id)));
    // Team Nord's member sees the new people at once.
    const anna = await logInAs(suite.app, 'anna');
    const list = await anna.get(`/api/teams/${suite.world.north.id}/recipients`);
    expect(list.body.map((p: { givenName: string }) => p.givenName)).toEqual(
      expect.arrayContaining(['Per', 'Pål', 'Espen']),
    );
  });

  it('a person already registered is refused without a word about them, and the look-up is in their log', async () => {
    const petter = suite.world.petter;
    const file = [header, person(petter.nationalId, 'Someone')].join('\n');
    const dry = await ada.post('/api/imports/recipients', { csv: file, dryRun: true });
    expect(dry.body.rows[0].problems).toEqual([
      {
        field: 'national_id',
        code: 'national_id.registered',
        message: 'A person with this national identity number is already registered',
      },
    ]);
    expect(JSON.stringify(dry.body)).not.toContain('Petter');
    expect(await audit('record.import')).toEqual([
      { basis: 'denied', recipientId: petter.id, details: { refused: 'national_id_registered', dryRun: true } },
    ]);
  });

  it('is for administrators only, and a broken file is a 400 naming the column', async () => {
    const lea = await logInAs(suite.app, 'lea');
    expect((await lea.post('/api/imports/recipients', { csv: goodFile, dryRun: true })).status).toBe(403);
    const broken = await ada.post('/api/imports/recipients', { csv: 'national_id;navn\n1;2', dryRun: true });
    expect(broken.status).toBe(400);
    expect(broken.body.error.fields[0]).toMatchObject({ field: 'csv', code: 'csv.unknown_column' });
  });
});

const staffHeader = 'given_name;family_name;profession;competences;team;start_date;username;email;phone';
const staffFile = [
  staffHeader,
  'Kari;Nordmann;sykepleier;legemiddelhandtering sarstell;Team Nord;2026-01-05;kari.n;kari@example.no;90000001',
  'Ola;Sørensen;helsefagarbeider;;team sør;05.01.2026;;;',
].join('\n');

describe('importing staff', () => {
  it('writes staff, memberships, competences and a disabled login, with audit rows; a bad file writes nothing', async () => {
    const bad = `${staffFile}\nAnna;Nordmann;sykepleier;trylling;Team Nord;2026-01-05;anna;;`;
    const before = await counts();
    const refused = await ada.post('/api/imports/staff', { csv: bad, dryRun: false });
    expect(refused.status).toBe(422);
    expect(refused.body.rows[2].problems.map((p: { code: string }) => p.code)).toEqual([
      'competence.unknown',
      'username.taken',
      'staff.registered',
    ]);
    expect(await counts()).toEqual(before);
    const res = await ada.post('/api/imports/staff', { csv: staffFile, dryRun: false });
    expect(res.status).toBe(200);
    expect(await counts()).toEqual({
      ...before,
      staff: before.staff + 2,
      team_membership: before.team_membership + 2,
      staff_competence: before.staff_competence + 2,
      user_account: before.user_account + 1,
    });
    const [login] = rowsOf<{ disabled: boolean; role: string }>(
      await db().execute(sql`SELECT disabled, role FROM user_account WHERE username = 'kari.n'`),
    );
    expect(login).toEqual({ disabled: true, role: 'member' });
    expect(await audit('staff.import')).toHaveLength(2);
    const team = await ada.get(`/api/teams/${suite.world.south.id}`);
    expect(team.body.members.map((m: { name: string }) => m.name)).toContain('Ola Sørensen');
  });
});

describe('two real runs of the same file at once', () => {
  it('import it once: the second is refused, row by row, and nothing is doubled', async () => {
    const before = await counts();
    const send = () => [
      ada.post('/api/imports/recipients', { csv: goodFile, dryRun: false }),
      ada.post('/api/imports/recipients', { csv: goodFile, dryRun: false }),
    ];
    // On PostgreSQL both requests wait at the imports' lock, held here, and then go together.
    const answers = postgresUrl
      ? await race(postgresUrl, 2, send, `SELECT pg_advisory_xact_lock(${IMPORT_LOCK})`)
      : await Promise.all(send());
    expect(answers.map((a) => a.status).sort()).toEqual([200, 422]);
    const second = answers.find((a) => a.status === 422);
    expect(second?.body.counts).toEqual({ rows: 3, ok: 0, refused: 3 });
    expect(await counts()).toMatchObject({ recipient: before.recipient + 3, next_of_kin: before.next_of_kin + 3 });
    expect(await audit('record.import')).toHaveLength(3 + 3); // three imported, three refusals logged
  });

  it('of a staff file import each staff member once (no constraint names them: the lock does)', async () => {
    const before = await count('staff');
    const send = () => [
      ada.post('/api/imports/staff', { csv: staffFile, dryRun: false }),
      ada.post('/api/imports/staff', { csv: staffFile, dryRun: false }),
    ];
    const answers = postgresUrl
      ? await race(postgresUrl, 2, send, `SELECT pg_advisory_xact_lock(${IMPORT_LOCK})`)
      : await Promise.all(send());
    expect(answers.map((a) => a.status).sort()).toEqual([200, 422]);
    expect(await count('staff')).toBe(before + 2);
  });
});
