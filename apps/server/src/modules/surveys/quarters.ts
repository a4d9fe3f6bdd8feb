/**
 * Closed quarters. Survey and pulse results are only ever shown for a whole calendar quarter
 * (Oslo, `quarterOf` in @tillit/contracts), and only once it is closed: while it runs, reading
 * the results before and after one answer would reveal that answer.
 */
import { osloDate, quarterOf } from '@tillit/contracts';

/**
 * How long after a quarter ends it counts as closed. An answer is filed under the quarter it is
 * sent in; one sent in the last moment of a quarter may still be committing as the quarter ends
 * (or come from a server whose clock lags). An hour later none can, so the quarter's answers are
 * complete when its results are first shown, and they never change afterwards.
 */
export const SETTLE_MS = 60 * 60_000;

/** The quarter an instant falls in, on Oslo's calendar. */
export const quarterAt = (at: Date) => quarterOf(osloDate(at));

/** True when the quarter has ended and settled: its answers are complete and may be shown. */
export const isClosed = (quarter: string, now: Date) => quarterAt(new Date(now.getTime() - SETTLE_MS)) > quarter;

/** The quarter `n` quarters after (negative: before) the given one. */
export function shiftQuarter(quarter: string, n: number): string {
  const index = Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(5)) - 1 + n;
  return `${Math.floor(index / 4)}Q${(index % 4) + 1}`;
}

/** The first day of the quarter after this one (the day its results can first be read). */
export function closesOn(quarter: string): string {
  const next = shiftQuarter(quarter, 1);
  return `${next.slice(0, 4)}-${String((Number(next.slice(5)) - 1) * 3 + 1).padStart(2, '0')}-01`;
}
