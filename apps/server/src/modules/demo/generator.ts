import { completeNationalId, osloDate } from '@tillit/contracts';
import { historySpan } from './history.calendar.ts';
import { generateHistory } from './history.ts';
import { measureTemplates as careMeasures, whatMattersStatements as careStatements } from './care.templates.ts';
import { generatePeakHelpers } from './peak.ts';
import { rng } from './random.ts';
import { demoRota, type Profession } from './rota.ts';
import { familyNames, olderGivenNamesF, olderGivenNamesM, relations, staffGivenNames, streets } from './names.ts';

export { rng } from './random.ts';

export type { Profession } from './rota.ts';

export const competenceCatalogue = [
  { code: 'legemiddelhandtering', nameNb: 'Legemiddelhåndtering', nameEn: 'Medication handling' },
  { code: 'sarstell', nameNb: 'Sårstell', nameEn: 'Wound care' },
  { code: 'insulin', nameNb: 'Insulinadministrering', nameEn: 'Insulin administration' },
  { code: 'kateter', nameNb: 'Kateterisering', nameEn: 'Catheterisation' },
  { code: 'stomi', nameNb: 'Stomistell', nameEn: 'Stoma care' },
  { code: 'forflytning', nameNb: 'Forflytning med løfteutstyr', nameEn: 'Transfers with lifting equipment' },
  { code: 'hjelpemidler', nameNb: 'Tilpasning av hjelpemidler', nameEn: 'Assistive devices' },
  { code: 'palliasjon', nameNb: 'Lindrende behandling', nameEn: 'Palliative care' },
];

export interface DistrictSize {
  teams: number;
  staffPerTeam: [number, number];
  recipients: number;
}
export const DEMO: DistrictSize = { teams: 4, staffPerTeam: [12, 14], recipients: 250 };
/** The benchmark district: 8 teams × 15 staff = 120 staff, 600 people served. */
export const FULL: DistrictSize = { teams: 8, staffPerTeam: [15, 15], recipients: 600 };

const TEAM_NAMES = ['Tøyen', 'Grønland', 'Kampen', 'Vålerenga', 'Ensjø', 'Gamlebyen', 'Helsfyr', 'Lodalen'];
// Oslo east: the teams' areas tile this box in two rows.
const BOX = { south: 59.895, north: 59.925, west: 10.755, east: 10.815 };
type Box = typeof BOX;

/** Fixed log-ins printed at start-up; every other demo user has a generated username. */
export const DEMO_PASSWORD = 'tillit-demo';
export const DEMO_LOGINS = [
  { username: 'sykepleier', role: 'member', note: 'sykepleier i team Tøyen' },
  { username: 'sykepleier2', role: 'member', note: 'sykepleier i team Tøyen (andre signatur på legemidler)' },
  { username: 'helsefag', role: 'member', note: 'helsefagarbeider i team Grønland' },
  { username: 'leder', role: 'leader', note: 'enhetsleder for bydelen' },
  { username: 'admin', role: 'admin', note: 'systemansvarlig' },
  // «Min side» (modules/portal), for the first person served by team Tøyen (demo/portal.ts).
  { username: 'innbygger', role: 'citizen', note: 'en person som får hjelp av team Tøyen (Min side)' },
  { username: 'parorende', role: 'citizen', note: 'pårørende med samtykke fra personen' },
  { username: 'parorende2', role: 'citizen', note: 'pårørende uten samtykke (ser ingenting)' },
] as const;

function teamProfessions(size: number): Profession[] {
  // A realistic mix: about 4 in 10 nurses, 4 in 10 health workers, an assistant or two,
  // one therapist and one case handler per team.
  const list: Profession[] = ['sykepleier', 'sykepleier', 'helsefagarbeider', 'helsefagarbeider', 'saksbehandler'];
  list.push(size % 2 === 0 ? 'ergoterapeut' : 'fysioterapeut');
  while (list.length < size) {
    const n = list.length;
    list.push(n % 5 === 0 ? 'assistent' : n % 2 === 0 ? 'sykepleier' : 'helsefagarbeider');
  }
  return list;
}

function competencesFor(p: Profession, r: ReturnType<typeof rng>) {
  const out: { code: string; validFrom: string; validUntil: string | null }[] = [];
  const add = (code: string, expiring = false) =>
    out.push({
      code,
      validFrom: '2024-01-01',
      validUntil: expiring ? (r.next() < 0.15 ? '2025-06-30' : '2031-12-31') : null,
    });
  if (p === 'sykepleier') for (const c of ['legemiddelhandtering', 'sarstell', 'insulin', 'kateter']) add(c);
  if (p === 'sykepleier' && r.next() < 0.4) add('palliasjon');
  if (p === 'helsefagarbeider') {
    add('legemiddelhandtering', true); // delegated: must be renewed
    if (r.next() < 0.6) add('sarstell', true);
    if (r.next() < 0.3) add('stomi', true);
    add('forflytning');
  }
  if (p === 'fysioterapeut') for (const c of ['forflytning', 'hjelpemidler']) add(c);
  if (p === 'ergoterapeut') add('hjelpemidler');
  if (p === 'assistent' && r.next() < 0.5) add('forflytning');
  return out;
}

const ascii = (s: string) =>
  s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z]/g, '');

function syntheticNationalId(r: ReturnType<typeof rng>, birth: Date, used: Set<string>): string {
  const dd = String(birth.getUTCDate()).padStart(2, '0');
  const mm = String(birth.getUTCMonth() + 1 + 80).padStart(2, '0'); // +80: synthetic, never a real person
  const yy = String(birth.getUTCFullYear() % 100).padStart(2, '0');
  for (;;) {
    const individual = r.int(0, 499); // 1900–1999 births
    const id = completeNationalId(`${dd}${mm}${yy}${String(individual).padStart(3, '0')}`);
    if (id && !used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const phone = (r: ReturnType<typeof rng>) => `${r.pick(['4', '9'])}${String(r.int(0, 9999999)).padStart(7, '0')}`;

type Rng = ReturnType<typeof rng>;
type TeamStaff = Map<string, { id: string; profession: Profession }[]>;

/** The teams side by side in two rows over the district's box, each with its own area. */
function layoutTeams(r: Rng, size: DistrictSize, districtId: string) {
  const cols = Math.ceil(size.teams / 2);
  return Array.from({ length: size.teams }, (_, i) => {
    const row = Math.floor(i / cols);
    const col = i % cols;
    const latStep = (BOX.north - BOX.south) / 2;
    const lonStep = (BOX.east - BOX.west) / cols;
    const south = BOX.south + row * latStep;
    const west = BOX.west + col * lonStep;
    const box = { south, north: south + latStep, west, east: west + lonStep };
    return {
      id: r.uuid(),
      districtId,
      name: `Team ${TEAM_NAMES[i]}`,
      areaName: TEAM_NAMES[i],
      addressLine: `${TEAM_NAMES[i]} helsehus, Helsegata ${i + 1}`,
      postalCode: '0650',
      city: 'Oslo',
      phone: `21 80 ${String(20 + i).padStart(2, '0')} 00`,
      area: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [box.west, box.south],
            [box.east, box.south],
            [box.east, box.north],
            [box.west, box.north],
            [box.west, box.south],
          ],
        ] as [number, number][][],
      },
      box,
    };
  });
}

/** Each team's staff with memberships, competences and log-ins; the district's leader and administrator. */
function generateStaff(r: Rng, size: DistrictSize, teams: { id: string }[], districtId: string) {
  const staff: {
    id: string;
    districtId: string;
    givenName: string;
    familyName: string;
    profession: Profession;
    phone: string;
    email: string;
  }[] = [];
  const memberships: { id: string; teamId: string; staffId: string; validFrom: string }[] = [];
  const competences: {
    id: string;
    staffId: string;
    competenceCode: string;
    validFrom: string;
    validUntil: string | null;
  }[] = [];
  const users: {
    id: string;
    username: string;
    role: 'member' | 'leader' | 'admin';
    displayName: string;
    staffId: string | null;
    districtId: string;
  }[] = [];
  const usernames = new Set<string>();
  const username = (given: string, family: string) => {
    let u = `${ascii(given)}.${ascii(family)}`;
    for (let n = 2; usernames.has(u); n++) u = `${ascii(given)}.${ascii(family)}${n}`;
    usernames.add(u);
    return u;
  };
  const teamStaff = new Map<string, { id: string; profession: Profession }[]>();
  for (const [ti, team] of teams.entries()) {
    const n = r.int(size.staffPerTeam[0], size.staffPerTeam[1]);
    const list: { id: string; profession: Profession }[] = [];
    for (const [si, profession] of teamProfessions(n).entries()) {
      const s = {
        id: r.uuid(),
        districtId: districtId,
        givenName: r.pick(staffGivenNames),
        familyName: r.pick(familyNames),
        profession,
        phone: phone(r),
        email: '',
      };
      s.email = `${ascii(s.givenName)}.${ascii(s.familyName)}@demo.tillit.example`;
      staff.push(s);
      list.push(s);
      memberships.push({ id: r.uuid(), teamId: team.id, staffId: s.id, validFrom: '2023-01-01' });
      for (const c of competencesFor(profession, r))
        competences.push({
          id: r.uuid(),
          staffId: s.id,
          competenceCode: c.code,
          validFrom: c.validFrom,
          validUntil: c.validUntil,
        });
      // The fixed demo log-ins: the first two nurses of the first team (a high-risk dose needs two
      // signatures), the first health worker of the second.
      const fixed =
        ti === 0 && si === 0
          ? 'sykepleier'
          : ti === 0 && si === 1
            ? 'sykepleier2'
            : ti === 1 && si === 2
              ? 'helsefag'
              : null;
      users.push({
        id: r.uuid(),
        username: fixed ?? username(s.givenName, s.familyName),
        role: 'member',
        displayName: `${s.givenName} ${s.familyName}`,
        staffId: s.id,
        districtId: districtId,
      });
      if (fixed) usernames.add(fixed);
    }
    teamStaff.set(team.id, list);
  }
  const leader = {
    id: r.uuid(),
    districtId: districtId,
    givenName: 'Hege',
    familyName: 'Bråten',
    profession: 'leder' as Profession,
    phone: phone(r),
    email: 'hege.braten@demo.tillit.example',
  };
  staff.push(leader);
  users.push({
    id: r.uuid(),
    username: 'leder',
    role: 'leader',
    displayName: 'Hege Bråten',
    staffId: leader.id,
    districtId: districtId,
  });
  users.push({
    id: r.uuid(),
    username: 'admin',
    role: 'admin',
    displayName: 'Systemansvarlig',
    staffId: null,
    districtId: districtId,
  });
  return { staff, memberships, competences, users, teamStaff };
}

/** The people served, spread over the teams' areas, each with a care relation and next of kin. */
function generateRecipients(r: Rng, size: DistrictSize, teams: { id: string; box: Box }[], teamStaff: TeamStaff) {
  const usedIds = new Set<string>();
  const recipients = [];
  const recipientTeams = [];
  const nextOfKin = [];
  for (let i = 0; i < size.recipients; i++) {
    const team = teams[i % teams.length];
    const female = r.next() < 0.62; // most home-care recipients are women
    const givenName = r.pick(female ? olderGivenNamesF : olderGivenNamesM);
    const familyName = r.pick(familyNames);
    const birth = new Date(Date.UTC(r.int(1924, 1962), r.int(0, 11), r.int(1, 28)));
    const carers = (teamStaff.get(team.id) ?? []).filter(
      (s) => s.profession === 'sykepleier' || s.profession === 'helsefagarbeider',
    );
    const id = r.uuid();
    recipients.push({
      id,
      givenName,
      familyName,
      birthDate: isoDate(birth),
      nationalId: syntheticNationalId(r, birth, usedIds),
      addressLine: `${r.pick(streets)} ${r.int(1, 80)}${r.next() < 0.2 ? r.pick(['A', 'B', 'C']) : ''}`,
      postalCode: String(r.int(650, 662)).padStart(4, '0'),
      city: 'Oslo',
      lat: +(team.box.south + r.next() * (team.box.north - team.box.south)).toFixed(6),
      lon: +(team.box.west + r.next() * (team.box.east - team.box.west)).toFixed(6),
      phone: r.next() < 0.85 ? phone(r) : null,
      consentShareWithNextOfKin: r.next() < 0.8,
      reservationAgainstSharing: r.next() < 0.03,
      reservationNote: null as string | null,
      primaryContactStaffId: carers.length ? r.pick(carers).id : null,
    });
    if (recipients[i].reservationAgainstSharing)
      recipients[i].reservationNote = 'Ønsker ikke at opplysninger deles med fastlegekontoret uten å bli spurt først.';
    recipientTeams.push({
      id: r.uuid(),
      recipientId: id,
      teamId: team.id,
      validFrom: isoDate(new Date(Date.UTC(r.int(2019, 2025), r.int(0, 11), 1))),
    });
    const kin = r.int(0, 2);
    for (let k = 0; k < Math.max(1, kin); k++) {
      nextOfKin.push({
        id: r.uuid(),
        recipientId: id,
        name: `${r.pick(staffGivenNames)} ${k === 0 ? familyName : r.pick(familyNames)}`,
        relation: r.pick(relations),
        phone: phone(r),
        isClosest: k === 0,
      });
    }
  }
  return { recipients, recipientTeams, nextOfKin };
}

/**
 * Care content: what matters, a goal, and one to three measures with the primary contact (or a
 * nurse, where the measure needs a competence) as usual helper.
 */
function generateCare(
  r: Rng,
  windows: Rng,
  d: {
    recipients: { id: string; primaryContactStaffId: string | null }[];
    recipientTeams: { teamId: string }[];
    teamStaff: TeamStaff;
    users: { id: string; staffId: string | null }[];
  },
) {
  const { recipients, recipientTeams, teamStaff, users } = d;
  const userOfStaff = new Map(users.filter((u) => u.staffId).map((u) => [u.staffId!, u.id]));
  const whatMatters = [];
  const goals = [];
  const measures = [];
  for (const [i, p] of recipients.entries()) {
    const team = recipientTeams[i].teamId;
    const nurses = (teamStaff.get(team) ?? []).filter((s) => s.profession === 'sykepleier');
    const wm = careStatements[r.int(0, careStatements.length - 1)];
    const recordedBy = userOfStaff.get(p.primaryContactStaffId ?? nurses[0].id)!;
    const wmId = r.uuid();
    whatMatters.push({
      id: wmId,
      recipientId: p.id,
      statement: wm.statement,
      present: r.pick(['alene', 'datteren', 'sønnen', 'ektefellen']),
      recordedBy,
    });
    const goalId = r.uuid();
    goals.push({
      id: goalId,
      recipientId: p.id,
      whatMattersId: wmId,
      description: wm.goal,
      reviewDate: '2027-03-01',
      createdBy: recordedBy,
    });
    const count = r.int(1, 3);
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(r.int(0, careMeasures.length - 1));
    for (const k of chosen) {
      const m = careMeasures[k];
      const usual = m.requiredCompetence ? r.pick(nurses).id : (p.primaryContactStaffId ?? r.pick(nurses).id);
      // People keep different hours: each person's window is the template's moved by whole
      // half hours (its own random stream, so the rest of the district stays as it was).
      const shift = 30 * windows.int(0, m.spreadSteps ?? 0);
      measures.push({
        id: r.uuid(),
        recipientId: p.id,
        goalId,
        title: m.title,
        how: m.how,
        // A weekly measure falls on the person's own weekday (shopping, a shower), not everyone's on
        // the same day: one day's peak left visits nobody could fit in (demo.planning.db.test.ts).
        days: m.days.length === 1 ? [1 + ((i + k) % 5)] : m.days,
        windowStart: m.windowStart + shift,
        windowEnd: m.windowEnd + shift,
        durationMinutes: m.durationMinutes,
        requiredCompetence: m.requiredCompetence,
        usualStaffId: usual,
        validFrom: '2026-01-05',
        // About one in twelve morning-care measures needs two helpers (a lift or a transfer).
        twoHelpers: m.title.startsWith('Morgenstell') && windows.next() < 1 / 12,
      });
    }
  }
  return { whatMatters, goals, measures };
}

/**
 * A whole synthetic district as plain rows, ready to insert. Pure: no I/O, no clock. Given the
 * moment it is loaded (`withHistory`), it comes with a year of history up to that day
 * (history.ts), and its plans, turnus and care relations start before that year.
 */
export function generateDistrict(size: DistrictSize, seed = 2016, withHistory?: { now: Date }) {
  const base = generateBase(size, seed);
  if (!withHistory) return { ...base, history: null };
  const today = osloDate(withHistory.now);
  const { epoch } = historySpan(today);
  const dated = {
    ...base,
    measures: base.measures.map((m) => ({ ...m, validFrom: epoch })),
    rotaEntries: base.rotaEntries.map((e) => ({ ...e, validFrom: epoch })),
    recipientTeams: base.recipientTeams.map((rt) => ({
      ...rt,
      validFrom: rt.validFrom < epoch ? rt.validFrom : epoch,
    })),
  };
  return { ...dated, history: generateHistory(dated, seed, withHistory.now) };
}

function generateBase(size: DistrictSize, seed: number) {
  const r = rng(seed);
  const municipality = { id: r.uuid(), number: '0301', name: 'Oslo' };
  const district = { id: r.uuid(), municipalityId: municipality.id, name: 'Bydel Gamle Oslo' };
  const teams = layoutTeams(r, size, district.id);

  const { staff, memberships, competences, users, teamStaff } = generateStaff(r, size, teams, district.id);
  const { recipients, recipientTeams, nextOfKin } = generateRecipients(r, size, teams, teamStaff);
  const { whatMatters, goals, measures } = generateCare(r, rng(seed + 1), {
    recipients,
    recipientTeams,
    teamStaff,
    users,
  });

  const peak = generatePeakHelpers(rng(seed + 3), {
    teams,
    districtId: district.id,
    usernames: new Set(users.map((u) => u.username)),
    names: staff.map((s) => `${s.givenName} ${s.familyName}`),
    since: '2023-01-01',
  });
  return {
    whatMatters,
    goals,
    measures,
    municipality,
    district,
    teams: teams.map(({ box: _box, ...t }) => t),
    rotaEntries: demoRota(teamStaff, peak.positions),
    staff: [...staff, ...peak.staff],
    memberships: [...memberships, ...peak.memberships],
    competences: [...competences, ...peak.competences],
    users: [...users, ...peak.users],
    recipients,
    recipientTeams,
    nextOfKin,
  };
}

export type District = ReturnType<typeof generateDistrict>;
export type { History } from './history.ts';
