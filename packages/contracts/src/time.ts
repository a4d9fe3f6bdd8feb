/**
 * Tillit's calendar: every "today", day, month and quarter is Europe/Oslo, whatever zone the
 * server, the database session or the browser runs in. Dates are ISO `YYYY-MM-DD` strings
 * (calendar days, no zone); minutes are minutes after midnight on Oslo's clock. Shared by the
 * server, the web app and the browser tests, so all three agree on what day it is.
 */

export const TIME_ZONE = 'Europe/Oslo';

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function osloParts(at: Date) {
  const p: Record<string, string> = {};
  for (const { type, value } of parts.formatToParts(at)) p[type] = value;
  return { date: `${p.year}-${p.month}-${p.day}`, minute: Number(p.hour) * 60 + Number(p.minute) };
}

/** The calendar date in Oslo at an instant. */
export const osloDate = (at: Date): string => osloParts(at).date;

/** Today in Oslo (the instant defaults to now; the server passes its clock's). */
export const osloToday = (at: Date = new Date()): string => osloDate(at);

/** The minute after midnight on Oslo's clock at an instant (0 … 1439). */
export const osloMinute = (at: Date): number => osloParts(at).minute;

/** Oslo's date and minute at an instant, read once (so they cannot straddle midnight). */
export const osloNow = (at: Date = new Date()): { today: string; nowMinute: number } => {
  const p = osloParts(at);
  return { today: p.date, nowMinute: p.minute };
};

const DAY_MS = 86_400_000;
const dayNumber = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
const fromDayNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** A calendar date moved by whole days (calendar arithmetic: no clock, no daylight saving). */
export const addDays = (date: string, days: number): string => fromDayNumber(dayNumber(date) + days);

/** Whole days from one calendar date to another. */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** The quarter a calendar date falls in, as `2026Q1`. */
export const quarterOf = (date: string): string =>
  `${date.slice(0, 4)}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

/** The first day of the quarter a calendar date falls in. */
export const quarterStart = (date: string): string =>
  `${date.slice(0, 4)}-${String(Math.floor((Number(date.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;

/** The first day of the month a calendar date falls in, moved by whole months. */
export function monthStart(date: string, plusMonths = 0): string {
  const m = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + plusMonths;
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * The instant at which Oslo's clock shows `minute` on `date`. On the spring night the clock
 * skips 02:00–02:59; such a minute gives the instant an hour later on the clock (03:xx). On
 * the autumn night 02:00–02:59 comes twice; the first (summer time) is given.
 */
export function osloInstant(date: string, minute: number): Date {
  if (minute >= 1440 || minute < 0)
    return osloInstant(addDays(date, Math.floor(minute / 1440)), ((minute % 1440) + 1440) % 1440);
  const wall = dayNumber(date) * DAY_MS + minute * 60_000;
  // Oslo is UTC+1 or UTC+2: try summer time first, so a repeated minute gives the first one.
  for (const offset of [2, 1]) {
    const at = new Date(wall - offset * 3_600_000);
    const p = osloParts(at);
    if (p.date === date && p.minute === minute) return at;
  }
  return new Date(wall - 3_600_000);
}
