/**
 * Staffing before gains (#22 item 5), pure: the hours a team's week needs (its visits, by weekday,
 * part of the day and competence) against the hours it has staffed (rota less absences), the
 * competence gaps, and the smallest staffing change that would cover the visits nobody can take.
 */
import { validOnDate } from '../../time/valid.ts';

export type Part = 'morning' | 'day' | 'evening' | 'night';
export const PARTS: readonly Part[] = ['morning', 'day', 'evening', 'night'];
/** Where each part of the day begins (minutes after midnight, Norwegian clock); night runs to 07:00. */
const PART_START: Record<Part, number> = { morning: 7 * 60, day: 11 * 60, evening: 15 * 60, night: 23 * 60 };
/** The length of the shift a suggestion adds, per part (a day shift covers morning and day). */
export const SHIFT_MINUTES: Record<Part, number> = { morning: 480, day: 480, evening: 480, night: 600 };
/** Of a shift's minutes, the share left for visits after travel and breaks (planning's experience, demo data). */
export const VISIT_SHARE = 0.7;

export const partOf = (minute: number): Part => {
  const m = ((minute % 1440) + 1440) % 1440;
  if (m >= PART_START.night || m < PART_START.morning) return 'night';
  if (m >= PART_START.evening) return 'evening';
  if (m >= PART_START.day) return 'day';
  return 'morning';
};

/** Where the parts change within one day, in order (a shift's parts lie within 00:00–24:00). */
const BOUNDARIES = [0, PART_START.morning, PART_START.day, PART_START.evening, PART_START.night, 1440];

/** Minutes of [start, end) in each part of the day. */
export function minutesByPart(start: number, end: number): Record<Part, number> {
  const out: Record<Part, number> = { morning: 0, day: 0, evening: 0, night: 0 };
  for (let i = 0; i < BOUNDARIES.length - 1; i++) {
    const overlap = Math.min(end, BOUNDARIES[i + 1]) - Math.max(start, BOUNDARIES[i]);
    if (overlap > 0) out[partOf(BOUNDARIES[i])] += overlap;
  }
  return out;
}

export interface StaffingStaff {
  competences: { code: string; validFrom: string; validUntil: string | null }[];
  /** The day's working time after absences (planning/rota.ts shiftsOn). */
  shiftsOn: (date: string) => { start: number; end: number }[];
}
export interface StaffingVisit {
  date: string;
  windowStart: number;
  duration: number;
  competences: string[];
  twoHelpers: boolean;
  /** Nobody is planned on it (no helper, or a two-helper visit with one). */
  unstaffed: boolean;
}

export interface Cell {
  weekday: number;
  part: Part;
  neededMinutes: number;
  staffedMinutes: number;
}
export interface CompetenceCell extends Cell {
  competence: string;
}

/** ISO weekday 1 (Monday) … 7 of a date. */
export const weekdayOf = (iso: string) => ((new Date(`${iso}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;

const key = (weekday: number, part: Part, competence = '') => `${weekday}|${part}|${competence}`;

/** The week's needed and staffed minutes per weekday and part, in total and per competence asked for. */
export function staffingWeek(dates: string[], staff: StaffingStaff[], visits: StaffingVisit[]) {
  const needed = new Map<string, number>();
  const staffed = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, minutes: number) => m.set(k, (m.get(k) ?? 0) + minutes);
  for (const v of visits) {
    const minutes = v.duration * (v.twoHelpers ? 2 : 1);
    const wd = weekdayOf(v.date);
    add(needed, key(wd, partOf(v.windowStart)), minutes);
    for (const c of v.competences) add(needed, key(wd, partOf(v.windowStart), c), minutes);
  }
  const asked = new Set(visits.flatMap((v) => v.competences));
  for (const date of dates) {
    const wd = weekdayOf(date);
    for (const s of staff) {
      const held = [...asked].filter((code) => s.competences.some((c) => c.code === code && validOnDate(c, date)));
      for (const shift of s.shiftsOn(date)) {
        const byPart = minutesByPart(shift.start, shift.end);
        for (const part of PARTS) {
          if (byPart[part] === 0) continue;
          add(staffed, key(wd, part), byPart[part]);
          for (const code of held) add(staffed, key(wd, part, code), byPart[part]);
        }
      }
    }
  }
  const cells: Cell[] = [];
  const competenceCells: CompetenceCell[] = [];
  for (let weekday = 1; weekday <= 7; weekday++)
    for (const part of PARTS) {
      cells.push({
        weekday,
        part,
        neededMinutes: needed.get(key(weekday, part)) ?? 0,
        staffedMinutes: staffed.get(key(weekday, part)) ?? 0,
      });
      for (const competence of [...asked].sort()) {
        const neededMinutes = needed.get(key(weekday, part, competence)) ?? 0;
        if (neededMinutes > 0)
          competenceCells.push({
            weekday,
            part,
            competence,
            neededMinutes,
            staffedMinutes: staffed.get(key(weekday, part, competence)) ?? 0,
          });
      }
    }
  return { cells, competenceCells, gaps: competenceCells.filter((c) => c.staffedMinutes === 0) };
}

export interface Suggestion {
  weekday: number;
  part: Part;
  /** The competence the added shift's helper must hold, or null when none is asked for. */
  competence: string | null;
  covers: number;
}

/**
 * The smallest staffing change that covers the unstaffed visits, greedily: an added shift is one
 * helper on one weekday and part of the day holding at most one competence, with room for
 * SHIFT_MINUTES × VISIT_SHARE minutes of visits; each round adds the shift that covers the most
 * visits still left (shortest first, so more fit), until none is covered or `max` are chosen.
 * A two-helper visit needs its second helper only, so it counts once with its duration.
 */
export function smallestChange(unstaffed: StaffingVisit[], max = 3): { suggestions: Suggestion[]; of: number } {
  let left = unstaffed.map((v, i) => ({ ...v, i }));
  const suggestions: Suggestion[] = [];
  while (left.length > 0 && suggestions.length < max) {
    const candidates = new Map<string, Suggestion & { picked: number[] }>();
    for (const v of left) {
      const wd = weekdayOf(v.date);
      const part = partOf(v.windowStart);
      if (v.competences.length > 1) continue; // one added helper holds one named competence here
      const competence = v.competences[0] ?? null;
      const k = key(wd, part, competence ?? '');
      if (!candidates.has(k)) candidates.set(k, { weekday: wd, part, competence, covers: 0, picked: [] });
    }
    for (const c of candidates.values()) {
      let room = SHIFT_MINUTES[c.part] * VISIT_SHARE;
      const fits = left
        .filter(
          (v) =>
            weekdayOf(v.date) === c.weekday &&
            partOf(v.windowStart) === c.part &&
            v.competences.every((code) => code === c.competence),
        )
        .sort((a, b) => a.duration - b.duration);
      for (const v of fits) {
        if (v.duration > room) break;
        room -= v.duration;
        c.picked.push(v.i);
      }
      c.covers = c.picked.length;
    }
    const best = [...candidates.values()].sort(
      (a, b) => b.covers - a.covers || a.weekday - b.weekday || PARTS.indexOf(a.part) - PARTS.indexOf(b.part),
    )[0];
    if (!best || best.covers === 0) break;
    const picked = new Set(best.picked);
    left = left.filter((v) => !picked.has(v.i));
    suggestions.push({ weekday: best.weekday, part: best.part, competence: best.competence, covers: best.covers });
  }
  return { suggestions, of: unstaffed.length };
}
