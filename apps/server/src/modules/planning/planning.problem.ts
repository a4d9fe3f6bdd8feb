/**
 * From the record to a planning problem and back, pure (no I/O): the team's visits, rotas,
 * absences, competences and locks become a `tillit-homecare/1` problem the optimizer (and
 * any independent checker) reads; a `tillit-solution/1` plan becomes assignments per visit.
 */
import type { UnassignedReason } from '@tillit/contracts';
import type { Problem, Solution, Staff, Visit as ProblemVisit } from '@tillit/optimizer';
import { validOnDate } from '../../time/valid.ts';
import { datesInRange } from '../care/index.ts';
import { TRAVEL } from './planning.figures.ts';
import { fitsWindow, type Interval, shiftsFrom, shiftsOn, type RotaPattern } from './rota.ts';

export interface PlanningStaff {
  id: string;
  name: string;
  competences: { code: string; validFrom: string; validUntil: string | null }[];
  rota: RotaPattern[];
  absences: { fromDate: string; toDate: string }[];
}

export interface PlanningVisit {
  id: string;
  recipientId: string;
  date: string;
  windowStart: number;
  windowEnd: number;
  duration: number;
  competences: string[];
  twoHelpers: boolean;
  staffId: string | null;
  secondStaffId: string | null;
  plannedStart: number | null;
  /** Started and done visits are kept as they are. Default planned. */
  status?: 'planned' | 'started' | 'done' | 'cancelled';
  /** Check-in minute (Norwegian clock) of a started visit. */
  checkInMinute?: number | null;
}

export interface PlanningData {
  name: string;
  from: string;
  days: number;
  /** Today and the minute now: shifts today start no earlier than now, past days are not planned. */
  today: string;
  nowMinute: number;
  base: { lat: number; lon: number };
  staff: PlanningStaff[];
  recipients: {
    id: string;
    lat: number;
    lon: number;
    primaryContact: string | null;
    history: Record<string, number>;
  }[];
  /** The period's visits; only planned ones (from today on) are planned again. */
  visits: PlanningVisit[];
  /** Visit locks (keep or move the visit to this helper) and helper-day locks (keep the day as it is). */
  locks: { id?: string; visitId: string | null; staffId: string; date: string | null }[];
  /** Sick-day re-plan: only these dates are planned (from the current plan as baseline, see baselineFrom). */
  replanDates?: string[];
}

/** A competence is valid per date; the problem format has fixed skills, so skills are per day: `code@day`. */
export const skillOn = (code: string, day: number) => `${code}@${day}`;

/**
 * Visits of the problem that are no visits: `hold:` keeps a helper's time for a visit kept as
 * it is, `break:` is the gap in a split shift (the helper is at the base, off work). Both are
 * pinned; neither is a visit to plan, publish or report.
 */
export const isPlaceholder = (visitId: string) => visitId.startsWith('hold:') || visitId.startsWith('break:');

/**
 * The problem format gives a helper one shift a day. A day of several parts (a split shift,
 * or a night shift's morning and the next night) becomes one shift from the first start to
 * the last end, with each gap held by a pinned `break:` visit at the base: the helper is back
 * at the base when the break starts and leaves it when it ends, and nothing is planned in it.
 */
function breaksOf(staffId: string, day: number, parts: Interval[]): ProblemVisit[] {
  return parts.slice(1).map((p, k) => ({
    id: `break:${staffId}:${day}:${k}`,
    recipient: `break:${staffId}`,
    day,
    earliest: parts[k].end,
    latest: parts[k].end,
    duration: p.start - parts[k].end,
    pinned: staffId,
  }));
}

export interface BuiltProblem {
  problem: Problem;
  /** Visits of the period left as they are (locked helper-day, outside the re-planned dates). */
  kept: string[];
}

export function buildProblem(data: PlanningData): BuiltProblem {
  const dates = datesInRange(data.from, data.days);
  const dayOf = new Map(dates.map((d, i) => [d, i]));
  const replan = data.replanDates ? new Set(data.replanDates) : null;
  const lockedDays = new Set(data.locks.filter((l) => l.date).map((l) => `${l.staffId}|${l.date}`));
  const known = new Set(data.staff.map((s) => s.id));
  // A lock to someone no longer in the team is void (the optimizer would ignore an unknown pin anyway).
  const visitLock = new Map(
    data.locks.filter((l) => l.visitId && known.has(l.staffId)).map((l) => [l.visitId!, l.staffId]),
  );

  const { staff, breaks, onBreak } = problemStaff(data, dates, lockedDays, replan);
  const visits: ProblemVisit[] = [...breaks];

  const kept: string[] = [];
  for (const v of data.visits) {
    const day = dayOf.get(v.date);
    if (day === undefined) continue;
    const helpers = [v.staffId, v.secondStaffId].filter((x): x is string => x !== null);
    const onLockedDay = helpers.some((h) => lockedDays.has(`${h}|${v.date}`));
    // Past days, today's visits whose window has passed (nobody documented them yet: left as
    // they are, not taken away), dates outside a sick-day re-plan, and started or done visits.
    const outside =
      v.date < data.today ||
      (v.date === data.today && v.windowEnd < data.nowMinute) ||
      (replan !== null && !replan.has(v.date)) ||
      (v.status !== undefined && v.status !== 'planned');
    if (onLockedDay || outside || (v.twoHelpers && visitLock.has(v.id))) {
      kept.push(v.id);
      visits.push(...holdsFor(v, day, helpers, outside, { data, known, lockedDays }));
      continue;
    }
    const pv: ProblemVisit = {
      id: v.id,
      recipient: v.recipientId,
      day,
      earliest: v.windowStart,
      latest: v.windowEnd,
      duration: v.duration,
      staff: v.twoHelpers ? 2 : 1,
    };
    if (v.competences.length) pv.skills = v.competences.map((c) => skillOn(c, day));
    const pin = visitLock.get(v.id);
    if (pin && !v.twoHelpers) pv.pinned = pin;
    visits.push(pv);
  }

  const problem: Problem = {
    format: 'tillit-homecare/1',
    name: data.name,
    days: data.days,
    travel: { model: 'haversine', ...TRAVEL },
    locations: [
      { id: 'base', lat: data.base.lat, lon: data.base.lon },
      ...data.recipients.map((r) => ({ id: `loc:${r.id}`, lat: r.lat, lon: r.lon })),
    ],
    staff,
    recipients: problemRecipients(data, staff, onBreak),
    visits,
  };
  return { problem, kept };
}

/**
 * Each helper's shifts and competences over the period (none on past days, locked helper-days
 * and days outside a sick-day re-plan; today from now on), and the breaks between the parts of
 * a split shift as visits pinned to the helper.
 */
function problemStaff(data: PlanningData, dates: string[], lockedDays: Set<string>, replan: Set<string> | null) {
  const breaks: ProblemVisit[] = [];
  const onBreak = new Set<string>();
  const staff: Staff[] = data.staff.map((s) => {
    const shifts: Staff['shifts'] = [];
    const skills = new Set<string>();
    dates.forEach((date, day) => {
      if (date < data.today || lockedDays.has(`${s.id}|${date}`) || (replan && !replan.has(date))) return;
      const all = shiftsOn(s.rota, s.absences, date);
      // Today, nothing starts before now.
      const parts = date === data.today ? shiftsFrom(all, data.nowMinute) : all;
      if (parts.length === 0) return;
      shifts.push({ day, start: parts[0].start, end: parts[parts.length - 1].end });
      const found = breaksOf(s.id, day, parts);
      if (found.length) onBreak.add(s.id);
      breaks.push(...found);
      for (const c of s.competences) if (validOnDate(c, date)) skills.add(skillOn(c.code, day));
    });
    return { id: s.id, skills: [...skills].sort(), start: 'base', end: 'base', shifts };
  });
  return { staff, breaks, onBreak };
}

/**
 * The time a kept visit still takes from helpers who are being planned: a visit under way today
 * keeps its helpers busy until it should end; otherwise, inside the planned period, the helpers
 * of a kept visit must keep its time free.
 */
function holdsFor(
  v: PlanningVisit,
  day: number,
  helpers: string[],
  outside: boolean,
  { data, known, lockedDays }: { data: PlanningData; known: Set<string>; lockedDays: Set<string> },
): ProblemVisit[] {
  const holds: ProblemVisit[] = [];
  if (v.status === 'started' && v.date === data.today && v.checkInMinute != null) {
    const left = v.checkInMinute + v.duration - data.nowMinute;
    if (left > 0)
      for (const h of helpers)
        if (known.has(h) && !lockedDays.has(`${h}|${v.date}`))
          holds.push({
            id: `hold:${v.id}:${h}`,
            recipient: v.recipientId,
            day,
            earliest: data.nowMinute,
            latest: data.nowMinute,
            duration: left,
            pinned: h,
          });
    return holds;
  }
  if (outside) return holds;
  for (const h of helpers) {
    if (lockedDays.has(`${h}|${v.date}`) || !known.has(h)) continue;
    const at = v.plannedStart ?? v.windowStart;
    holds.push({
      id: `hold:${v.id}:${h}`,
      recipient: v.recipientId,
      day,
      earliest: at,
      latest: v.plannedStart ?? v.windowEnd,
      duration: v.duration,
      pinned: h,
    });
  }
  return holds;
}

/** The people served with their familiar faces, and one "recipient" per helper for their breaks. */
function problemRecipients(data: PlanningData, staff: Staff[], onBreak: Set<string>): Problem['recipients'] {
  return [
    ...data.recipients.map((r) => {
      // Familiar faces: the primary contact first, then whoever has come most in the last weeks.
      const byHistory = Object.entries(r.history)
        .sort((a, b) => b[1] - a[1])
        .map(([id]) => id);
      const preferred = [...new Set([...(r.primaryContact ? [r.primaryContact] : []), ...byHistory])]
        .filter((id) => staff.some((s) => s.id === id))
        .slice(0, 3);
      const history = Object.fromEntries(Object.entries(r.history).filter(([id]) => staff.some((s) => s.id === id)));
      return { id: r.id, location: `loc:${r.id}`, preferred, history };
    }),
    // Each helper's breaks belong to a "recipient" of their own at the base (no one else's continuity).
    ...[...onBreak].map((id) => ({ id: `break:${id}`, location: 'base' })),
  ];
}

/**
 * The plan as it stands, as a tillit-solution/1 over the problem's visits: the baseline a
 * sick-day re-plan changes as little as possible (the optimizer charges every visit moved to
 * another helper). Routes are in planned (or window) order; helpers without a shift that day
 * are left in — the optimizer drops what no longer fits.
 */
export function baselineFrom(data: PlanningData, problem: Problem): Solution {
  const inProblem = new Set(problem.visits.map((v) => v.id));
  const routes = new Map<string, Solution['routes'][number]>();
  const dayOf = new Map(datesInRange(data.from, data.days).map((d, i) => [d, i]));
  const sorted = data.visits
    .filter((v) => inProblem.has(v.id))
    .sort((a, b) => (a.plannedStart ?? a.windowStart) - (b.plannedStart ?? b.windowStart));
  for (const v of sorted) {
    for (const h of [v.staffId, v.secondStaffId]) {
      if (!h) continue;
      const key = `${h}|${v.date}`;
      let r = routes.get(key);
      if (!r) {
        r = { staff: h, day: dayOf.get(v.date)!, stops: [] };
        routes.set(key, r);
      }
      r.stops.push({ visit: v.id, start: v.plannedStart ?? v.windowStart });
    }
  }
  const served = new Set(sorted.filter((v) => v.staffId).map((v) => v.id));
  return {
    format: 'tillit-solution/1',
    problem: problem.name,
    routes: [...routes.values()],
    unassigned: [...inProblem].filter((id) => !served.has(id)),
  };
}

export interface Assignment {
  staffId: string | null;
  secondStaffId: string | null;
  plannedStart: number | null;
}

/** Assignments per real visit from a plan (hold entries are dropped); unassigned visits get no helper. */
export function assignmentsFrom(solution: Solution): Map<string, Assignment> {
  const out = new Map<string, Assignment>();
  for (const route of solution.routes) {
    for (const stop of route.stops) {
      if (isPlaceholder(stop.visit)) continue;
      const a = out.get(stop.visit);
      const start = Math.round(stop.start);
      if (!a) out.set(stop.visit, { staffId: route.staff, secondStaffId: null, plannedStart: start });
      else a.secondStaffId = route.staff;
    }
  }
  for (const id of solution.unassigned)
    if (!isPlaceholder(id)) out.set(id, { staffId: null, secondStaffId: null, plannedStart: null });
  return out;
}

export type { UnassignedReason };

/** A helper's working time on a problem day: the shift without its breaks. */
function workingParts(problem: Problem, s: Staff, day: number): Interval[] {
  const shift = s.shifts.find((sh) => sh.day === day);
  if (!shift) return [];
  const breaks = problem.visits
    .filter((v) => v.day === day && v.pinned === s.id && v.id.startsWith('break:'))
    .sort((a, b) => a.earliest - b.earliest);
  const parts: Interval[] = [];
  let from = shift.start;
  for (const b of breaks) {
    parts.push({ start: from, end: b.earliest });
    from = b.earliest + b.duration;
  }
  parts.push({ start: from, end: shift.end });
  return parts;
}

/**
 * Why a visit was left without a helper, in words a team can act on: nobody works that day,
 * nobody at work holds the competence that day, fewer than two at work for a two-helper
 * visit, or the shifts are full inside the agreed window.
 */
export function unassignedReason(
  problem: Problem,
  visitId: string,
  competencesOf: (visitId: string) => string[],
): UnassignedReason {
  const v = problem.visits.find((x) => x.id === visitId);
  if (!v) return { code: 'no_room' };
  const working = problem.staff.filter((s) =>
    fitsWindow(workingParts(problem, s, v.day), v.earliest, v.latest, v.duration),
  );
  if (working.length === 0) return { code: 'no_shift' };
  for (const code of competencesOf(visitId)) {
    if (!working.some((s) => s.skills.includes(skillOn(code, v.day))))
      return { code: 'no_competence', competence: code };
  }
  const able = working.filter(
    (s) => (v.skills ?? []).every((k) => s.skills.includes(k)) && (!v.pinned || v.pinned === s.id),
  );
  if ((v.staff ?? 1) === 2 && able.length < 2) return { code: 'two_helpers_short' };
  return { code: 'no_room' };
}
