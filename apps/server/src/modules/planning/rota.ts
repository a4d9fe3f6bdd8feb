/**
 * Turnus arithmetic, pure: which rota entries give a shift on a date, and which entries of
 * one helper could ever overlap. Weeks are counted from Monday 1970-01-05 so that a cycle
 * ("every third weekend") runs on across new year without a jump (ISO week 53 would break it).
 */
import type { RotaPattern } from '@tillit/contracts';
import { isoWeekday } from '../care/recurrence.ts';

export type { RotaPattern };

const DAY = 86_400_000;
const dayNumber = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;

/** Week index of a date; 1970-01-05 (a Monday) starts week 0. */
export const weekIndex = (iso: string) => Math.floor((dayNumber(iso) - 4) / 7);

/** The cycle week (0 … everyWeeks-1) a date falls in: what `weekOffset` must equal. */
export const cycleWeek = (iso: string, everyWeeks: number) => ((weekIndex(iso) % everyWeeks) + everyWeeks) % everyWeeks;

export function entryFallsOn(e: RotaPattern, date: string): boolean {
  if (date < e.validFrom || (e.validUntil !== null && date > e.validUntil)) return false;
  if (!e.weekdays.includes(isoWeekday(date))) return false;
  return cycleWeek(date, e.everyWeeks) === e.weekOffset;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * True when two entries of the same helper could put overlapping shifts on one date: their
 * validity and weekdays meet, their cycles meet in some week (the Chinese remainder
 * condition: offsets agree modulo gcd of the cycle lengths), and their hours overlap.
 */
export function entriesOverlap(a: RotaPattern, b: RotaPattern): boolean {
  if (a.staffId !== b.staffId) return false;
  if (a.startMinute >= b.endMinute || b.startMinute >= a.endMinute) return false;
  if (!a.weekdays.some((d) => b.weekdays.includes(d))) return false;
  const from = a.validFrom > b.validFrom ? a.validFrom : b.validFrom;
  const untils = [a.validUntil, b.validUntil].filter((x): x is string => x !== null).sort();
  if (untils.length && untils[0] < from) return false;
  const g = gcd(a.everyWeeks, b.everyWeeks);
  return a.weekOffset % g === b.weekOffset % g;
}

/** The first overlapping pair in a helper's rota (for a 400 naming both), or null. */
export function findOverlap<T extends RotaPattern>(entries: T[]): [T, T] | null {
  for (let i = 0; i < entries.length; i++)
    for (let j = i + 1; j < entries.length; j++)
      if (entriesOverlap(entries[i], entries[j])) return [entries[i], entries[j]];
  return null;
}

/**
 * The helper's working time on a date: the span of the rota entries falling on it (a split
 * shift becomes one span; the planner may use the gap), or null when off or absent.
 */
export function shiftOn(
  entries: RotaPattern[],
  absences: { fromDate: string; toDate: string }[],
  date: string,
): { start: number; end: number } | null {
  if (absences.some((a) => a.fromDate <= date && date <= a.toDate)) return null;
  const on = entries.filter((e) => entryFallsOn(e, date));
  if (on.length === 0) return null;
  return { start: Math.min(...on.map((e) => e.startMinute)), end: Math.max(...on.map((e) => e.endMinute)) };
}
