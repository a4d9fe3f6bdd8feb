/**
 * Row validation for both kinds of import file: pure, given what the database already holds
 * (the context). Each row gets every problem it has, not only the first, so one dry run shows
 * the administrator everything to fix.
 */
import { type ImportProblem, nationalIdMessages, profession, validateNationalId } from '@tillit/contracts';
import type { CsvRow } from './imports.csv.ts';
import { RowReader } from './imports.fields.ts';

export interface ImportTeam {
  id: string;
  name: string;
  districtId: string;
}

/** What the database holds that a file is checked against (loaded by imports.service.ts). */
export interface ImportContext {
  teams: ImportTeam[];
  competenceCodes: Set<string>;
  /** Usernames taken (lower case). */
  usernames: Set<string>;
  /** E-mail addresses of staff already registered (lower case). */
  staffEmails: Set<string>;
  /** `given family|teamId` (lower case) of staff who are members of that team today or later. */
  staffInTeams: Set<string>;
  /** National identity numbers of the file already registered. */
  nationalIds: Set<string>;
}

export interface StaffImport {
  givenName: string;
  familyName: string;
  profession: (typeof profession.options)[number];
  competences: string[];
  team: ImportTeam;
  startDate: string;
  username: string | null;
  email: string | null;
  phone: string | null;
}

export interface RecipientImport {
  nationalId: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  addressLine: string;
  postalCode: string;
  city: string;
  lat: number;
  lon: number;
  phone: string | null;
  team: ImportTeam;
  startDate: string;
  nextOfKin: { name: string; relation: string; phone: string | null } | null;
  consentShareWithNextOfKin: boolean;
  reservationAgainstSharing: boolean;
}

export interface CheckedRow<T> {
  line: number;
  label: string;
  problems: ImportProblem[];
  /** Set only when the row has no problem. */
  value?: T;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A team by id, or by its name (any case); a name two teams share is refused as ambiguous. */
function findTeam(r: RowReader, teams: ImportTeam[]): ImportTeam | undefined {
  const v = r.text('team', true, 200);
  if (v === undefined) return undefined;
  const found = UUID.test(v)
    ? teams.filter((t) => t.id === v.toLowerCase())
    : teams.filter((t) => t.name.toLowerCase() === v.toLowerCase());
  if (found.length === 1) return found[0];
  if (found.length > 1)
    return r.fail('team', 'team.ambiguous', `Several teams are named ${v}: use the team's id`, { value: v });
  return r.fail('team', 'team.unknown', `No team is named ${v}`, { value: v });
}

/** Remembers a key per line, so a second row with the same key names the first one's line. */
class FirstSeen {
  private readonly lines = new Map<string, number>();
  check(r: RowReader, field: string, key: string | undefined, line: number, what: string) {
    if (!key) return;
    const first = this.lines.get(key);
    if (first !== undefined)
      r.problem(field, 'duplicate_in_file', `The same ${what} as line ${first}`, { firstLine: first });
    else this.lines.set(key, line);
  }
}

function rowWidth(r: RowReader, row: CsvRow) {
  if (row.width) r.problem('row', 'columns', `The row has ${row.width} cells; the header names a different number`);
}

function competencesOf(r: RowReader, known: Set<string>): string[] {
  const codes = r
    .raw('competences')
    .toLowerCase()
    .split(/[\s,|]+/)
    .filter(Boolean);
  for (const c of codes)
    if (!known.has(c)) r.problem('competences', 'competence.unknown', `Unknown competence: ${c}`, { value: c });
  return [...new Set(codes)];
}

function usernameOf(r: RowReader, taken: Set<string>): string | undefined {
  const v = r.text('username', false, 100)?.toLowerCase();
  if (v === undefined) return undefined;
  if (v.length < 2 || !/^[a-z0-9._-]+$/.test(v))
    return r.fail('username', 'username.format', 'A username has 2–100 letters, digits, . _ or -');
  if (taken.has(v)) r.problem('username', 'username.taken', `The username ${v} is already taken`, { value: v });
  return v;
}

function emailOf(r: RowReader, registered: Set<string>): string | undefined {
  const v = r.text('email', false, 200)?.toLowerCase();
  if (v === undefined) return undefined;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v))
    return r.fail('email', 'email.format', `Not an e-mail address: ${v}`, { value: v });
  if (registered.has(v))
    r.problem('email', 'staff.registered', 'A staff member with this e-mail is already registered');
  return v;
}

export function checkStaffRows(rows: CsvRow[], ctx: ImportContext): CheckedRow<StaffImport>[] {
  const [byUsername, byEmail, byName] = [new FirstSeen(), new FirstSeen(), new FirstSeen()];
  return rows.map((row) => {
    const r = new RowReader(row.cells);
    rowWidth(r, row);
    const givenName = r.text('given_name', true, 100);
    const familyName = r.text('family_name', true, 100);
    const prof = r.oneOf('profession', profession.options);
    const competences = competencesOf(r, ctx.competenceCodes);
    const team = findTeam(r, ctx.teams);
    const startDate = r.date('start_date', true);
    const username = usernameOf(r, ctx.usernames);
    const email = emailOf(r, ctx.staffEmails);
    const phone = r.phone('phone');
    const nameKey = givenName && familyName && team ? `${givenName} ${familyName}|${team.id}`.toLowerCase() : undefined;
    if (nameKey && ctx.staffInTeams.has(nameKey))
      r.problem('given_name', 'staff.registered', `${givenName} ${familyName} is already a member of ${team?.name}`);
    byName.check(r, 'given_name', nameKey, row.line, 'name and team');
    byUsername.check(r, 'username', username, row.line, 'username');
    byEmail.check(r, 'email', email, row.line, 'e-mail');
    const label = [givenName, familyName].filter(Boolean).join(' ');
    if (r.problems.length || !givenName || !familyName || !prof || !team || !startDate)
      return { line: row.line, label, problems: r.problems };
    const value: StaffImport = {
      givenName,
      familyName,
      profession: prof,
      competences,
      team,
      startDate,
      username: username ?? null,
      email: email ?? null,
      phone: phone ?? null,
    };
    return { line: row.line, label, problems: [], value };
  });
}

/** The national id checked digit by digit (F- and D-nummer); the birth date follows from it. */
function nationalIdOf(r: RowReader): { id: string; birthDate: string } | undefined {
  const v = r.raw('national_id').replace(/\s/g, '');
  const checked = validateNationalId(v);
  if (!checked.ok)
    return r.fail('national_id', `nationalId.${checked.problem}`, nationalIdMessages[checked.problem].en);
  return { id: v, birthDate: checked.birthDate };
}

function nextOfKinOf(r: RowReader): RecipientImport['nextOfKin'] | undefined {
  const name = r.text('next_of_kin_name', false, 200);
  const relation = r.text('next_of_kin_relation', false, 100);
  const phone = r.phone('next_of_kin_phone');
  if (!name && !relation && !phone) return null;
  if (!name) return r.fail('next_of_kin_name', 'required', 'next_of_kin_name must be filled in with the relation');
  if (!relation) return r.fail('next_of_kin_relation', 'required', 'next_of_kin_relation must be filled in');
  return { name, relation, phone: phone ?? null };
}

function recipientFields(r: RowReader, ctx: ImportContext) {
  const nid = nationalIdOf(r);
  const birth = r.date('birth_date', false);
  if (nid && birth && birth !== nid.birthDate)
    r.problem(
      'birth_date',
      'birth_date.mismatch',
      `The national identity number gives the birth date ${nid.birthDate}`,
    );
  if (nid && ctx.nationalIds.has(nid.id))
    r.problem(
      'national_id',
      'national_id.registered',
      'A person with this national identity number is already registered',
    );
  const postalCode = r.text('postcode', true, 4);
  if (postalCode !== undefined && !/^\d{4}$/.test(postalCode))
    r.problem('postcode', 'postcode.format', 'A postcode has four digits');
  return {
    nid,
    givenName: r.text('given_name', true, 100),
    familyName: r.text('family_name', true, 100),
    addressLine: r.text('address', true, 200),
    postalCode,
    city: r.text('city', true, 100),
    lat: r.decimal('lat', 57, 72),
    lon: r.decimal('lon', 4, 32),
    phone: r.phone('phone') ?? null,
    team: findTeam(r, ctx.teams),
    startDate: r.date('start_date', true),
    nextOfKin: nextOfKinOf(r),
    consentShareWithNextOfKin: r.yesNo('consent_share_with_next_of_kin', true),
    reservationAgainstSharing: r.yesNo('reservation_against_sharing', false) ?? false,
  };
}

export function checkRecipientRows(rows: CsvRow[], ctx: ImportContext): CheckedRow<RecipientImport>[] {
  const byNationalId = new FirstSeen();
  return rows.map((row) => {
    const r = new RowReader(row.cells);
    rowWidth(r, row);
    const { nid, ...f } = recipientFields(r, ctx);
    byNationalId.check(r, 'national_id', nid?.id, row.line, 'national identity number');
    const label = [f.givenName, f.familyName].filter(Boolean).join(' ');
    const { givenName, familyName, addressLine, postalCode, city, lat, lon, team, startDate } = f;
    const { nextOfKin, consentShareWithNextOfKin: consent } = f;
    if (
      r.problems.length ||
      !nid ||
      !givenName ||
      !familyName ||
      !addressLine ||
      !postalCode ||
      !city ||
      lat === undefined ||
      lon === undefined ||
      !team ||
      !startDate ||
      nextOfKin === undefined ||
      consent === undefined
    )
      return { line: row.line, label, problems: r.problems };
    const value: RecipientImport = {
      ...f,
      nationalId: nid.id,
      birthDate: nid.birthDate,
      givenName,
      familyName,
      addressLine,
      postalCode,
      city,
      lat,
      lon,
      team,
      startDate,
      nextOfKin,
      consentShareWithNextOfKin: consent,
    };
    return { line: row.line, label, problems: [], value };
  });
}
