/**
 * Generator of realistic multi-day district problems (tillit-homecare/1): a base, people
 * scattered around it, a day team and an evening team with a weekend rotation, and the
 * recurring help of home care — morning help (the morning peak), medication rounds with
 * tight windows, lunch and evening medication, evening help, showers, wound care (nurse),
 * therapy (physio/occupational therapist), practical help, two-helper transfers — each
 * person with a primary contact (day team) and an evening contact as preferred helpers,
 * and, for people already served, visit history. Day 0 is a Monday. Deterministic per seed.
 */
import type { Location, Problem, Recipient, Staff, Visit } from './model.ts';
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
  /**
   * `mixed`: one team on a two-part rota ("todelt turnus": day shifts some weeks,
   * evening shifts others); `split`: a fixed day team and a fixed evening team.
   */
  rota?: 'mixed' | 'split';
}

const DAY = { start: 450, end: 930 }; // 07:30–15:30
const EVE = { start: 900, end: 1350 }; // 15:00–22:30

export function generateDistrict(opts: GeneratorOptions = {}): Problem {
  const people = opts.people ?? 60;
  const nStaff = opts.staff ?? Math.max(4, Math.round(people / 3));
  const days = opts.days ?? 14;
  const seed = opts.seed ?? 1;
  let rng = new Rng(seed);
  const lat0 = opts.lat ?? 59.9225;
  const lon0 = opts.lon ?? 10.7585;
  const radiusKm = opts.radiusKm ?? 1.0 + 0.18 * Math.sqrt(people);
  const pick = <T>(a: T[]): T => a[rng.int(a.length)];
  const between = (a: number, b: number, step = 15) => a + step * rng.int(Math.floor((b - a) / step) + 1);

  const locations: Location[] = [{ id: 'base', lat: lat0, lon: lon0 }];
  // people live in a few neighbourhood clusters plus scattered homes
  const clusters = Array.from({ length: Math.max(3, Math.round(people / 25)) }, () => {
    const r = radiusKm * Math.sqrt(rng.next()) * 0.8;
    const a = rng.next() * 2 * Math.PI;
    return [r * Math.cos(a), r * Math.sin(a)];
  });
  const kmLat = 1 / 111.2;
  const kmLon = 1 / (111.2 * Math.cos((lat0 * Math.PI) / 180));

  // staff: a day team and an evening team working in pairs (each covers the other's days
  // off: every other weekend, with two weekdays off in the week of a working weekend),
  // weekend helpers (part-time, every weekend) and therapists (weekdays).
  const staff: Staff[] = [];
  const nTherapists = Math.max(1, Math.round(people / 60));
  const nWeekend = Math.max(2, Math.round(nStaff * 0.12));
  const rest = nStaff - nTherapists - nWeekend;
  const mixed = (opts.rota ?? 'split') === 'mixed';
  const nEvening = mixed ? 0 : Math.round(rest * 0.36);
  const nDay = rest - nEvening;
  const team: ('day' | 'evening' | 'weekend' | 'therapy')[] = [];
  for (let i = 0; i < nStaff; i++) {
    let kind: 'day' | 'evening' | 'weekend' | 'therapy';
    let skills: string[];
    let j: number; // index within the team
    if (i < nDay) {
      kind = 'day';
      j = i;
      const x = (j % 10) / 10;
      skills = x < 0.3 ? ['nurse', 'medication', 'wound'] : x < 0.9 ? ['medication'] : [];
    } else if (i < nDay + nEvening) {
      kind = 'evening';
      j = i - nDay;
      const x = (j % 8) / 8;
      skills = x < 0.25 ? ['nurse', 'medication', 'wound'] : x < 0.875 ? ['medication'] : [];
    } else if (i < nDay + nEvening + nWeekend) {
      kind = 'weekend';
      j = i - nDay - nEvening;
      skills = ['medication'];
    } else {
      kind = 'therapy';
      j = 0;
      skills = ['therapy'];
    }
    team.push(kind);
    const shifts = [];
    const pair = Math.floor(j / 2);
    const member = j % 2;
    for (let d = 0; d < days; d++) {
      const week = Math.floor(d / 7);
      const dow = d % 7; // 0 = Monday
      let works: boolean;
      if (kind === 'therapy') works = dow < 5;
      else if (kind === 'weekend') works = dow >= 5 || (dow === (j % 5) && week % 2 === 0);
      else {
        const weekendWeek = (week + member) % 2 === 0;
        const off = pair % 4; // weekdays off (off, off + 1) in the week of a working weekend
        if (dow >= 5) works = weekendWeek;
        else works = !weekendWeek || (dow !== off && dow !== off + 1);
      }
      // mixed rota: a third of the team is on evening shifts each week, in turns
      const eveningWeek = mixed && kind === 'day' && ((j % 3 === 0 && week % 2 === 0) || (j % 3 === 1 && week % 2 === 1));
      const sh = kind === 'evening' || eveningWeek || (kind === 'weekend' && j % 2 === 1) ? EVE : DAY;
      if (works) shifts.push({ day: d, start: sh.start, end: sh.end });
    }
    staff.push({ id: `s${i + 1}`, skills, start: 'base', end: 'base', shifts });
  }
  const dayStaff = staff.filter((_, i) => team[i] === 'day');
  const eveStaff = staff.filter((_, i) => team[i] === 'evening');
  const primaryLoad = new Map<string, number>();

  const recipients: Recipient[] = [];
  const visits: Visit[] = [];
  let vid = 0;
  const add = (rec: string, day: number, earliest: number, latest: number, duration: number, skills: string[], staffN = 1) => {
    visits.push({ id: `v${++vid}`, recipient: rec, day, earliest, latest, duration, skills, staff: staffN });
  };

  for (let p = 0; p < people; p++) {
    const id = `r${p + 1}`;
    // each person draws from its own stream, so options (rota, staff) do not change the demand
    rng = new Rng((Math.imul(seed, 0x9e3779b1) ^ Math.imul(p + 1, 0x85ebca6b)) >>> 0);
    const c = pick(clusters);
    const spread = rng.next() < 0.7 ? 0.35 : radiusKm;
    const dx = c[0] + (rng.next() - 0.5) * 2 * spread;
    const dy = c[1] + (rng.next() - 0.5) * 2 * spread;
    locations.push({ id: `loc-${id}`, lat: +(lat0 + dy * kmLat).toFixed(6), lon: +(lon0 + dx * kmLon).toFixed(6) });
    // care profile
    const level = rng.next(); // < 0.25 light, < 0.75 medium, else heavy
    const heavy = level >= 0.8;
    const light = level < 0.25;
    const needsMed = rng.next() < (light ? 0.3 : 0.75);
    const transfer = heavy && rng.next() < 0.22;
    const morning = heavy || (!light && rng.next() < 0.75) || (light && rng.next() < 0.1);
    const morningT = needsMed ? between(465, 630) : between(480, 720);
    const medT = between(480, 570);
    const morningDur = transfer ? 40 : heavy ? pick([30, 45, 60]) : pick([20, 30, 30, 45]);
    const lunchMed = needsMed && (heavy || rng.next() < 0.15);
    const eveMed = needsMed && (heavy || rng.next() < 0.4);
    const eveMedT = between(1020, 1170);
    const eveningHelp = heavy || (!light && rng.next() < 0.2);
    const eveT = transfer ? between(1110, 1230) : between(1140, 1260);
    const supervision = heavy && rng.next() < 0.4;
    const showersPerWeek = light ? (rng.next() < 0.4 ? 1 : 0) : rng.next() < 0.5 ? 1 : rng.next() < 0.3 ? 2 : 0;
    const wound = rng.next() < (heavy ? 0.25 : 0.08);
    const therapy = rng.next() < 0.1;
    const practical = rng.next() < (light ? 0.6 : 0.3);
    const showerDays = showersPerWeek === 2 ? [1, 3] : [rng.int(5)];
    const practicalDay = rng.int(5);
    const therapyDays = [rng.int(2), 2 + rng.int(3)];

    for (let d = 0; d < days; d++) {
      const dow = d % 7;
      const weekday = dow < 5;
      if (morning && (weekday || !light)) {
        // a two-helper transfer carries no skill; its medication is a separate short visit
        const sk = needsMed && !transfer ? ['medication'] : [];
        const slack = needsMed ? 30 : 60;
        add(id, d, morningT - slack, morningT + slack, morningDur, sk, transfer ? 2 : 1);
        if (transfer && needsMed) add(id, d, morningT + 30, morningT + 120, 10, ['medication']);
      } else if (needsMed) {
        // medication round: tight window
        add(id, d, medT - 15, medT + 15, 10, ['medication']);
      }
      if (lunchMed) add(id, d, 720, 780, 10, ['medication']);
      if (supervision && weekday) add(id, d, 840, 960, 20, []);
      if (eveMed && !(eveningHelp && Math.abs(eveMedT - eveT) < 60)) add(id, d, eveMedT - 30, eveMedT + 30, 10, ['medication']);
      if (eveningHelp) add(id, d, eveT - (transfer ? 45 : 30), eveT + (transfer ? 45 : 30), transfer ? 30 : pick([20, 30]), !transfer && eveMed && Math.abs(eveMedT - eveT) < 60 ? ['medication'] : [], transfer ? 2 : 1);
      if (eveningHelp && transfer && eveMed && Math.abs(eveMedT - eveT) < 60) add(id, d, eveT - 90, eveT - 20, 10, ['medication']);
      if (weekday && showersPerWeek > 0 && showerDays.includes(dow)) add(id, d, 540, 810, 45, []);
      if (wound && (dow === 0 || dow === 2 || dow === 4)) add(id, d, 600, 840, 30, ['wound']);
      if (therapy && weekday && therapyDays.includes(dow)) add(id, d, 600, 870, 45, ['therapy']);
      if (practical && weekday && dow === practicalDay && (d < 7 || rng.next() < 0.999)) add(id, d, 600, 810, 60, []);
    }
    // primary contact: a team member whose part of the district this is (sectors around the
    // base), with the skills most visits need, balancing the number of people per contact
    const need = needsMed ? 'medication' : null;
    const candidates = dayStaff.filter((s) => !need || s.skills.includes(need));
    const pool = candidates.length ? candidates : dayStaff;
    const phi = Math.atan2(dy, dx);
    const score = (s: Staff) => {
      const theta = (2 * Math.PI * dayStaff.indexOf(s)) / dayStaff.length - Math.PI;
      let a = Math.abs(phi - theta) % (2 * Math.PI);
      if (a > Math.PI) a = 2 * Math.PI - a;
      return a + (0.25 * (primaryLoad.get(s.id) ?? 0) * dayStaff.length) / Math.max(1, people);
    };
    let primary = pool[0];
    for (const s of pool) if (score(s) < score(primary)) primary = s;
    primaryLoad.set(primary.id, (primaryLoad.get(primary.id) ?? 0) + 1);
    // primary contact, the colleague who covers the primary's days off, and an evening contact
    const pj = dayStaff.indexOf(primary);
    const partner = dayStaff[pj ^ 1];
    const preferred = [primary.id];
    if (partner) preferred.push(partner.id);
    if (eveStaff.length && (eveMed || eveningHelp)) preferred.push(pick(eveStaff).id);
    const rec: Recipient = { id, location: `loc-${id}`, preferred };
    if (rng.next() < 0.7) {
      const history: Record<string, number> = { [primary.id]: 5 + rng.int(16) };
      for (let k = 0; k < 2; k++) history[pick(staff).id] = 1 + rng.int(4);
      rec.history = history;
    }
    recipients.push(rec);
  }
  return {
    format: 'tillit-homecare/1',
    name: opts.name ?? `district-${people}p-${nStaff}s-${days}d-seed${opts.seed ?? 1}`,
    days,
    travel: { model: 'haversine', speedKmh: 25, detourFactor: 1.35 },
    locations,
    staff,
    recipients,
    visits,
  };
}
