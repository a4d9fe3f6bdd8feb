/**
 * Turnus arithmetic, pure: which rota entries give a shift on a date, the working time they
 * give (split shifts in parts, night shifts across midnight), and which entries of one helper
 * could ever overlap. Weeks are counted from Monday 1970-01-05 so that a cycle
 * ("every third weekend") runs on across new year without a jump (ISO week 53 would break it).
 */
import { addDays, type RotaPattern } from '@tillit/contracts';
import { validOnDate } from '../../time/valid.ts';
import { isoWeekday } from '../care/index.ts';

export type { RotaPattern };

const DAY = 86_400_000;
const dayNumber = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;

/** Week index of a date; 1970-01-05 (a Monday) starts week 0. */
export const weekIndex = (iso: string) => Math.floor((dayNumber(iso) - 4) / 7);

/** The cycle week (0 … everyWeeks-1) a date falls in: what `weekOffset` must equal. */
export const cycleWeek = (iso: string, everyWeeks: number) => ((weekIndex(iso) % everyWeeks) + everyWeeks) % everyWeeks;

export function entryFallsOn(e: RotaPattern, date: string): boolean {
  if (!validOnDate(e, date)) return false;
  if (!e.weekdays.includes(isoWeekday(date))) return false;
  return cycleWeek(date, e.everyWeeks) === e.weekOffset;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** Minutes in a day: a night shift's `endMinute` runs past it into the next morning. */
export const DAY_MINUTES = 1440;

/**
 * True when two entries of the same helper could put overlapping shifts on the same time:
 * on the same day, or a night shift running past midnight into the next day's shift. For
 * each weekday of `a` and a day offset k of −1, 0 or +1 (a shift lasts at most 24 hours),
 * the hours must overlap, the weekdays and validity meet, and the cycles meet in some week
 * (the Chinese remainder condition: offsets agree modulo the gcd of the cycle lengths, with
 * the week moved by one when k crosses Sunday night).
 */
export function entriesOverlap(a: RotaPattern, b: RotaPattern): boolean {
  if (a.staffId !== b.staffId) return false;
  const g = gcd(a.everyWeeks, b.everyWeeks);
  for (const k of [-1, 0, 1]) {
    // a from sa to ea on day D; b from sb + k·1440 to eb + k·1440 (b on day D + k).
    const sb = b.startMinute + k * DAY_MINUTES;
    const eb = b.endMinute + k * DAY_MINUTES;
    if (a.startMinute >= eb || sb >= a.endMinute) continue;
    // b's dates are a's moved by k days: their validity must meet after that move.
    const from = maxDate(addDays(a.validFrom, k), b.validFrom);
    const untils = [a.validUntil && addDays(a.validUntil, k), b.validUntil].filter((x): x is string => Boolean(x));
    if (untils.some((u) => u < from)) continue;
    for (const day of a.weekdays) {
      const next = day - 1 + k; // 0 = Monday … 6 = Sunday; −1 and 7 fall in the week before or after
      const weekShift = next < 0 ? -1 : next > 6 ? 1 : 0;
      if (!b.weekdays.includes(((next + 7) % 7) + 1)) continue;
      if ((((a.weekOffset + weekShift - b.weekOffset) % g) + g) % g === 0) return true;
    }
  }
  return false;
}

const maxDate = (x: string, y: string) => (x > y ? x : y);

/** The first overlapping pair in a helper's rota (for a 400 naming both), or null. */
export function findOverlap<T extends RotaPattern>(entries: T[]): [T, T] | null {
  for (let i = 0; i < entries.length; i++)
    for (let j = i + 1; j < entries.length; j++)
      if (entriesOverlap(entries[i], entries[j])) return [entries[i], entries[j]];
  return null;
}

/** Working time on one date, minutes after midnight (0 … 1440). */
export interface Interval {
  start: number;
  end: number;
}

const isAbsent = (absences: { fromDate: string; toDate: string }[], date: string) =>
  absences.some((a) => a.fromDate <= date && date <= a.toDate);

/**
 * The helper's working time on a date, in order: each shift starting that day (a night
 * shift up to midnight), and the morning part of a night shift that started the day before.
 * Shifts that touch are joined; a split shift stays two parts, so nobody plans visits in the
 * break. A shift belongs to the day it starts: an absence on that day takes the whole shift,
 * including its hours after midnight. Empty when off or absent.
 */
export function shiftsOn(
  entries: RotaPattern[],
  absences: { fromDate: string; toDate: string }[],
  date: string,
): Interval[] {
  const parts: Interval[] = [];
  if (!isAbsent(absences, date))
    for (const e of entries)
      if (entryFallsOn(e, date)) parts.push({ start: e.startMinute, end: Math.min(e.endMinute, DAY_MINUTES) });
  const before = addDays(date, -1);
  if (!isAbsent(absences, before))
    for (const e of entries)
      if (e.endMinute > DAY_MINUTES && entryFallsOn(e, before))
        parts.push({ start: 0, end: e.endMinute - DAY_MINUTES });
  parts.sort((x, y) => x.start - y.start);
  const joined: Interval[] = [];
  for (const p of parts) {
    const last = joined[joined.length - 1];
    if (last && p.start <= last.end) last.end = Math.max(last.end, p.end);
    else if (p.end > p.start) joined.push({ ...p });
  }
  return joined;
}

/** The parts of a day's working time from `minute` on (today: nothing is planned in the past). */
export const shiftsFrom = (parts: Interval[], minute: number): Interval[] =>
  parts.filter((p) => p.end > minute).map((p) => ({ start: Math.max(p.start, minute), end: p.end }));

/** True when some part of the working time can hold a visit of `duration` starting inside the window. */
export function fitsWindow(parts: Interval[], windowStart: number, windowEnd: number, duration: number): boolean {
  return parts.some((p) => {
    const start = Math.max(p.start, windowStart);
    return start <= windowEnd && start + duration <= p.end;
  });
}
