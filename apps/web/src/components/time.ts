import { osloToday, TIME_ZONE } from '@tillit/contracts';
import { locale } from '../i18n/index.ts';

/**
 * The one place dates and times are written for people: every page formats through these, so a
 * date reads the same everywhere («9. des. 2026» in bokmål, «9 Dec 2026» in English), never as
 * 2026-12-09 beside 9.12.2026. Calendar dates (YYYY-MM-DD) are days, not instants, and are read
 * as such; instants (with a time) are shown in Oslo's time, where the work happens.
 */

/** Minutes after midnight → "08:30". */
export const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
/** Today in Oslo, wherever the browser is (the server's day lists and plans use the same day). */
export const todayIso = () => osloToday();

const isCalendarDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);
/** A calendar date is formatted at UTC midnight in UTC, so no time zone moves it to another day. */
const asDate = (s: string) => (isCalendarDate(s) ? new Date(`${s}T00:00:00Z`) : new Date(s));
const zoneOf = (s: string) => (isCalendarDate(s) ? 'UTC' : TIME_ZONE);

/** A date (YYYY-MM-DD, or an instant's day in Oslo) → «9. des. 2026» / «9 Dec 2026». */
export const formatDate = (iso: string, tag = locale()) =>
  new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: zoneOf(iso) }).format(asDate(iso));

/** A day with its weekday: «onsdag 9. desember» (long) or «ons. 9. des.» (short, for day pickers). */
export const formatDay = (iso: string, style: 'long' | 'short' = 'long', tag = locale()) =>
  new Intl.DateTimeFormat(tag, {
    weekday: style,
    day: 'numeric',
    month: style === 'long' ? 'long' : 'short',
    timeZone: zoneOf(iso),
  }).format(asDate(iso));

/** An instant → «9. des. 2026, 14:05» in Oslo's time. */
export const formatDateTime = (iso: string, tag = locale()) =>
  new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso));

/** An instant → «14:05» in Oslo's time. */
export const formatTime = (iso: string, tag = locale()) =>
  new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE }).format(new Date(iso));

/** A month (YYYY-MM-01) → «des. 2026» / «Dec 2026». */
export const formatMonth = (iso: string, tag = locale()) =>
  new Intl.DateTimeFormat(tag, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(asDate(iso));

/** The short name of ISO weekday d (1 = Monday): «man.» / «Mon». 4 January 2026 was a Sunday. */
export const weekdayName = (d: number, tag = locale()) =>
  new Intl.DateTimeFormat(tag, { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 0, 4 + d)));
