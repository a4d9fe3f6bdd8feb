/** Calendar helpers for measures: which dates a measure with agreed weekdays falls on. */

const DAY = 86_400_000;
const toUtc = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const toIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export const isoWeekday = (iso: string) => ((new Date(toUtc(iso)).getUTCDay() + 6) % 7) + 1;

export function datesInRange(from: string, days: number): string[] {
  const start = toUtc(from);
  return Array.from({ length: days }, (_, i) => toIso(start + i * DAY));
}

/** Monday of the week containing the date, as a day number. */
const mondayOf = (iso: string) => toUtc(iso) / DAY - (isoWeekday(iso) - 1);

/**
 * True when a measure agreed for these weekdays, every `everyWeeks` weeks from the week of
 * `validFrom`, falls on `date`.
 */
export function measureFallsOn(m: { days: number[]; everyWeeks: number; validFrom: string }, date: string): boolean {
  if (date < m.validFrom) return false;
  if (!m.days.includes(isoWeekday(date))) return false;
  const weeks = Math.round((mondayOf(date) - mondayOf(m.validFrom)) / 7);
  return weeks % m.everyWeeks === 0;
}
