/**
 * Generator of realistic multi-day district problems (tillit-homecare/1), modelled on how
 * Norwegian home care (hjemmetjenesten) is organised under the trust model:
 *
 * - The district is split into areas, each served by a small self-governing team with its
 *   own base (about 12–14 staff per ~40 people). A team mixes nurses (medication, wound
 *   care), health workers (medication) and assistants (no delegated tasks); therapists
 *   (physio/occupational) work across the district on weekdays.
 * - Rota ("turnus", rota.ts): day shifts 07:30–15:00 and evening shifts 15:00–22:00; most
 *   staff have a day line or an evening line, and a few a two-part line (evening shifts every
 *   second week). Full-time and part-time positions (100 / 80 / 60 %); weekends every 3rd or
 *   every 2nd, with compensating weekdays off in the week of a worked weekend;
 *   weekend-only part-timers (helgestillinger) where the weekends need them. The rota is
 *   staffed to the demand as a municipality's staffing plan is: each team's head count in
 *   proportion to its visit minutes, and its split into day, evening and weekend-only lines
 *   chosen so that the fewest visit minutes fall beyond what the staff on duty can carry, day
 *   by day. Staff are paired (primary and secondary contact) so the two usually cover each
 *   other's days off — usually, not always: part-timers and the weekend rotation leave gaps
 *   a third face fills.
 * - People receive the recurring help of home care: morning help at an agreed time (the
 *   morning peak), medication with tight windows (only staff with the medication
 *   competence), lunch and evening visits for the heavier profiles, help to bed, showers,
 *   practical help every week or every second week, wound care (nurses), therapy, and
 *   two-helper transfers (lifts) morning and evening for the heaviest.
 * - Each person has a primary contact in the team (with the competence their visits need),
 *   the primary's pair partner as secondary contact, and an evening contact when they have
 *   evening visits, as `preferred`; most have visit history with them.
 *
 * The demand is drawn first, then the rota is staffed to it, then the contacts are chosen.
 * Day 0 is a Monday. Deterministic per seed; each person draws from its own random stream,
 * so changing the staff count does not change the demand.
 */
import type { Location, Problem, Recipient, Staff, Visit } from './model.ts';
import { type Member, shareByDemand, staffTeam } from './rota.ts';
import { Rng } from './solver/rng.ts';

export interface GeneratorOptions {
  people?: number;
  /** Default: people / 3. */
  staff?: number;
  days?: number;
  seed?: number;
  name?: string;
  /** District centre. */
  lat?: number;
  lon?: number;
  /** Radius of the district in km (default grows with the square root of people). */
  radiusKm?: number;
  /** People per team (default 40); the number of teams is people / teamSize, at least 1. */
  teamSize?: number;
  /**
   * false: no teams — one base at the centre for everyone and one rota for the whole district
   * (the areas still shape where people live). Default true.
   */
  teams?: boolean;
  /** false: no preferred helpers and no visit history. Default true. */
  preferred?: boolean;
  /**
   * Care profiles: 'standard' (42 % light, 38 % medium, 15.5 % heavy, 4.5 % transfer; about
   * 21 visits per person in 14 days) or 'heavy' (12 / 62 / 20 / 6 %, with a lunch visit for 70 %
   * of the medium profile and evening medication for more of them; about 34), the load of a
   * city district whose lighter cases get other services.
   */
  mix?: 'standard' | 'heavy';
}

const THERAPY_SHIFT = { start: 480, end: 930 }; // 08:00–15:30

/** A person's draws that the contacts need once the rota exists. */
interface PersonDraft {
  id: string;
  t: number;
  /** The person's own random stream, continued for the contacts. */
  pr: Rng;
  /** Direction of the home from the team base. */
  phi: number;
  needNurse: boolean;
  needMed: boolean;
  evening: boolean;
}

export function generateDistrict(opts: GeneratorOptions = {}): Problem {
  const people = opts.people ?? 60;
  const nStaff = opts.staff ?? Math.max(4, Math.round(people / 3));
  const days = opts.days ?? 14;
  const seed = opts.seed ?? 1;
  const rng = new Rng(seed);
  const lat0 = opts.lat ?? 59.9225;
  const lon0 = opts.lon ?? 10.7585;
  const radiusKm = opts.radiusKm ?? 1.0 + 0.18 * Math.sqrt(people);
  const kmLat = 1 / 111.2;
  const kmLon = 1 / (111.2 * Math.cos((lat0 * Math.PI) / 180));
  const at = (dx: number, dy: number) => ({
    lat: +(lat0 + dy * kmLat).toFixed(6),
    lon: +(lon0 + dx * kmLon).toFixed(6),
  });

  // ---- areas and teams ----
  const nTeams = Math.max(1, Math.round(people / (opts.teamSize ?? 40)));
  const oneBase = opts.teams === false;
  const heavyMix = opts.mix === 'heavy';
  const mix = heavyMix ? [0.12, 0.74, 0.94] : [0.42, 0.8, 0.955];
  const areaR = nTeams === 1 ? radiusKm : (radiusKm / Math.sqrt(nTeams)) * 1.1;
  const teamCentre: [number, number][] = [];
  for (let t = 0; t < nTeams; t++) {
    if (nTeams === 1) teamCentre.push([0, 0]);
    else {
      // inner ring first, then an outer ring, as areas around a town centre usually are
      const inner = Math.min(nTeams, Math.max(1, Math.round(nTeams / 3)));
      const ring = t < inner ? 0 : 1;
      const k = ring === 0 ? t : t - inner;
      const n = ring === 0 ? inner : nTeams - inner;
      const rad = nTeams <= 3 ? radiusKm * 0.5 : ring === 0 ? (inner === 1 ? 0 : radiusKm * 0.3) : radiusKm * 0.72;
      const a = (2 * Math.PI * (k + 0.5 * ring)) / n + (rng.next() - 0.5) * 0.3;
      teamCentre.push([rad * Math.cos(a), rad * Math.sin(a)]);
    }
  }
  const locations: Location[] = [];
  if (oneBase) locations.push({ id: 'base', ...at(0, 0) });
  else
    for (const [t, [x, y]] of teamCentre.entries()) {
      locations.push({ id: nTeams === 1 ? 'base' : `base-t${t + 1}`, ...at(x, y) });
    }
  const baseOf = (t: number) => locations[oneBase ? 0 : t].id;

  // ---- people and their help ----
  // (first, so the rota can be staffed to it)
  const visits: Visit[] = [];
  let vid = 0;
  const drafts: PersonDraft[] = [];
  for (let p = 0; p < people; p++) {
    const id = `r${p + 1}`;
    // each person draws from its own stream, so staffing options do not change the demand
    const pr = new Rng((Math.imul(seed, 0x9e3779b1) ^ Math.imul(p + 1, 0x85ebca6b)) >>> 0);
    const pick = <T>(a: T[]): T => a[pr.int(a.length)];
    const between = (a: number, b: number, step = 15) => a + step * pr.int(Math.floor((b - a) / step) + 1);
    const add = (day: number, earliest: number, latest: number, duration: number, skills: string[], staffN = 1) => {
      visits.push({
        id: `v${++vid}`,
        recipient: id,
        day,
        earliest,
        latest,
        duration,
        skills: skills.length ? skills : ['care'],
        staff: staffN,
      });
    };
    // home: in one of the team area's neighbourhoods, or scattered in the area
    const t = p % nTeams;
    const [cx, cy] = teamCentre[t];
    const hood = pr.int(3);
    const ha = (2 * Math.PI * (hood + t * 0.37)) / 3;
    const hx = cx + 0.5 * areaR * Math.cos(ha);
    const hy = cy + 0.5 * areaR * Math.sin(ha);
    const clustered = pr.next() < 0.65;
    const spread = clustered ? 0.3 : areaR * 0.8;
    const dx = (clustered ? hx : cx) + (pr.next() - 0.5) * 2 * spread;
    const dy = (clustered ? hy : cy) + (pr.next() - 0.5) * 2 * spread;
    locations.push({ id: `loc-${id}`, ...at(dx, dy) });

    // care profile
    const x = pr.next();
    const profile = x < mix[0] ? 'light' : x < mix[1] ? 'medium' : x < mix[2] ? 'heavy' : 'transfer';
    const meds = profile === 'light' ? pr.next() < 0.3 : profile === 'medium' ? pr.next() < 0.75 : true;
    let evening = false;
    let wound = false;
    const morningT = between(465, 630); // agreed time, 07:45–10:30
    const weekly = pr.int(5);
    const practicalEvery = profile === 'light' ? (pr.next() < 0.3 ? 1 : 2) : pr.next() < 0.4 ? 2 : 0;
    const shower = profile !== 'light' || pr.next() < 0.5;
    const showerDay = (weekly + 2) % 5;
    const therapy = pr.next() < 0.1;
    const therapyDays = [pr.int(2), 2 + pr.int(3)];
    if (profile === 'medium' || profile === 'heavy') wound = pr.next() < (profile === 'heavy' ? 0.25 : 0.08);
    const eveMedT = between(1050, 1230); // 17:30–20:30
    const bedT = between(1170, 1245); // help to bed 19:30–20:45
    const eveMed =
      meds && (profile === 'heavy' || profile === 'transfer' || (profile === 'medium' && pr.next() < 0.25));
    const morningDur = profile === 'medium' ? pick([15, 20, 25, 30]) : pick([30, 40]);
    // the heavy mix (drawn after the standard draws, so standard districts stay the same): most
    // people with morning help also get a lunch visit, and half of the rest evening medication
    const lunch = heavyMix && profile === 'medium' && pr.next() < 0.7;
    const eveMedHeavy = heavyMix && profile === 'medium' && meds && !eveMed && pr.next() < 0.5;
    for (let d = 0; d < days; d++) {
      const dow = d % 7;
      const weekday = dow < 5;
      const week = Math.floor(d / 7);
      if (profile === 'light') {
        // medication only (multidose): a short visit in a tight window
        if (meds) add(d, morningT - 15, morningT + 15, 10, ['medication']);
      } else if (profile === 'transfer') {
        // a lift needs two helpers; the medication competence is then a separate short visit
        add(d, morningT - 60, morningT + 60, 45, [], 2);
        add(d, morningT + 45, morningT + 120, 10, ['medication']);
        add(d, 720, 810, 15, []);
        add(d, bedT - 60, bedT + 30, 25, [], 2);
        add(d, eveMedT - 150, eveMedT - 90, 10, ['medication']);
        evening = true;
      } else {
        add(d, morningT - 45, morningT + 45, morningDur, meds ? ['medication'] : []);
        if (lunch) add(d, 690, 780, 15, meds ? ['medication'] : []);
        if (profile === 'heavy') {
          add(d, 720, 810, 15, meds && pr.next() < 0.5 ? ['medication'] : []);
          add(d, bedT - 45, bedT + 30, 30, ['medication']);
          evening = true;
        } else if (eveMed || eveMedHeavy) {
          add(d, eveMedT - 45, eveMedT + 45, 10, ['medication']);
          evening = true;
        }
      }
      if (weekday && shower && dow === showerDay) add(d, 540, 810, 30, []);
      if (weekday && practicalEvery > 0 && dow === weekly && week % practicalEvery === 0) add(d, 540, 810, 45, []);
      if (wound && (dow === 0 || dow === 2 || dow === 4)) add(d, 570, 840, 30, ['wound']);
      if (therapy && weekday && therapyDays.includes(dow)) add(d, 540, 840, 45, ['therapy']);
    }
    drafts.push({ id, t, pr, phi: Math.atan2(dy - cy, dx - cx), needNurse: wound, needMed: meds, evening });
  }

  // ---- staff and rota, staffed to each team's demand ----
  const nTherapists = Math.max(1, Math.round(people / 60));
  const rotaTeams = oneBase ? 1 : nTeams;
  const teamStaffTotal = Math.max(rotaTeams * 3, nStaff - nTherapists);
  const members: Member[] = [];
  // each team's visits, once; therapy is done by the district's therapists, not by the teams
  const teamOf = new Map(drafts.map((d) => [d.id, oneBase ? 0 : d.t]));
  const demand = Array.from({ length: rotaTeams }, () => [] as Visit[]);
  for (const v of visits) if (!(v.skills ?? []).includes('therapy')) demand[teamOf.get(v.recipient)!].push(v);
  const heads = shareByDemand(
    teamStaffTotal,
    demand.map((vs) => vs.reduce((sum, v) => sum + v.duration * (v.staff ?? 1), 0)),
  );
  let sid = 0;
  for (let t = 0; t < rotaTeams; t++) {
    for (const mb of staffTeam(t, heads[t], days, baseOf(t), demand[t])) {
      mb.staff.id = `s${++sid}`;
      members.push(mb);
    }
  }
  const therapists: Staff[] = [];
  for (let i = 0; i < nTherapists; i++) {
    const shifts = [];
    for (let d = 0; d < days; d++) if (d % 7 < 5) shifts.push({ day: d, ...THERAPY_SHIFT });
    therapists.push({
      id: `s${++sid}`,
      skills: ['therapy'],
      start: baseOf(i % nTeams),
      end: baseOf(i % nTeams),
      shifts,
    });
  }

  // ---- contacts ----
  const recipients: Recipient[] = [];
  const primaryLoad = new Map<Member, number>();
  for (const { id, t: area, pr, phi, needNurse, needMed, evening } of drafts) {
    if (opts.preferred === false) {
      recipients.push({ id, location: `loc-${id}` });
      continue;
    }
    const t = oneBase ? 0 : area;
    const pick = <T>(a: T[]): T => a[pr.int(a.length)];
    // primary contact: a day-line member of the team with the competence the person needs,
    // balancing the number of people per contact; secondary: the primary's pair partner
    const team = members.filter((m) => m.team === t);
    const ok = (m: Member) => (!needNurse || m.nurse) && (!needMed || m.medication);
    const dayLine = team.filter((m) => (m.line === 'day' || m.line === 'two-part') && ok(m));
    const pool = dayLine.length ? dayLine : team.filter((m) => m.line !== 'weekend');
    // contacts share the area in sectors around the team base (so one contact's people live
    // near each other), balanced by the number of people per contact
    const dayMembers = team.filter((m) => m.line === 'day' || m.line === 'two-part');
    const sector = (m: Member) => {
      const i = Math.max(0, dayMembers.indexOf(m));
      const theta = (2 * Math.PI * i) / Math.max(1, dayMembers.length) - Math.PI;
      let a = Math.abs(phi - theta) % (2 * Math.PI);
      if (a > Math.PI) a = 2 * Math.PI - a;
      return a;
    };
    const perContact = people / nTeams / Math.max(1, dayMembers.length);
    const load = (m: Member) => sector(m) + (1.2 * (primaryLoad.get(m) ?? 0)) / Math.max(1, perContact);
    let primary = pool[0];
    for (const m of pool) if (load(m) < load(primary)) primary = m;
    primaryLoad.set(primary, (primaryLoad.get(primary) ?? 0) + 1);
    const preferred = [primary.staff.id];
    const secondary = primary.partner;
    if (secondary) preferred.push(secondary.staff.id);
    let eveContact: Member | undefined;
    if (evening && primary.line !== 'two-part') {
      const eve = team.filter((m) => m.line === 'evening' && (!needMed || m.medication));
      if (eve.length) {
        eveContact = eve[0];
        for (const m of eve) if ((primaryLoad.get(m) ?? 0) < (primaryLoad.get(eveContact) ?? 0)) eveContact = m;
        primaryLoad.set(eveContact, (primaryLoad.get(eveContact) ?? 0) + 1);
        preferred.push(eveContact.staff.id);
      }
    }
    const rec: Recipient = { id, location: `loc-${id}`, preferred };
    if (pr.next() < 0.7) {
      const history: Record<string, number> = { [primary.staff.id]: 5 + pr.int(16) };
      if (secondary) history[secondary.staff.id] = 2 + pr.int(7);
      if (eveContact) history[eveContact.staff.id] = 3 + pr.int(8);
      history[pick(team).staff.id] = 1 + pr.int(3);
      rec.history = history;
    }
    recipients.push(rec);
  }
  return {
    format: 'tillit-homecare/1',
    name: opts.name ?? `district-${people}p-${nStaff}s-${days}d-seed${seed}`,
    days,
    travel: { model: 'haversine', speedKmh: 25, detourFactor: 1.35 },
    locations,
    staff: [...members.map((m) => m.staff), ...therapists],
    recipients,
    visits,
  };
}
