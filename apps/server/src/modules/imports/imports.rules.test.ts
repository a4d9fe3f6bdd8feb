import { readFileSync } from 'node:fs';
import { completeNationalId, recipientColumns, staffColumns } from '@tillit/contracts';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './imports.csv.ts';
import { checkRecipientRows, checkStaffRows, type ImportContext } from './imports.rules.ts';

const nord = { id: '11111111-1111-4111-8111-111111111111', name: 'Team Nord', districtId: 'd' };
const context = (over: Partial<ImportContext> = {}): ImportContext => ({
  teams: [nord, { id: '22222222-2222-4222-8222-222222222222', name: 'Team Sør', districtId: 'd' }],
  competenceCodes: new Set(['legemiddelhandtering', 'sarstell']),
  usernames: new Set(['anna']),
  staffEmails: new Set(['bo@example.no']),
  staffInTeams: new Set([`lea leder|${nord.id}`]),
  nationalIds: new Set(),
  ...over,
});
const fnr = (nine: string) => completeNationalId(nine) as string;
const petter = fnr('018140123'); // synthetic, born 1940-01-01
const dnr = fnr('410150123'); // D-nummer, born 1950-01-01

const staffCsv = (rows: string[]) =>
  ['given_name;family_name;profession;competences;team;start_date;username;email', ...rows].join('\n');
const problemsOf = (rows: { line: number; problems: { field: string; code: string }[] }[]) =>
  rows.flatMap((r) => r.problems.map((p) => `${r.line} ${p.field} ${p.code}`));

describe('reading an import file (csv-parse)', () => {
  it('reads ; or , files with a BOM, quoted fields and Norwegian dates', () => {
    const text =
      '\uFEFFgiven_name,family_name,profession,team,start_date\n"Kari, jr",Nordmann,sykepleier,team nord,05.01.2026\n';
    const rows = parseCsv(text, staffColumns);
    expect(rows).toEqual([
      {
        line: 2,
        width: 0,
        cells: {
          given_name: 'Kari, jr',
          family_name: 'Nordmann',
          profession: 'sykepleier',
          team: 'team nord',
          start_date: '05.01.2026',
        },
      },
    ]);
    const [row] = checkStaffRows(rows, context());
    expect(row.problems).toEqual([]);
    expect(row.value).toMatchObject({ team: nord, startDate: '2026-01-05', competences: [] });
  });

  it('refuses the whole file for an unknown or missing column, naming it', () => {
    const refusal = (text: string) => {
      try {
        parseCsv(text, text.startsWith('national') ? recipientColumns : staffColumns);
      } catch (err) {
        return (err as { extra?: { fields?: { field: string; message: string }[] } }).extra?.fields?.[0];
      }
    };
    expect(refusal('given_name;familyname\nA;B')).toMatchObject({
      field: 'csv',
      message: 'Unknown column: familyname',
    });
    expect(refusal('given_name;family_name\nA;B')?.message).toMatch(/^Missing column: profession, team, start_date/);
    expect(refusal('national_id\n"unclosed')?.message).toMatch(/could not be read as CSV near line 2/);
  });
});

describe('staff rows', () => {
  it('lists every problem of every row, with the line', () => {
    const rows = parseCsv(
      staffCsv([
        'Kari;Nordmann;sykepleier;legemiddelhandtering|sarstell;Team Nord;2026-01-05;kari;kari@example.no',
        ';Hansen;pilot;trylling;Team Vest;31.02.2026;anna;bo@example.no',
        'Lea;Leder;leder;;Team Nord;2026-01-05;;',
        'Kari2;Nordmann;sykepleier;;Team Nord;2026-01-05;kari;kari@example.no',
        'Ola;Nordmann;assistent;;Team Nord;2026-01-05;x;not-an-email',
      ]),
      staffColumns,
    );
    const checked = checkStaffRows(rows, context());
    expect(checked[0]).toMatchObject({ line: 2, label: 'Kari Nordmann', problems: [] });
    expect(checked[0].value?.competences).toEqual(['legemiddelhandtering', 'sarstell']);
    expect(problemsOf(checked)).toEqual([
      '3 given_name required',
      '3 profession unknown_value',
      '3 competences competence.unknown',
      '3 team team.unknown',
      '3 start_date date',
      '3 username username.taken',
      '3 email staff.registered',
      '4 given_name staff.registered',
      '5 username duplicate_in_file',
      '5 email duplicate_in_file',
      '6 username username.format',
      '6 email email.format',
    ]);
    expect(checked[1].value).toBeUndefined();
  });
});

describe('people served', () => {
  const header =
    'national_id;given_name;family_name;address;postcode;city;lat;lon;birth_date;team;start_date;next_of_kin_name;next_of_kin_relation;consent_share_with_next_of_kin';
  const line = (
    id: string,
    rest = ';Petter;Hansen;Tøyengata 1;0650;Oslo;59,91;10,77;;Team Nord;2025-09-01;Lise;datter;ja',
  ) => `${id}${rest}`;

  it('accepts F- and D-nummer and derives the birth date; the national id is checked digit by digit', () => {
    const rows = parseCsv([header, line(petter), line(dnr)].join('\n'), recipientColumns);
    const checked = checkRecipientRows(rows, context());
    expect(checked.map((c) => c.problems)).toEqual([[], []]);
    expect(checked[0].value).toMatchObject({
      birthDate: '1940-01-01',
      lat: 59.91,
      nextOfKin: { name: 'Lise', relation: 'datter', phone: null },
      consentShareWithNextOfKin: true,
      reservationAgainstSharing: false,
    });
    expect(checked[1].value?.birthDate).toBe('1950-01-01');
  });

  it('refuses bad numbers, duplicates in the file, people already registered and half a next of kin', () => {
    const bad = `${petter.slice(0, 10)}${(Number(petter[10]) + 1) % 10}`;
    const other = fnr('020240123');
    const rows = parseCsv(
      [
        header,
        line(bad),
        line(petter),
        line(petter),
        line(other, ';Ola;Hansen;Vei 2;650;Oslo;50;10;1941-01-01;Team Nord;2025-09-01;;datter;kanskje'),
      ].join('\n'),
      recipientColumns,
    );
    const checked = checkRecipientRows(rows, context({ nationalIds: new Set([other]) }));
    expect(problemsOf(checked)).toEqual([
      '2 national_id nationalId.checkDigit2',
      '4 national_id duplicate_in_file',
      '5 birth_date birth_date.mismatch',
      '5 national_id national_id.registered',
      '5 postcode postcode.format',
      '5 lat range',
      '5 next_of_kin_name required',
      '5 consent_share_with_next_of_kin yes_no',
    ]);
    // The answer about a registered person says only that: no name, team or id of theirs.
    expect(checked[3].problems.find((p) => p.code === 'national_id.registered')?.message).toBe(
      'A person with this national identity number is already registered',
    );
  });
});

describe('the example files in docs/examples', () => {
  it('pass every check against the demo district', () => {
    const read = (name: string) =>
      readFileSync(new URL(`../../../../../docs/examples/${name}`, import.meta.url), 'utf8');
    const ctx = context({
      teams: ['Tøyen', 'Grønland', 'Kampen'].map((n, i) => ({ id: `t${i}`, name: `Team ${n}`, districtId: 'd' })),
      competenceCodes: new Set(['legemiddelhandtering', 'sarstell']),
    });
    const staff = checkStaffRows(parseCsv(read('import-staff.csv'), staffColumns), ctx);
    expect(staff.map((r) => r.problems)).toEqual([[], [], []]);
    expect(staff[2].value).toMatchObject({ givenName: 'Anne-Lise', familyName: 'Berg, jr.', username: 'anne-lise.b' });
    const people = checkRecipientRows(parseCsv(read('import-recipients.csv'), recipientColumns), ctx);
    expect(people.map((r) => r.problems)).toEqual([[], [], []]);
    expect(people[1].value?.addressLine).toBe('Kampengata 3, leil. H0201');
  });
});
