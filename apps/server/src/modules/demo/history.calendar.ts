/**
 * The calendar of the demo's past year, pure: which days it spans, who works which day (the demo
 * turnus read the way planning/rota.ts reads it), and Oslo wall-clock minutes as instants.
 */
import { addDays, osloInstant } from '@tillit/contracts';
import type { DemoRotaEntry } from './rota.ts';

const DAY = 86_400_000;
const dayNumber = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export const weekday = (iso: string) => ((((dayNumber(iso) + 3) % 7) + 7) % 7) + 1;

/** Weeks counted from Monday 1970-01-05, as planning/rota.ts counts them (so a cycle has no jump at new year). */
const weekIndex = (iso: string) => Math.floor((dayNumber(iso) - 4) / 7);

/** The Monday on or before a date. */
export const mondayOf = (iso: string) => addDays(iso, 1 - weekday(iso));

/** How many days of history: a year back from yesterday. */
export const HISTORY_DAYS = 365;

/** The first day of the history and the day the demo's plans and turnus start (a Monday before it). */
export function historySpan(today: string) {
  const first = addDays(today, -HISTORY_DAYS);
  return { first, last: addDays(today, -1), epoch: mondayOf(addDays(first, -7)) };
}

/** Every date from `first` to `last`, both included. */
export function datesFrom(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) out.push(d);
  return out;
}

/** True when the rota entry gives a shift on the date (validity aside: the history keeps one turnus). */
export function worksOn(e: DemoRotaEntry, date: string) {
  if (!e.weekdays.includes(weekday(date))) return false;
  const cycle = ((weekIndex(date) % e.everyWeeks) + e.everyWeeks) % e.everyWeeks;
  return cycle === e.weekOffset;
}

/**
 * Oslo wall clock → instant, for many minutes of one day: the offset is read once per day at
 * noon (the visits lie between 07:00 and 23:00, never across a daylight-saving change at night).
 */
export function dayClock(date: string) {
  const noon = osloInstant(date, 720).getTime();
  return (minute: number) => new Date(noon + (minute - 720) * 60_000);
}
