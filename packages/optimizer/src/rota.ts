/**
 * Team rotas ("turnus") for the district generator, staffed to the team's demand the way a
 * municipality's staffing plan (bemanningsplan) is: the team's head count is given, and the
 * split into day lines, evening lines and weekend-only positions is chosen so that no part
 * of the week (weekday or weekend, morning peak, day, evening, bedtime) carries a much
 * heavier load than the rest.
 *
 * Fixed proportions did not do this. With a third of the lines on evenings, the evening
 * shifts spent 30 % of their time in visits while the morning peak needed 78 % (97 % at
 * weekends) before any travel, so even travel-only plans left visits undone and every
 * morning needed faces from outside the person's pair of contacts.
 */
import type { Staff, Visit } from './model.ts';

export const DAY_SHIFT = { start: 450, end: 900 }; // 07:30–15:00
export const EVENING_SHIFT = { start: 900, end: 1320 }; // 15:00–22:00
/** Shifts per week of a full-time turnus position (35.5 h / 7.5 h). */
const FULL_TIME_SHIFTS = 4.7;

export type Line = 'day' | 'evening' | 'two-part' | 'weekend';

export interface Member {
  staff: Staff;
  team: number;
  line: Line;
  nurse: boolean;
  medication: boolean;
  partner?: Member;
}

/**
 * Head count per team in proportion to the team's visit minutes (largest remainder), at
 * least 3 each: teams are staffed to their demand, not split evenly. With fewer than 3 per
 * team in total (or no demand), an even split.
 */
export function shareByDemand(total: number, minutes: number[]): number[] {
  const n = minutes.length;
  const sum = minutes.reduce((a, b) => a + b, 0);
  const spare = total - 3 * n;
  if (sum <= 0 || spare <= 0) return minutes.map((_, t) => Math.floor(total / n) + (t < total % n ? 1 : 0));
  const exact = minutes.map((x) => (spare * x) / sum);
  const heads = exact.map((x) => 3 + Math.floor(x));
  let left = total - heads.reduce((a, b) => a + b, 0);
  const order = exact.map((x, t) => [x - Math.floor(x), t]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, t] of order) if (left-- > 0) heads[t]++;
  return heads;
}

/** Parts of the day whose visits must be done inside them: [from, to) in minutes. */
const CELLS = [
  [450, 720], // morning peak, until 12:00
  [450, 900], // the day shift
  [1110, 1320], // bedtime, from 18:30
  [900, 1320], // the evening shift
] as const;

/** Per day and cell: visit minutes that must fall inside it, and those of two-helper visits. */
interface Need {
  minutes: Float64Array;
  lift: Float64Array;
}

interface Split {
  /** Weekends: every 2nd or every 3rd for day and two-part lines (evening lines every 2nd). */
  period?: 2 | 3;
  nWeekend: number;
  /** Weekend-only pairs on the evening shift (the rest work days). */
  weekendEvePairs: number;
  nEve: number;
  nTwoPart: number;
}

/**
 * The team's rota for `m` staff: the line split (weekends every 3rd or every 2nd, weekend-only
 * positions, evening lines) whose staff on duty leave the fewest visit minutes uncarried,
 * day by day (see heaviestLoad). On equal terms the first split tried wins: every 3rd
 * weekend before every 2nd, fewer weekend-only positions before more.
 */
export function staffTeam(team: number, m: number, days: number, base: string, demand: Visit[]): Member[] {
  const need = neededMinutes(demand, days);
  let best: { split: Split; load: number } | undefined;
  const twoPart = (rest: number) => Math.round(rest * 0.1);
  // a whole district as one team (hundreds of staff): the split in coarser steps, else the
  // search takes minutes (it grows with the fourth power of the head count)
  const step = Math.max(1, Math.round(m / 40));
  for (const period of [3, 2] as const) {
    for (let nWeekend = 0; nWeekend <= Math.round(m * 0.3); nWeekend += step) {
      const rest = m - nWeekend;
      for (let nEve = Math.max(1, Math.round(rest * 0.1)); nEve <= Math.round(rest * 0.6); nEve += step) {
        for (let weekendEvePairs = 0; weekendEvePairs <= Math.ceil(nWeekend / 2); weekendEvePairs += step) {
          const split = { period, nWeekend, weekendEvePairs, nEve, nTwoPart: twoPart(rest) };
          if (rest - nEve - split.nTwoPart < 2) continue;
          const load = heaviestLoad(buildTeam(team, m, days, base, split), need);
          if (!best || load < best.load - 1e-9) best = { split, load };
        }
      }
    }
  }
  // only for teams too small for two day lines
  const fallback = { nWeekend: 0, weekendEvePairs: 0, nEve: Math.floor(m / 3), nTwoPart: 0 };
  return buildTeam(team, m, days, base, best?.split ?? fallback);
}

/** The heaviest load ratio of a team's rota over the days of the horizon (see staffTeam). */
export function teamLoad(members: Member[], demand: Visit[], days: number): number {
  return heaviestLoad(members, neededMinutes(demand, days));
}

function neededMinutes(demand: Visit[], days: number): Need {
  const minutes = new Float64Array(CELLS.length * days);
  const lift = new Float64Array(CELLS.length * days);
  for (const v of demand) {
    CELLS.forEach(([a, b], c) => {
      // no visit can start before the day shift, so an earlier opening counts from 07:30
      if (Math.max(v.earliest, DAY_SHIFT.start) < a || v.latest + v.duration > b) return;
      minutes[v.day * CELLS.length + c] += v.duration * (v.staff ?? 1);
      if ((v.staff ?? 1) > 1) lift[v.day * CELLS.length + c] += v.duration * (v.staff ?? 1);
    });
  }
  return { minutes, lift };
}

/** Share of a helper's time that can go to visits; the rest is travel and waiting. */
const VISIT_SHARE = 0.7;

/**
 * Visit minutes the rota cannot carry: over days and cells, the need beyond VISIT_SHARE of
 * the staff minutes there, plus the minutes of two-helper visits on day-cells with fewer
 * than two staff on duty (the team cannot do that lift). A fraction of the heaviest
 * need / have ratio is added so that, among rotas that carry everything, the one with the
 * most slack on its tightest day wins.
 */
function heaviestLoad(members: Member[], need: Need): number {
  const have = new Float64Array(need.minutes.length);
  const staffOn = new Uint16Array(need.minutes.length);
  for (const mb of members) {
    for (const sh of mb.staff.shifts) {
      CELLS.forEach(([a, b], c) => {
        const overlap = Math.min(b, sh.end) - Math.max(a, sh.start);
        if (overlap <= 0) return;
        have[sh.day * CELLS.length + c] += overlap;
        staffOn[sh.day * CELLS.length + c]++;
      });
    }
  }
  let excess = 0;
  let worst = 0;
  for (let i = 0; i < have.length; i++) {
    excess += Math.max(0, need.minutes[i] - VISIT_SHARE * have[i]);
    if (need.lift[i] && staffOn[i] < 2) excess += need.lift[i];
    if (need.minutes[i] > 0) worst = Math.max(worst, have[i] > 0 ? need.minutes[i] / have[i] : 10);
  }
  return excess + worst / 10;
}

/**
 * One team's members and shifts for a given split. Lines: fixed day lines; two-part lines
 * (day and evening weeks in turn); fixed evening lines; weekend-only part-timers
 * (helgestillinger) every second weekend. Weekends every 2nd or every 3rd (`split.period`);
 * compensating weekdays off in the week of a worked weekend. Staff ids are placeholders
 * (`team-index`); the generator numbers them.
 */
export function buildTeam(t: number, m: number, days: number, base: string, split: Split): Member[] {
  const { nWeekend, nEve, nTwoPart } = split;
  const nDay = m - nWeekend - nEve - nTwoPart;
  const lines: Line[] = [
    ...Array<Line>(nDay).fill('day'),
    ...Array<Line>(nTwoPart).fill('two-part'),
    ...Array<Line>(nEve).fill('evening'),
    ...Array<Line>(nWeekend).fill('weekend'),
  ];
  const period = split.period ?? (t % 3 === 1 ? 3 : 2); // every 2nd or every 3rd weekend
  const teamMembers: Member[] = lines.map((line, j) => {
    // competences: about 30 % nurses, 50 % health workers (medication), 20 % assistants
    const x = (j * 7 + t) % 10;
    const nurse = line !== 'weekend' && x < 3;
    const medication = nurse || x < 8 || line === 'weekend';
    // everyone in a team gives personal care; therapists do not
    const skills = nurse ? ['care', 'nurse', 'medication', 'wound'] : medication ? ['care', 'medication'] : ['care'];
    return { staff: { id: `${t}-${j}`, skills, start: base, end: base, shifts: [] }, team: t, line, nurse, medication };
  });
  // pairs within a line: consecutive members, in different weekend groups
  const byLine = new Map<Line, Member[]>();
  for (const mb of teamMembers) byLine.set(mb.line, [...(byLine.get(mb.line) ?? []), mb]);
  /** Each member's position in its line (pair = position / 2) and the partner's team index. */
  const lineIdx = new Map<Member, number>();
  const partnerOf = new Map<Member, number>();
  for (const list of byLine.values()) {
    for (const [i, mb] of list.entries()) lineIdx.set(mb, i);
    for (let i = 0; i + 1 < list.length; i += 2) {
      list[i].partner = list[i + 1];
      list[i + 1].partner = list[i];
      partnerOf.set(list[i], teamMembers.indexOf(list[i + 1]));
      partnerOf.set(list[i + 1], teamMembers.indexOf(list[i]));
    }
  }
  const eveningIn = (mb: Member, week: number) =>
    mb.line === 'evening' || (mb.line === 'two-part' && (week + lineIdx.get(mb)!) % 2 === 1);

  // weekend groups, levelled as a rota planner does: each member joins the group with the
  // fewest members working the same shift (day or evening) on its weekends so far, never
  // its partner's group. Evening lines and weekend-only staff work every 2nd weekend.
  const periodOf = (line: Line) => (line === 'evening' || line === 'weekend' ? 2 : period);
  const weekendEvening = (mb: Member, week: number) =>
    mb.line === 'weekend' ? Math.floor(lineIdx.get(mb)! / 2) < split.weekendEvePairs : eveningIn(mb, week);
  const groupOf = new Map<Member, number>();
  const groupSize = new Map<string, number>();
  teamMembers.forEach((mb, j) => {
    const p = periodOf(mb.line);
    const taken = mb.partner ? groupOf.get(mb.partner) : undefined;
    // the first week the group works a weekend, and the shift the member works then
    const key = (g: number) => `${p}-${g}-${weekendEvening(mb, (((g - t) % p) + p) % p) ? 'eve' : 'day'}`;
    let best = -1;
    for (let k = 0; k < p; k++) {
      const g = (j + k) % p;
      if (g === taken && p > 1) continue;
      if (best < 0 || (groupSize.get(key(g)) ?? 0) < (groupSize.get(key(best)) ?? 0)) best = g;
    }
    groupOf.set(mb, best);
    groupSize.set(key(best), (groupSize.get(key(best)) ?? 0) + 1);
  });

  const works = teamMembers.map(() => new Array<boolean>(days).fill(false));
  for (let week = 0; week * 7 < days; week++) {
    // weekday staff on duty so far this week, per shift kind
    const onDuty = { day: [0, 0, 0, 0, 0], eve: [0, 0, 0, 0, 0] };
    teamMembers.forEach((mb, j) => {
      const first = week * 7;
      const weekendWork = (week + t) % periodOf(mb.line) === groupOf.get(mb);
      if (weekendWork) for (const dow of [5, 6]) if (first + dow < days) works[j][first + dow] = true;
      if (mb.line === 'weekend') return;
      // weekday shifts: the position's share (100 / 80 / 60 %), two fewer in the week of a
      // worked weekend, on the weekdays with the fewest of the same shift kind on duty so far,
      // preferring days the pair partner is off (so the two cover each other)
      const fteR = (j * 5 + t * 3) % 10;
      const fte = fteR < 5 ? 1 : fteR < 8 ? 0.8 : 0.6;
      const duty = eveningIn(mb, week) ? onDuty.eve : onDuty.day;
      const partner = partnerOf.get(mb) ?? -1;
      const score = (dow: number) => duty[dow] + (partner >= 0 && works[partner][first + dow] ? 0.5 : 0);
      // (a week cut short by the horizon: only its weekdays inside it, and no compensation
      // for a weekend beyond it)
      const order = [0, 1, 2, 3, 4].map((k) => (k + j + week) % 5).filter((dow) => first + dow < days);
      order.sort((x, y) => score(x) - score(y));
      const compensate = weekendWork && first + 5 < days ? 2 : 0;
      const target = Math.min(order.length, Math.max(0, Math.round(FULL_TIME_SHIFTS * fte) - compensate));
      for (const dow of order.slice(0, target)) {
        works[j][first + dow] = true;
        duty[dow]++;
      }
    });
  }
  teamMembers.forEach((mb, j) => {
    for (let d = 0; d < days; d++) {
      if (!works[j][d]) continue;
      const sh = weekendEvening(mb, Math.floor(d / 7)) ? EVENING_SHIFT : DAY_SHIFT;
      mb.staff.shifts.push({ day: d, start: sh.start, end: sh.end });
    }
  });
  return teamMembers;
}
