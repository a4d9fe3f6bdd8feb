/**
 * A year of documented visits for the demo district, pure and seeded: one visit per person, day
 * and agreed window (as care/visits.generate.ts makes them), done by someone on the turnus that
 * day (mostly the usual helper or one of the person's regular helpers), checked in around the
 * agreed window (mostly inside it, each team with its own course over the year), documented
 * measure by measure. A few visits are cancelled and a few measures not done, with a reason.
 */
import type { rng } from './random.ts';
import { datesFrom, dayClock, weekday, worksOn } from './history.calendar.ts';
import type { DemoRotaEntry } from './rota.ts';

type Rng = ReturnType<typeof rng>;

export interface HistoryMeasure {
  id: string;
  recipientId: string;
  days: number[];
  windowStart: number;
  windowEnd: number;
  durationMinutes: number;
  requiredCompetence: string | null;
  twoHelpers: boolean;
  usualStaffId: string | null;
}

export interface HistoryInput {
  first: string;
  last: string;
  teams: { id: string }[];
  measures: HistoryMeasure[];
  recipientTeams: { recipientId: string; teamId: string }[];
  /** Carers of each team (those on the turnus), with their competences. */
  carers: Map<string, { id: string; competences: { code: string; validFrom: string; validUntil: string | null }[] }[]>;
  rota: DemoRotaEntry[];
}

export interface HistoryVisit {
  id: string;
  recipientId: string;
  date: string;
  windowStart: number;
  windowEnd: number;
  staffId: string | null;
  secondStaffId: string | null;
  status: 'done' | 'cancelled';
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  note: string | null;
  published: boolean;
}
export interface HistoryVisitMeasure {
  visitId: string;
  measureId: string;
  outcome: 'done' | 'not_done' | 'changed' | null;
  reason: string | null;
}

const NOT_DONE = ['Ønsket ikke hjelp i dag', 'Var ikke hjemme da vi kom', 'Sov godt; avtalt å vente til i morgen'];
const CHANGED = ['Ønsket å dusje i kveld i stedet; avtalt med personen', 'Gjorde det meste selv i dag; vi veiledet'];
const CANCELLED = ['Innlagt på sykehus', 'Hos datteren i helgen', 'Avlyst etter ønske fra personen'];

/**
 * How likely a check-in inside the window is, per team and month of the year: one team gets
 * steadily better, one slips in the last months, two hold steady. So the dialogue pages have
 * something to talk about.
 */
export function punctualityCourse(teamIndex: number, monthOfYear: number): number {
  const t = monthOfYear / 11; // 0 at the start of the history, 1 at its end
  switch (teamIndex % 4) {
    case 0:
      return 0.78 + 0.14 * t;
    case 1:
      return 0.9;
    case 2:
      return t > 0.8 ? 0.76 : 0.91;
    default:
      return 0.87 + 0.03 * Math.sin(t * Math.PI * 2);
  }
}

/** The check-in minute: inside the window with probability `inside`, else late (mostly) or early. */
export function checkInMinute(r: Rng, windowStart: number, windowEnd: number, inside: number): number {
  if (r.next() < inside) return r.int(windowStart, windowEnd);
  if (r.next() < 0.75) return windowEnd + r.int(1, r.next() < 0.7 ? 20 : 50);
  return windowStart - r.int(1, 15);
}

interface Slot {
  recipientId: string;
  teamIndex: number;
  windowStart: number;
  windowEnd: number;
  duration: number;
  competences: string[];
  twoHelpers: boolean;
  usual: string | null;
  measureIds: string[];
}

/** The slots of a weekday: the person's measures of that day grouped by agreed window. */
function slotsByWeekday(input: HistoryInput) {
  const teamOf = new Map(input.recipientTeams.map((rt) => [rt.recipientId, rt.teamId]));
  const teamIndex = new Map(input.teams.map((t, i) => [t.id, i]));
  const byDay = new Map<number, Slot[]>();
  for (let wd = 1; wd <= 7; wd++) {
    const slots = new Map<string, Slot>();
    for (const m of input.measures.filter((x) => x.days.includes(wd))) {
      const key = `${m.recipientId}|${m.windowStart}|${m.windowEnd}`;
      const s = slots.get(key) ?? {
        recipientId: m.recipientId,
        teamIndex: teamIndex.get(teamOf.get(m.recipientId)!)!,
        windowStart: m.windowStart,
        windowEnd: m.windowEnd,
        duration: 0,
        competences: [],
        twoHelpers: false,
        usual: m.usualStaffId,
        measureIds: [],
      };
      s.duration += m.durationMinutes;
      if (m.requiredCompetence && !s.competences.includes(m.requiredCompetence))
        s.competences.push(m.requiredCompetence);
      s.twoHelpers ||= m.twoHelpers;
      s.measureIds.push(m.id);
      slots.set(key, s);
    }
    byDay.set(wd, [...slots.values()]);
  }
  return byDay;
}

/** The team's carers at work on a date whose shift holds the visit, with the competences it needs. */
function atWork(input: HistoryInput, teamId: string, date: string) {
  const entries = input.rota.filter((e) => e.teamId === teamId && worksOn(e, date));
  const carers = input.carers.get(teamId) ?? [];
  return (slot: Slot) =>
    carers.filter(
      (c) =>
        entries.some(
          (e) =>
            e.staffId === c.id && e.startMinute <= slot.windowStart && e.endMinute >= slot.windowEnd + slot.duration,
        ) &&
        slot.competences.every((code) =>
          c.competences.some(
            (k) => k.code === code && k.validFrom <= date && (k.validUntil === null || k.validUntil >= date),
          ),
        ),
    );
}

/** Each person's regular helpers: the usual helper's colleagues who mostly come (continuity). */
function regularsOf(r: Rng, input: HistoryInput) {
  const out = new Map<string, string[]>();
  for (const rt of input.recipientTeams) {
    const carers = input.carers.get(rt.teamId) ?? [];
    const picked = new Set<string>();
    while (picked.size < Math.min(4, carers.length)) picked.add(r.pick(carers).id);
    out.set(rt.recipientId, [...picked]);
  }
  return out;
}

/** The helper for a slot: the usual helper when at work, else a regular, else anyone able; now and then someone else. */
function chooseHelpers(r: Rng, slot: Slot, able: { id: string }[], regulars: string[]) {
  const ids = able.map((a) => a.id);
  if (ids.length === 0) return [null, null] as const;
  const pick = (exclude: string | null) => {
    const free = ids.filter((id) => id !== exclude);
    if (free.length === 0) return null;
    if (!exclude && slot.usual && free.includes(slot.usual) && r.next() < 0.8) return slot.usual;
    const known = free.filter((id) => regulars.includes(id));
    if (known.length && r.next() < 0.85) return r.pick(known);
    return r.pick(free);
  };
  const first = pick(null);
  return [first, slot.twoHelpers ? pick(first) : null] as const;
}

/** The documented visits of the past year and their measures' outcomes. */
export function generateVisitHistory(r: Rng, input: HistoryInput) {
  const visits: HistoryVisit[] = [];
  const outcomes: HistoryVisitMeasure[] = [];
  const byDay = slotsByWeekday(input);
  const regulars = regularsOf(r, input);
  const dates = datesFrom(input.first, input.last);
  dates.forEach((date, dayIndex) => {
    const clock = dayClock(date);
    const month = Math.min(11, Math.floor((dayIndex / dates.length) * 12));
    const able = new Map(input.teams.map((t) => [t.id, atWork(input, t.id, date)]));
    for (const slot of byDay.get(weekday(date)) ?? []) {
      const teamId = input.teams[slot.teamIndex].id;
      const [staffId, secondStaffId] = chooseHelpers(r, slot, able.get(teamId)!(slot), regulars.get(slot.recipientId)!);
      const id = r.uuid();
      const cancelled = r.next() < 0.015;
      const checked = !cancelled && r.next() < 0.9;
      const minute = checkInMinute(r, slot.windowStart, slot.windowEnd, punctualityCourse(slot.teamIndex, month));
      const start = checked ? clock(minute) : null;
      visits.push({
        id,
        recipientId: slot.recipientId,
        date,
        windowStart: slot.windowStart,
        windowEnd: slot.windowEnd,
        staffId,
        secondStaffId,
        status: cancelled ? 'cancelled' : 'done',
        checkedInAt: start,
        checkedOutAt: cancelled ? null : clock((checked ? minute : slot.windowStart) + slot.duration + r.int(-5, 10)),
        note: cancelled ? r.pick(CANCELLED) : null,
        published: true,
      });
      for (const measureId of slot.measureIds) {
        const x = cancelled ? 1 : r.next();
        const outcome = cancelled ? null : x < 0.03 ? 'not_done' : x < 0.045 ? 'changed' : 'done';
        const reason = outcome === 'not_done' ? r.pick(NOT_DONE) : outcome === 'changed' ? r.pick(CHANGED) : null;
        outcomes.push({ visitId: id, measureId, outcome, reason });
      }
    }
  });
  return { visits, outcomes };
}
