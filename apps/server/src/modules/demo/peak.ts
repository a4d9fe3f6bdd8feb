/**
 * The helpers a home-care team hires for its peaks, beside its permanent staff: helsefagarbeidere
 * in weekend positions (every weekend: mornings, days or evenings) and in morning and evening shifts on weekdays,
 * when most people want help at the same time. Without them the demo's turnus left morning and
 * weekend visits that nobody at work could fit in (planning's «Lag forslag»). Drawn from a random
 * stream of their own, so the rest of the district is the same with or without them.
 */
import type { rng } from './random.ts';
import { familyNames, staffGivenNames } from './names.ts';
import type { Position } from './rota.ts';

type Rng = ReturnType<typeof rng>;

/** Per team: three weekday mornings, a weekday evening, three weekend mornings, two weekend days, two weekend evenings. */
export const PEAK_POSITIONS: Position[] = [
  'morning',
  'morning',
  'morning',
  'evening',
  'weekend-morning',
  'weekend-morning',
  'weekend-morning',
  'weekend-day',
  'weekend-day',
  'weekend-evening',
  'weekend-evening',
];

const ascii = (s: string) =>
  s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z]/g, '');

export function generatePeakHelpers(
  r: Rng,
  d: { teams: { id: string }[]; districtId: string; usernames: Set<string>; names: string[]; since: string },
) {
  const staff = [];
  const memberships = [];
  const competences = [];
  const users = [];
  const positions = new Map<string, { id: string; profession: 'helsefagarbeider'; position: Position }[]>();
  for (const team of d.teams) {
    const list = [];
    for (const position of PEAK_POSITIONS) {
      // A name that is not the start of another's (nor theirs of it): lists and rows are found by name.
      let givenName = r.pick(staffGivenNames);
      let familyName = r.pick(familyNames);
      while (
        d.names.some((n) => n.startsWith(`${givenName} ${familyName}`) || `${givenName} ${familyName}`.startsWith(n))
      ) {
        givenName = r.pick(staffGivenNames);
        familyName = r.pick(familyNames);
      }
      d.names.push(`${givenName} ${familyName}`);
      const id = r.uuid();
      const email = `${ascii(givenName)}.${ascii(familyName)}@demo.tillit.example`;
      staff.push({
        id,
        districtId: d.districtId,
        givenName,
        familyName,
        profession: 'helsefagarbeider' as const,
        phone: `9${String(r.int(0, 9999999)).padStart(7, '0')}`,
        email,
      });
      memberships.push({ id: r.uuid(), teamId: team.id, staffId: id, validFrom: d.since });
      // Delegated medicines and wound care, as most helsefagarbeidere in home care have.
      for (const code of ['legemiddelhandtering', 'sarstell', 'forflytning'])
        competences.push({ id: r.uuid(), staffId: id, competenceCode: code, validFrom: d.since, validUntil: null });
      let username = `${ascii(givenName)}.${ascii(familyName)}`;
      for (let n = 2; d.usernames.has(username); n++) username = `${ascii(givenName)}.${ascii(familyName)}${n}`;
      d.usernames.add(username);
      users.push({
        id: r.uuid(),
        username,
        role: 'member' as const,
        displayName: `${givenName} ${familyName}`,
        staffId: id,
        districtId: d.districtId,
      });
      list.push({ id, profession: 'helsefagarbeider' as const, position });
    }
    positions.set(team.id, list);
  }
  return { staff, memberships, competences, users, positions };
}
