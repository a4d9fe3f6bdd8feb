import { addDays, osloNow, osloInstant, type ShiftName } from '@tillit/contracts';

/**
 * The team's three shifts on Oslo's clock. The rota (planning/rota.ts) gives each helper's own
 * working time, which differs from helper to helper and from team to team (split shifts, 07:30
 * starts); a handover needs one boundary the whole team shares, so it uses the usual home-care
 * pattern: day 07:00–15:00, evening 15:00–22:00, night 22:00–07:00 (a night belongs to the date
 * it starts, as in the rota). Minutes past midnight; the night's end is above 1440.
 */
export const SHIFT_MINUTES: Record<ShiftName, { start: number; end: number }> = {
  day: { start: 420, end: 900 },
  evening: { start: 900, end: 1320 },
  night: { start: 1320, end: 1860 },
};

export interface Shift {
  date: string;
  shift: ShiftName;
}

/** The shift's instants: from (included) to (excluded), across daylight saving. */
export function shiftWindow({ date, shift }: Shift): { from: Date; to: Date } {
  const m = SHIFT_MINUTES[shift];
  return { from: osloInstant(date, m.start), to: osloInstant(date, m.end) };
}

/** The shift running at an instant (00:00–07:00 is the night that began the evening before). */
export function shiftAt(at: Date): Shift {
  const { today, nowMinute } = osloNow(at);
  if (nowMinute < SHIFT_MINUTES.day.start) return { date: addDays(today, -1), shift: 'night' };
  if (nowMinute < SHIFT_MINUTES.evening.start) return { date: today, shift: 'day' };
  if (nowMinute < SHIFT_MINUTES.night.start) return { date: today, shift: 'evening' };
  return { date: today, shift: 'night' };
}

/** The shift before: the one whose handover the incoming shift reads. */
export function previousShift({ date, shift }: Shift): Shift {
  if (shift === 'day') return { date: addDays(date, -1), shift: 'night' };
  if (shift === 'evening') return { date, shift: 'day' };
  return { date, shift: 'evening' };
}
